import { restoreWithinRto } from '../../../../lib/rules';
import { TIERS, inventory, service, spec, table, tier } from '../../engine/builders';
import { statusOf } from '../harness';

const HOUR = 3600;

function fixture(rtoSeconds: number, sizeGiB: number | undefined, pitr = true) {
  const s = spec(
    [
      service('orders', {
        tier: 't',
        resources: [{ kind: 'dynamodb', logicalId: 'Orders', ...(sizeGiB ? { sizeGiB } : {}) }],
      }),
    ],
    {
      tiers: {
        ...TIERS,
        t: tier('t', { objectives: { application: { rtoSeconds, rpoSeconds: 24 * HOUR } } }),
      },
    },
  );
  return [s, inventory({ stores: [table('Orders', { pointInTimeRecovery: pitr })] })] as const;
}

describe('RR-OBJ2 restoreWithinRto', () => {
  it.each([
    ['passes when the restore estimate fits a 1-day RTO', fixture(24 * HOUR, 10), 'compliant'],
    ['fails when a 50 TiB restore cannot fit a 1-minute RTO', fixture(60, 50_000), 'non-compliant'],
    [
      'skips a store that cannot be restored at all (RR-OBJ1 reports it)',
      fixture(60, 10, false),
      'not-applicable',
    ],
  ] as const)('%s', (_case, [s, inv], expected) => {
    expect(statusOf(restoreWithinRto, s, inv)).toBe(expected);
  });
});
