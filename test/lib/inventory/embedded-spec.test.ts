import {
  chooseEmbeddedSpec,
  inventoryFromTemplates,
  specElsewhereMessage,
} from '../../../lib/inventory';
import { METADATA_SPEC_KEY, METADATA_SPEC_REF_KEY } from '../../../lib/model';
import { specDigest } from '../../../lib/spec';

const SPEC = { regions: { primary: 'us-east-1', recovery: 'us-west-2' }, services: [] };
const OTHER = { regions: { primary: 'eu-west-1', recovery: 'eu-central-1' }, services: [] };

function stack(name: string, metadata: Record<string, unknown>) {
  return { stack: name, region: 'us-east-1', template: { Metadata: metadata, Resources: {} } };
}

describe('chooseEmbeddedSpec', () => {
  test('uses the first spec embedded and accepts references carrying its digest', () => {
    // GIVEN
    const inventory = inventoryFromTemplates([
      stack('Foundation', { [METADATA_SPEC_KEY]: SPEC }),
      stack('Primary', {
        [METADATA_SPEC_REF_KEY]: { stack: 'Foundation', sha256: specDigest(SPEC) },
      }),
    ]);
    // WHEN
    const choice = chooseEmbeddedSpec(inventory);
    // THEN
    expect(choice).toEqual({ embedded: { stack: 'Foundation', spec: SPEC }, differing: [] });
  });

  test('names the stacks embedding, or pointing to, another spec', () => {
    // GIVEN
    const inventory = inventoryFromTemplates([
      stack('Foundation', { [METADATA_SPEC_KEY]: SPEC }),
      stack('Old', { [METADATA_SPEC_KEY]: OTHER }),
      stack('Same', { [METADATA_SPEC_KEY]: SPEC }),
      stack('Stale', {
        [METADATA_SPEC_REF_KEY]: { stack: 'Foundation', sha256: specDigest(OTHER) },
      }),
    ]);
    // WHEN
    const choice = chooseEmbeddedSpec(inventory);
    // THEN
    expect(choice.embedded?.stack).toBe('Foundation');
    expect(choice.differing).toEqual(['Old', 'Stale']);
  });

  test('says where the spec is when only a reference to it was read', () => {
    // GIVEN
    const inventory = inventoryFromTemplates([
      stack('Primary2', { [METADATA_SPEC_REF_KEY]: { stack: 'ShopFoundation', sha256: 'ab' } }),
    ]);
    // WHEN
    const choice = chooseEmbeddedSpec(inventory);
    // THEN
    expect(choice.embedded).toBeUndefined();
    expect(choice.elsewhere).toEqual({
      stack: 'Primary2',
      specStack: 'ShopFoundation',
      sha256: 'ab',
    });
    expect(specElsewhereMessage(choice.elsewhere!)).toBe(
      'stack Primary2 points to the spec embedded in stack ShopFoundation (ContinuityKit::SpecRef), ' +
        'which was not read: read the whole cdk.out, or include the template of ShopFoundation, ' +
        'which holds ContinuityKit::Spec',
    );
  });

  test('finds nothing, and no reference, in templates without continuity metadata', () => {
    // GIVEN
    const inventory = inventoryFromTemplates([stack('Plain', { Owner: 'team' })]);
    // WHEN / THEN
    expect(chooseEmbeddedSpec(inventory)).toEqual({ differing: [], elsewhere: undefined });
  });
});

describe('reading ContinuityKit::SpecRef', () => {
  test.each([
    ['a string', 'Foundation'],
    ['null', null],
    ['no digest', { stack: 'Foundation' }],
    ['a numeric stack', { stack: 7, sha256: 'ab' }],
  ])('leaves a reference that is %s: it points nowhere', (_, value) => {
    // GIVEN / WHEN
    const inventory = inventoryFromTemplates([
      stack('Primary', { [METADATA_SPEC_REF_KEY]: value }),
    ]);
    // THEN
    expect(inventory.specReferences).toEqual([]);
  });
});

describe('specDigest', () => {
  test('is the same for a document and its JSON read back, and differs for another document', () => {
    // GIVEN
    const again = JSON.parse(JSON.stringify(SPEC, undefined, 1)) as unknown;
    // THEN
    expect(specDigest(again)).toBe(specDigest(SPEC));
    expect(specDigest(SPEC)).toMatch(/^[0-9a-f]{64}$/);
    expect(specDigest(OTHER)).not.toBe(specDigest(SPEC));
  });
});
