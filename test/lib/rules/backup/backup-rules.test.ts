import { Unresolved } from '../../../../lib/model';
import {
  backupFrequencyWithinRpo,
  backupRetentionMeetsTier,
  backupSelectionsResolve,
  coldStorageLifecycleValid,
  copiesLeaveRegion,
  regionCopyExists,
  replicationHasPointInTime,
} from '../../../../lib/rules';
import {
  RECOVERY,
  TIERS,
  backupRule,
  bucket,
  inventory,
  plan,
  selection,
  service,
  spec,
  table,
  tier,
} from '../../engine/builders';
import { outcomes, statusOf } from '../harness';
import type { BackupRule, ContinuitySpec, CopyAction, Store } from '../../../../lib/model';

const HOUR = 3600;

/** One service `orders` (tier `t`) with table Orders selected by a plan with `rule`. */
function fixture(
  opts: {
    rule?: Partial<BackupRule>;
    store?: Partial<Store>;
    objectives?: Record<string, unknown>;
    retentionDays?: number;
    noPlan?: boolean;
  } = {},
) {
  const t = tier('t', {
    objectives: (opts.objectives ?? {
      application: { rtoSeconds: 24 * HOUR, rpoSeconds: 4 * HOUR },
    }) as never,
    retentionDays: 'retentionDays' in opts ? opts.retentionDays : 14,
  });
  const s: ContinuitySpec = spec(
    [service('orders', { tier: 't', resources: [{ kind: 'dynamodb', logicalId: 'Orders' }] })],
    {
      tiers: { ...TIERS, t },
    },
  );
  const inv = inventory({
    stores: [table('Orders', { pointInTimeRecovery: false, ...opts.store } as never)],
    ...(opts.noPlan
      ? {}
      : {
          backupPlans: [plan('Plan', [backupRule(opts.rule as never)])],
          backupSelections: [selection('Sel', 'App/Plan', { resources: [{ id: 'App/Orders' }] })],
        }),
  });
  return [s, inv] as const;
}

function copy(
  region: string,
  deleteAfterDays: number | undefined = 35,
  extra: Partial<CopyAction> = {},
): CopyAction {
  return {
    destinationVaultArn: `arn:aws:backup:${region}:111111111111:backup-vault:dr`,
    destinationRegion: region,
    deleteAfterDays,
    ...extra,
  };
}

describe('RR-BKP1 backupFrequencyWithinRpo', () => {
  it.each([
    ['passes when hourly backups with short windows fit a 4h RPO', {}, 'compliant'],
    [
      'fails when daily backups exceed a 4h RPO',
      { rule: { scheduleExpression: 'cron(0 5 ? * * *)' } },
      'non-compliant',
    ],
    [
      'fails when the default 8h start window exceeds a 4h RPO',
      { rule: { startWindowMinutes: undefined } },
      'non-compliant',
    ],
    [
      'skips stores with point-in-time recovery',
      { store: { pointInTimeRecovery: true }, rule: { scheduleExpression: 'cron(0 5 ? * * *)' } },
      'not-applicable',
    ],
    [
      'skips services without an application objective',
      { objectives: { region: { rtoSeconds: HOUR, rpoSeconds: HOUR } } },
      'not-applicable',
    ],
    [
      'is unknown when the schedule is a deploy-time value',
      { rule: { scheduleExpression: new Unresolved('x') } },
      'unknown',
    ],
  ] as const)('%s', (_case, change, expected) => {
    const [s, inv] = fixture(change as never);
    expect(statusOf(backupFrequencyWithinRpo, s, inv)).toBe(expected);
  });

  it.each([
    ['skips versioned buckets', true, 'not-applicable'],
    ['fails unversioned buckets', false, 'non-compliant'],
  ] as const)('%s whose only backups are daily', (_case, versioning, expected) => {
    // GIVEN
    const s = spec(
      [service('orders', { tier: 't', resources: [{ kind: 's3', logicalId: 'Invoices' }] })],
      {
        tiers: {
          ...TIERS,
          t: tier('t', {
            objectives: { application: { rtoSeconds: 24 * HOUR, rpoSeconds: 4 * HOUR } },
          }),
        },
      },
    );
    const inv = inventory({
      stores: [bucket('Invoices', { versioning })],
      backupPlans: [plan('Plan', [backupRule({ scheduleExpression: 'cron(0 5 ? * * *)' })])],
      backupSelections: [selection('Sel', 'App/Plan', { resources: [{ id: 'App/Invoices' }] })],
    });
    // WHEN / THEN
    expect(statusOf(backupFrequencyWithinRpo, s, inv)).toBe(expected);
  });

  test('explains the worst case', () => {
    const [s, inv] = fixture({ rule: { scheduleExpression: 'cron(0 5 ? * * *)' } });
    expect(outcomes(backupFrequencyWithinRpo, s, inv)[0].message).toMatch(
      /backup rule 'hourly' gives App\/Orders a worst-case RPO of .* > application RPO 4h of tier 't'/,
    );
  });
});

describe('RR-BKP2 backupRetentionMeetsTier', () => {
  it.each([
    ['passes when the rule keeps recovery points as long as the tier', {}, 'compliant'],
    [
      'passes when the rule keeps recovery points forever',
      { rule: { deleteAfterDays: undefined } },
      'compliant',
    ],
    ['fails when the rule keeps them shorter', { rule: { deleteAfterDays: 7 } }, 'non-compliant'],
    [
      'fails when a copy keeps them shorter',
      { rule: { copyActions: [copy(RECOVERY, 3)] } },
      'non-compliant',
    ],
    [
      'skips tiers without retentionDays',
      { retentionDays: undefined as never, rule: { deleteAfterDays: 1 } },
      'not-applicable',
    ],
    [
      'is unknown when retention is a deploy-time value',
      { rule: { deleteAfterDays: new Unresolved('x') } },
      'unknown',
    ],
  ] as const)('%s', (_case, change, expected) => {
    const [s, inv] = fixture(change as never);
    expect(statusOf(backupRetentionMeetsTier, s, inv)).toBe(expected);
  });
});

describe('RR-BKP3 regionCopyExists', () => {
  const region = { region: { rtoSeconds: 24 * HOUR, rpoSeconds: 24 * HOUR } };
  it.each([
    [
      'passes when a copy action goes to the recovery Region',
      { objectives: region, rule: { copyActions: [copy(RECOVERY)] } },
      'compliant',
    ],
    [
      'passes when the table is replicated to the recovery Region',
      {
        objectives: region,
        noPlan: true,
        store: { replicas: [{ mechanism: 'dynamodb-global-table', region: RECOVERY }] },
      },
      'compliant',
    ],
    ['fails when backups stay in the primary Region', { objectives: region }, 'non-compliant'],
    ['skips services without a region objective', {}, 'not-applicable'],
    [
      'is unknown when the copy destination is a deploy-time value',
      {
        objectives: region,
        rule: { copyActions: [copy(RECOVERY, 35, { destinationRegion: new Unresolved('r') })] },
      },
      'unknown',
    ],
  ] as const)('%s', (_case, change, expected) => {
    const [s, inv] = fixture(change as never);
    expect(statusOf(regionCopyExists, s, inv)).toBe(expected);
  });
});

describe('RR-BKP4 copiesLeaveRegion', () => {
  it.each([
    [
      'passes for a copy to another Region',
      { rule: { copyActions: [copy(RECOVERY)] } },
      'compliant',
    ],
    [
      'passes for a replica in another Region',
      {
        noPlan: true,
        store: { replicas: [{ mechanism: 'dynamodb-global-table', region: RECOVERY }] },
      },
      'compliant',
    ],
    [
      'fails for a copy to the same Region',
      { rule: { copyActions: [copy('us-east-1')] } },
      'non-compliant',
    ],
    [
      'fails for a replica in the same Region',
      {
        noPlan: true,
        store: { replicas: [{ mechanism: 'dynamodb-global-table', region: 'us-east-1' }] },
      },
      'non-compliant',
    ],
    ['skips rules without copies', {}, 'not-applicable'],
    [
      'is unknown for a copy to a deploy-time Region',
      { rule: { copyActions: [copy(RECOVERY, 35, { destinationRegion: new Unresolved('r') })] } },
      'unknown',
    ],
  ] as const)('%s', (_case, change, expected) => {
    const [s, inv] = fixture(change as never);
    expect(statusOf(copiesLeaveRegion, s, inv)).toBe(expected);
  });

  test('is unknown for a same-Region copy to a literal account when the own account is not known', () => {
    const [s, inv] = fixture({
      rule: { copyActions: [copy('us-east-1', 35, { destinationAccount: '222222222222' })] },
    });
    expect(statusOf(copiesLeaveRegion, s, inv)).toBe('unknown');
  });

  test('fails for a same-Region copy into the own account', () => {
    const [s, inv] = fixture({
      rule: { copyActions: [copy('us-east-1', 35, { destinationAccount: '111111111111' })] },
    });
    expect(statusOf(copiesLeaveRegion, s, inv, { accountId: '111111111111' })).toBe(
      'non-compliant',
    );
  });

  test('accepts a same-Region copy to another account', () => {
    const [s, inv] = fixture({
      rule: { copyActions: [copy('us-east-1', 35, { destinationAccount: '222222222222' })] },
    });
    expect(statusOf(copiesLeaveRegion, s, inv, { accountId: '111111111111' })).toBe('compliant');
  });

  test("fails for a same-Region copy into the account the plan's own stack deploys to, with no flag", () => {
    // GIVEN a plan whose stack names its account (as a cdk.out manifest does)
    const [s, inv] = fixture({
      rule: { copyActions: [copy('us-east-1', 35, { destinationAccount: '111111111111' })] },
    });
    const withAccount = {
      ...inv,
      backupPlans: inv.backupPlans.map((p) => ({ ...p, account: '111111111111' })),
    };
    // WHEN / THEN
    expect(statusOf(copiesLeaveRegion, s, withAccount)).toBe('non-compliant');
  });
});

describe('RR-BKP5 replicationHasPointInTime', () => {
  const replicated = { replicas: [{ mechanism: 'dynamodb-global-table', region: RECOVERY }] };
  it.each([
    [
      'passes for a replicated table with PITR',
      { noPlan: true, store: { ...replicated, pointInTimeRecovery: true } },
      'compliant',
    ],
    ['passes for a replicated table with backups', { store: replicated }, 'compliant'],
    [
      'fails for a table protected by replication only',
      { noPlan: true, store: replicated },
      'non-compliant',
    ],
    ['skips stores without replicas', { noPlan: true }, 'not-applicable'],
    [
      'is unknown when PITR is a deploy-time value',
      { noPlan: true, store: { ...replicated, pointInTimeRecovery: new Unresolved('x') } },
      'unknown',
    ],
  ] as const)('%s', (_case, change, expected) => {
    const [s, inv] = fixture(change as never);
    expect(statusOf(replicationHasPointInTime, s, inv)).toBe(expected);
  });
});

describe('RR-BKP6 coldStorageLifecycleValid', () => {
  it.each([
    [
      'passes when recovery points stay 90 days in cold storage',
      { rule: { moveToColdStorageAfterDays: 30, deleteAfterDays: 120 } },
      'compliant',
    ],
    [
      'fails when they are deleted sooner',
      { rule: { moveToColdStorageAfterDays: 30, deleteAfterDays: 100 } },
      'non-compliant',
    ],
    [
      'fails with continuous backup',
      {
        rule: {
          moveToColdStorageAfterDays: 30,
          deleteAfterDays: 365,
          enableContinuousBackup: true,
        },
      },
      'non-compliant',
    ],
    ['skips rules without cold storage', {}, 'not-applicable'],
    [
      'is unknown when the lifecycle is a deploy-time value',
      { rule: { moveToColdStorageAfterDays: new Unresolved('x') } },
      'unknown',
    ],
  ] as const)('%s', (_case, change, expected) => {
    const [s, inv] = fixture(change as never);
    expect(statusOf(coldStorageLifecycleValid, s, inv)).toBe(expected);
  });
});

describe('RR-BKP7 backupSelectionsResolve', () => {
  it.each([
    ['passes when selections are decidable', fixture(), 'compliant'],
    [
      'is unknown when a selection depends on a deploy-time value',
      (() => {
        const [s, inv] = fixture({ noPlan: true });
        return [
          s,
          {
            ...inv,
            backupPlans: [plan('Plan', [backupRule()])],
            backupSelections: [selection('Sel', 'App/Plan', { resources: [new Unresolved('x')] })],
          },
        ] as const;
      })(),
      'unknown',
    ],
    ['skips specs without stores', [spec([]), inventory()] as const, 'not-applicable'],
  ] as const)('%s', (_case, [s, inv], expected) => {
    expect(statusOf(backupSelectionsResolve, s, inv)).toBe(expected);
  });
});
