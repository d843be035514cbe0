import { dependsOnTierAsStrict } from '../../../../lib/rules';
import { inventory, service, spec } from '../../engine/builders';
import { outcomes, statusOf } from '../harness';

function fixture(dependencyTier: string, dependsOn = ['payments']) {
  return spec([
    service('orders', { tier: 'strict', dependsOn }),
    service('payments', { tier: dependencyTier }),
  ]);
}

describe('RR-OBJ3 dependsOnTierAsStrict', () => {
  it.each([
    ['passes when the dependency has the same tier', fixture('strict'), 'compliant'],
    ['fails when the dependency has a looser tier', fixture('relaxed'), 'non-compliant'],
    ['skips services without dependencies', fixture('relaxed', []), 'not-applicable'],
    [
      'skips an unknown dependency (spec validation reports it)',
      fixture('relaxed', ['nobody']),
      'not-applicable',
    ],
  ] as const)('%s', (_case, s, expected) => {
    expect(statusOf(dependsOnTierAsStrict, s, inventory())).toBe(expected);
  });

  test('names the disruption and both tiers', () => {
    const [o] = outcomes(dependsOnTierAsStrict, fixture('relaxed'), inventory());
    expect(o.message).toMatch(
      /application: 'payments' \(relaxed\) declares RTO 1d \/ RPO 1d, looser than RTO 4h \/ RPO 15min/,
    );
    expect(o.message).toMatch(/region: 'payments' \(relaxed\) declares no objective/);
  });
});
