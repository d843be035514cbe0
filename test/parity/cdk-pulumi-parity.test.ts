import { buildExample } from '../../bin/pulumi-app';
import { assess } from '../../lib/engine';
import { inventoryFromPulumi } from '../../lib/inventory/pulumi';
import type { Assessment, ContinuitySpec } from '../../lib/model';
import { loadSpec } from '../../lib/spec';
import { recordsUnderMocks } from '../lib/inventory/pulumi/records-under-mocks';
import { EXAMPLE_SPEC, EXAMPLE_TODAY, exampleCdkInventory, verdicts } from './example-app';

const TODAY = EXAMPLE_TODAY;

/** The lines that differ, as `- cdk` / `+ pulumi`, for a readable failure. */
function diff(cdk: readonly string[], pulumi: readonly string[]): string[] {
  return [
    ...cdk.filter((l) => !pulumi.includes(l)).map((l) => `- cdk:    ${l}`),
    ...pulumi.filter((l) => !cdk.includes(l)).map((l) => `+ pulumi: ${l}`),
  ];
}

/**
 * The example shop of examples/continuity.yaml, built by the CDK app (template inventory) and by
 * the Pulumi program (mocked inventory), must get the same verdict and the same achieved RTO/RPO
 * per service and disruption: a difference is a bug in one of the renderers or readers.
 */
describe('CDK and Pulumi parity on the example shop', () => {
  let spec: ContinuitySpec;
  let cdk: Assessment;
  let pulumi: Assessment;

  beforeAll(async () => {
    const specPath = EXAMPLE_SPEC;
    spec = loadSpec(specPath, { now: TODAY });
    cdk = assess(spec, exampleCdkInventory(specPath), { today: TODAY });
    const run = await recordsUnderMocks(() => buildExample(specPath));
    const inventory = inventoryFromPulumi(run.records, {
      stack: 'test',
      defaultRegion: spec.regions.primary,
    });
    pulumi = assess(spec, inventory, { today: TODAY });
  }, 300_000);

  test('both assess every declared service and disruption', () => {
    // GIVEN
    const declared = spec.services.map((s) => s.name);
    // WHEN / THEN
    expect(cdk.services.map((s) => s.name)).toEqual(declared);
    expect(pulumi.services.map((s) => s.name)).toEqual(declared);
    expect(verdicts(cdk).length).toBeGreaterThan(declared.length * 3);
  });

  test('every service gets the same verdict and achieved RTO/RPO per disruption', () => {
    // GIVEN / WHEN
    const differences = diff(verdicts(cdk), verdicts(pulumi));
    // THEN
    expect(differences).toEqual([]);
  });

  test('both report the same error rules per service', () => {
    // GIVEN
    const errors = (a: Assessment): string[] =>
      a.services.flatMap((s) => [
        ...new Set(
          s.findings
            .filter((f) => f.severity === 'error' && !f.suppressed)
            .map((f) => `${s.name} ${f.rule} ${f.disruption ?? ''}`),
        ),
      ]);
    // WHEN
    const differences = diff(errors(cdk), errors(pulumi));
    // THEN
    expect(differences).toEqual([]);
  });
});
