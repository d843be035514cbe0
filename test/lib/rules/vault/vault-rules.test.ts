import { Unresolved } from '../../../../lib/model';
import {
  vaultHasCustomerManagedKey,
  vaultLockAllowsRetention,
  vaultLockedWhereImmutable,
} from '../../../../lib/rules';
import {
  RECOVERY,
  TIERS,
  backupRule,
  inventory,
  plan,
  selection,
  service,
  spec,
  table,
  vault,
} from '../../engine/builders';
import { statusOf } from '../harness';
import type { BackupRule, Vault } from '../../../../lib/model';

function fixture(
  opts: {
    vault?: Partial<Vault>;
    rule?: Partial<BackupRule>;
    tier?: string;
    lockMode?: 'governance' | 'compliance';
    extraVaults?: Vault[];
  } = {},
) {
  const tiers = opts.lockMode
    ? { ...TIERS, vaulted: { ...TIERS.vaulted, vaultLockMode: opts.lockMode } }
    : TIERS;
  const s = spec(
    [
      service('orders', {
        tier: opts.tier ?? 'vaulted',
        resources: [{ kind: 'dynamodb', logicalId: 'Orders' }],
      }),
    ],
    { tiers },
  );
  const inv = inventory({
    stores: [table('Orders')],
    vaults: [vault('Vault', opts.vault as never), ...(opts.extraVaults ?? [])],
    backupPlans: [plan('Plan', [backupRule(opts.rule as never)])],
    backupSelections: [selection('Sel', 'App/Plan', { resources: [{ id: 'App/Orders' }] })],
  });
  return [s, inv] as const;
}

const governance = {
  lock: { minRetentionDays: 7, maxRetentionDays: 365, changeableForDays: undefined },
};
const compliance = { lock: { minRetentionDays: 7, maxRetentionDays: 365, changeableForDays: 3 } };

describe('RR-VLT1 vaultHasCustomerManagedKey', () => {
  it.each([
    ['passes with a customer-managed key', {}, 'compliant'],
    [
      'fails with the AWS managed key',
      { customerManagedKey: false, encryptionKey: undefined },
      'non-compliant',
    ],
    [
      'is unknown when the key is a deploy-time value',
      { customerManagedKey: new Unresolved('k') },
      'unknown',
    ],
  ] as const)('%s', (_case, change, expected) => {
    const [s, inv] = fixture({ vault: change as never });
    expect(statusOf(vaultHasCustomerManagedKey, s, inv)).toBe(expected);
  });

  test('skips inventories without vaults', () => {
    expect(statusOf(vaultHasCustomerManagedKey, spec([]), inventory())).toBe('not-applicable');
  });
});

describe('RR-VLT2 vaultLockedWhereImmutable', () => {
  it.each([
    ['passes with a governance lock (the tier default)', { vault: governance }, 'compliant'],
    ['passes with a compliance lock', { vault: compliance, lockMode: 'compliance' }, 'compliant'],
    ['fails without a lock', {}, 'non-compliant'],
    [
      'fails with a governance lock where the tier asks for compliance mode',
      { vault: governance, lockMode: 'compliance' },
      'non-compliant',
    ],
    ['skips tiers that do not require immutability', { tier: 'relaxed' }, 'not-applicable'],
    [
      'is unknown when the target vault is not in the templates',
      { rule: { targetVault: 'shared-vault' } },
      'unknown',
    ],
    [
      'is unknown when the cooling-off is a deploy-time value',
      {
        vault: {
          lock: {
            minRetentionDays: 7,
            maxRetentionDays: 365,
            changeableForDays: new Unresolved('d'),
          },
        },
        lockMode: 'compliance',
      },
      'unknown',
    ],
  ] as const)('%s', (_case, change, expected) => {
    const [s, inv] = fixture(change as never);
    expect(statusOf(vaultLockedWhereImmutable, s, inv)).toBe(expected);
  });

  test('resolves the target vault by name', () => {
    const [s, inv] = fixture({ vault: governance, rule: { targetVault: 'vault' } });
    expect(statusOf(vaultLockedWhereImmutable, s, inv)).toBe('compliant');
  });
});

describe('RR-VLT3 vaultLockAllowsRetention', () => {
  const drVault = vault(
    'DrVault',
    {
      region: RECOVERY,
      lock: { minRetentionDays: 30, maxRetentionDays: 60, changeableForDays: undefined },
    },
    'Dr',
  );
  const copyTo = (days: number) => ({
    copyActions: [
      {
        destinationVaultArn: 'arn',
        destinationRegion: RECOVERY,
        destinationVault: 'Dr/DrVault',
        deleteAfterDays: days,
      },
    ],
  });
  it.each([
    ['passes when retention is within the lock bounds', { vault: governance }, 'compliant'],
    [
      'fails when retention is below the minimum',
      { vault: governance, rule: { deleteAfterDays: 3 } },
      'non-compliant',
    ],
    [
      'fails when retention is above the maximum',
      { vault: governance, rule: { deleteAfterDays: 400 } },
      'non-compliant',
    ],
    [
      'fails when recovery points are kept forever under a maximum',
      { vault: governance, rule: { deleteAfterDays: undefined } },
      'non-compliant',
    ],
    [
      'fails when a copy breaks the destination vault bounds',
      { extraVaults: [drVault], rule: copyTo(90) },
      'non-compliant',
    ],
    [
      'passes when a copy fits the destination vault bounds',
      { extraVaults: [drVault], rule: copyTo(45) },
      'compliant',
    ],
    ['skips unlocked vaults', {}, 'not-applicable'],
    [
      'is unknown when the bounds are deploy-time values',
      {
        vault: {
          lock: {
            minRetentionDays: new Unresolved('m'),
            maxRetentionDays: undefined,
            changeableForDays: undefined,
          },
        },
      },
      'unknown',
    ],
  ] as const)('%s', (_case, change, expected) => {
    const [s, inv] = fixture(change as never);
    expect(statusOf(vaultLockAllowsRetention, s, inv)).toBe(expected);
  });
});
