import { Unresolved } from '../../../../lib/model';
import { serviceMeetsObjectives } from '../../../../lib/rules';
import { inventory, service, spec, table } from '../../engine/builders';
import { outcomes, statusOf } from '../harness';
import type { Store } from '../../../../lib/model';

function fixture(change: { store?: Partial<Store>; tier?: string } = {}) {
  const s = spec([
    service('orders', {
      tier: change.tier ?? 'relaxed',
      resources: [{ kind: 'dynamodb', logicalId: 'Orders' }],
    }),
  ]);
  return [s, inventory({ stores: [table('Orders', change.store as never)] })] as const;
}

describe('RR-OBJ1 serviceMeetsObjectives', () => {
  it.each([
    ['passes when PITR meets the application objective', {}, 'compliant'],
    [
      'fails when nothing recovers the table',
      { store: { pointInTimeRecovery: false } },
      'non-compliant',
    ],
    ['skips a tier that declares no objectives', { tier: 'empty' }, 'not-applicable'],
    [
      'is unknown when PITR is a deploy-time value',
      { store: { pointInTimeRecovery: new Unresolved('x') } },
      'unknown',
    ],
    ['is unknown when the tier is not defined', { tier: 'missing' }, 'unknown'],
  ] as const)('%s', (_case, change, expected) => {
    const [s, inv] = fixture(change as never);
    const withEmpty = {
      ...s,
      tiers: { ...s.tiers, empty: { ...s.tiers.relaxed, name: 'empty', objectives: {} } },
    };
    expect(statusOf(serviceMeetsObjectives, withEmpty, inv)).toBe(expected);
  });

  test('reports declared vs achieved with the arithmetic, on the culprit store', () => {
    // GIVEN
    const [s, inv] = fixture({ store: { pointInTimeRecovery: false } });
    // WHEN
    const [o] = outcomes(serviceMeetsObjectives, s, inv);
    // THEN
    expect(o).toMatchObject({
      status: 'non-compliant',
      disruption: 'application',
      resource: { logicalId: 'Orders' },
    });
    expect(o.message).toMatch(
      /^application: declared RTO 1d \/ RPO 1d vs achieved RTO not recoverable \/ RPO not recoverable/,
    );
    expect(o.fix).toMatch(/point-in-time recovery/);
  });
});
