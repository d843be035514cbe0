import { inventoryFromPulumi } from '../../../../lib/inventory/pulumi';
import type { PulumiResourceRecord } from '../../../../lib/inventory/pulumi';
import { isUnresolved } from '../../../../lib/model';
import type { Inventory } from '../../../../lib/model';
import { record, STACK, T, UNKNOWN, urnOf } from './pulumi-records';

function read(records: readonly PulumiResourceRecord[]): Inventory {
  return inventoryFromPulumi(records, { stack: STACK, defaultRegion: 'us-east-1' });
}

const primaryVault = (): PulumiResourceRecord =>
  record(T.vault, 'gold-vault', {
    name: 'gold-vault-1',
    arn: 'arn:aws:backup:us-east-1:111111111111:backup-vault:gold-vault-1',
  });
const recoveryVault = (): PulumiResourceRecord =>
  record(T.vault, 'gold-recovery-vault', {
    region: 'us-west-2',
    name: 'gold-recovery-1',
    arn: 'arn:aws:backup:us-west-2:111111111111:backup-vault:gold-recovery-1',
  });

function plan(rules: unknown, extra: Partial<PulumiResourceRecord> = {}): PulumiResourceRecord {
  return record(T.plan, 'gold-plan', { rules }, extra);
}

describe('backup plans', () => {
  test('rules map field by field, with copy actions to the recovery vault', () => {
    // GIVEN
    const records = [
      primaryVault(),
      recoveryVault(),
      plan([
        {
          ruleName: 'hourly',
          targetVaultName: 'gold-vault-1',
          schedule: 'cron(0 * * * ? *)',
          startWindow: 60,
          completionWindow: 120,
          enableContinuousBackup: true,
          lifecycle: { deleteAfter: 35, coldStorageAfter: 7 },
          copyActions: [
            {
              destinationVaultArn:
                'arn:aws:backup:us-west-2:111111111111:backup-vault:gold-recovery-1',
              lifecycle: { deleteAfter: 14 },
            },
          ],
        },
      ]),
    ];
    // WHEN
    const [read1] = read(records).backupPlans;
    // THEN
    expect(read1?.rules).toEqual([
      {
        name: 'hourly',
        scheduleExpression: 'cron(0 * * * ? *)',
        startWindowMinutes: 60,
        completionWindowMinutes: 120,
        deleteAfterDays: 35,
        moveToColdStorageAfterDays: 7,
        enableContinuousBackup: true,
        targetVault: `${STACK}/gold-vault`,
        copyActions: [
          {
            destinationVaultArn:
              'arn:aws:backup:us-west-2:111111111111:backup-vault:gold-recovery-1',
            destinationRegion: 'us-west-2',
            destinationAccount: '111111111111',
            destinationVault: `${STACK}/gold-recovery-vault`,
            deleteAfterDays: 14,
          },
        ],
      },
    ]);
  });

  test('unknown vault names and ARNs resolve through dependencies: the target in the plan Region, the copy elsewhere', () => {
    // GIVEN
    const records = [
      primaryVault(),
      recoveryVault(),
      plan(
        [
          {
            ruleName: 'hourly',
            targetVaultName: UNKNOWN,
            copyActions: [{ destinationVaultArn: UNKNOWN }],
          },
        ],
        {
          propertyDependencies: {
            rules: [urnOf(T.vault, 'gold-recovery-vault'), urnOf(T.vault, 'gold-vault')],
          },
        },
      ),
    ];
    // WHEN
    const rule = read(records).backupPlans[0]?.rules[0];
    // THEN
    expect(rule?.targetVault).toBe(`${STACK}/gold-vault`);
    expect(rule?.copyActions[0]).toMatchObject({
      destinationVault: `${STACK}/gold-recovery-vault`,
      destinationRegion: 'us-west-2',
    });
    expect(isUnresolved(rule?.copyActions[0]?.destinationVaultArn)).toBe(true);
  });

  test('an unknown copy destination with no dependency stays unresolved', () => {
    // GIVEN / WHEN
    const rule = read([
      plan([
        { ruleName: 'r', targetVaultName: 'x', copyActions: [{ destinationVaultArn: UNKNOWN }] },
      ]),
    ]).backupPlans[0]?.rules[0];
    // THEN
    expect(isUnresolved(rule?.copyActions[0]?.destinationRegion)).toBe(true);
  });
});

describe('backup selections', () => {
  test('conditions are AND conditions and selectionTags are ListOfTags (OR); the plan is found by id', () => {
    // GIVEN
    const records = [
      plan([]),
      record(T.selection, 'gold-selection', {
        planId: 'gold-plan-id',
        iamRoleArn: 'arn:aws:iam::111111111111:role/backup',
        resources: ['arn:aws:dynamodb:*:*:table/*'],
        conditions: [
          {
            stringEquals: [{ key: 'aws:ResourceTag/continuity:tier', value: 'gold' }],
            stringNotLikes: [{ key: 'env', value: 'dev*' }],
          },
        ],
        selectionTags: [{ type: 'STRINGEQUALS', key: 'team', value: 'orders' }],
      }),
    ];
    // WHEN
    const [selection] = read(records).backupSelections;
    // THEN
    expect(selection).toMatchObject({
      plan: `${STACK}/gold-plan`,
      resources: [{ arn: 'arn:aws:dynamodb:*:*:table/*' }],
      notResources: [],
      conditions: [
        { operator: 'StringEquals', key: 'continuity:tier', value: 'gold' },
        { operator: 'StringNotLike', key: 'env', value: 'dev*' },
      ],
      listOfTags: [{ operator: 'StringEquals', key: 'team', value: 'orders' }],
      iamRole: 'arn:aws:iam::111111111111:role/backup',
    });
  });

  test('resource ARNs of stores in the stack become their ids; unknown ones map onto the dependencies', () => {
    // GIVEN
    const records = [
      plan([]),
      record(T.table, 'orders', { arn: 'arn:aws:dynamodb:us-east-1:111111111111:table/orders' }),
      record(T.bucket, 'invoices'),
      record(
        T.selection,
        'sel',
        {
          planId: UNKNOWN,
          resources: ['arn:aws:dynamodb:us-east-1:111111111111:table/orders', UNKNOWN],
        },
        {
          propertyDependencies: {
            planId: [urnOf(T.plan, 'gold-plan')],
            resources: [urnOf(T.table, 'orders'), urnOf(T.bucket, 'invoices')],
          },
        },
      ),
    ];
    // WHEN
    const [selection] = read(records).backupSelections;
    // THEN
    expect(selection?.plan).toBe(`${STACK}/gold-plan`);
    expect(selection?.resources).toEqual([{ id: `${STACK}/orders` }, { id: `${STACK}/invoices` }]);
  });

  test('a plan id that names no plan in the stack is unresolved', () => {
    // GIVEN / WHEN
    const [selection] = read([
      record(T.selection, 'sel', { planId: 'elsewhere', iamRoleArn: 'r' }),
    ]).backupSelections;
    // THEN
    expect(isUnresolved(selection?.plan)).toBe(true);
  });
});

describe('backup vaults', () => {
  test('a vault with its own KMS key, a lock and a deny-delete policy', () => {
    // GIVEN
    const records = [
      record(T.key, 'gold-key', { arn: 'arn:aws:kms:us-east-1:111111111111:key/abc' }),
      record(T.vault, 'gold-vault', {
        name: 'gold-vault-1',
        kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/abc',
      }),
      record(T.lock, 'gold-lock', {
        backupVaultName: 'gold-vault-1',
        minRetentionDays: 7,
        maxRetentionDays: 365,
        changeableForDays: 3,
      }),
      record(T.vaultPolicy, 'gold-policy', {
        backupVaultName: 'gold-vault-1',
        policy: JSON.stringify({
          Statement: [{ Effect: 'Deny', Action: ['backup:Delete*'], Resource: '*' }],
        }),
      }),
    ];
    // WHEN
    const [vault] = read(records).vaults;
    // THEN
    expect(vault).toMatchObject({
      name: 'gold-vault-1',
      encryptionKey: `${STACK}/gold-key`,
      customerManagedKey: true,
      lock: { minRetentionDays: 7, maxRetentionDays: 365, changeableForDays: 3 },
      deniesRecoveryPointDeletion: true,
    });
  });

  test('a vault without key, lock or policy uses the AWS managed key and is unlocked', () => {
    // GIVEN / WHEN
    const [vault] = read([record(T.vault, 'plain', { name: 'plain-1' })]).vaults;
    // THEN
    expect(vault).toMatchObject({
      encryptionKey: undefined,
      customerManagedKey: false,
      deniesRecoveryPointDeletion: false,
    });
    expect(vault?.lock).toBeUndefined();
  });

  test('an AWS managed key alias is not customer managed; lock and policy merge into the vault entry', () => {
    // GIVEN
    const records = [
      record(T.vault, 'v', {
        name: 'v-1',
        kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:alias/aws/backup',
      }),
      record(T.lock, 'v-lock', { backupVaultName: 'v-1', minRetentionDays: 1 }),
    ];
    // WHEN
    const inventory = read(records);
    // THEN
    expect(inventory.vaults[0]?.customerManagedKey).toBe(false);
    expect(inventory.resources.map((r) => r.id)).toEqual([`${STACK}/v`]);
  });

  test('restore testing plans keep their schedule', () => {
    // GIVEN / WHEN
    const [plan1] = read([
      record(T.restoreTesting, 'drill', { scheduleExpression: 'cron(0 5 ? * 1 *)' }),
    ]).restoreTestingPlans;
    // THEN
    expect(plan1?.scheduleExpression).toBe('cron(0 5 ? * 1 *)');
  });
});
