import { parseEmbeddedSpec } from '../../../bin/cli/embedded-spec';
import { isInputError } from '../../../lib/model/input-error';

function issuesOf(run: () => unknown): readonly { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (isInputError(error)) {
      return error.issues;
    }
    throw error;
  }
  throw new Error('expected an InputError');
}

const GOOD = {
  regions: { primary: 'us-east-1', recovery: 'us-west-2' },
  services: [{ name: 'orders', tier: 'gold', owner: 'team-orders' }],
};

describe('parseEmbeddedSpec', () => {
  test('reads a valid embedded spec', () => {
    // GIVEN
    const embedded = { stack: 'ShopPrimary', spec: GOOD };
    // WHEN
    const spec = parseEmbeddedSpec(embedded, undefined);
    // THEN
    expect(spec.services.map((s) => s.name)).toEqual(['orders']);
  });

  test('fails naming the stack, and what it was read from when given', () => {
    // GIVEN
    const embedded = { stack: 'ShopPrimary', spec: { ...GOOD, regions: undefined } };
    // WHEN
    const plain = issuesOf(() => parseEmbeddedSpec(embedded, undefined));
    const located = issuesOf(() => parseEmbeddedSpec(embedded, undefined, 'new/cdk.out'));
    // THEN
    expect(plain[0].path).toBe('spec embedded in stack ShopPrimary regions');
    expect(located[0].path).toBe('new/cdk.out: spec embedded in stack ShopPrimary regions');
    expect(located[0].message).toMatch(/^is required/);
  });
});
