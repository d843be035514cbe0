import { join } from 'path';
import {
  assess,
  backupProtection,
  buildContext,
  deployAccountOf,
  indexInventory,
  singleAccountOf,
} from '../../../lib/engine';
import { readInventory } from '../../../lib/inventory';
import { Unresolved } from '../../../lib/model';
import type { BackupPlan, Inventory } from '../../../lib/model';
import {
  backupRule,
  inventory,
  plan,
  rawResource,
  selection,
  service,
  spec,
  table,
  TODAY,
  vault,
} from './builders';

const OWN = '111111111111';
const OTHER = '222222222222';

/** A vaulted service whose only backup rule copies to a vault in `OTHER` in the recovery Region. */
function vaultedShop(planAccount?: string | Unresolved): {
  s: ReturnType<typeof spec>;
  inv: Inventory;
} {
  const s = spec([
    service('orders', { tier: 'vaulted', resources: [{ kind: 'dynamodb', logicalId: 'Orders' }] }),
  ]);
  const copyRule = backupRule({
    copyActions: [
      {
        destinationVaultArn: `arn:aws:backup:us-west-2:${OTHER}:backup-vault:bunker`,
        destinationRegion: 'us-west-2',
        destinationAccount: OTHER,
        deleteAfterDays: 35,
      },
    ],
  });
  const backupPlan: BackupPlan = {
    ...plan('Plan', [copyRule]),
    ...(planAccount !== undefined ? { account: planAccount } : {}),
  };
  const inv = inventory({
    stores: [table('Orders')],
    backupPlans: [backupPlan],
    backupSelections: [selection('Sel', 'App/Plan', { resources: [{ id: 'App/Orders' }] })],
    vaults: [vault('Vault')],
  });
  return { s, inv };
}

function accountObjectiveMet(
  planAccount: string | Unresolved | undefined,
  accountId?: string,
): boolean {
  const { s, inv } = vaultedShop(planAccount);
  const result = assess(s, inv, { today: TODAY, ...(accountId ? { accountId } : {}) });
  const svc = result.services[0];
  return (
    svc.achieved.account?.rpoSeconds !== null &&
    !svc.findings.some((f) => f.rule === 'RR-OBJ1' && f.disruption === 'account')
  );
}

describe('the account of a backup plan', () => {
  test('a copy to another account counts for account without the accountId option', () => {
    // WHEN / THEN
    expect(accountObjectiveMet(OWN)).toBe(true);
  });

  test('the plan entry account wins over the accountId option', () => {
    // GIVEN the option names the destination account, the plan knows it is in OWN
    // WHEN / THEN
    expect(accountObjectiveMet(OWN, OTHER)).toBe(true);
  });

  test('a copy to the account of the plan itself does not count', () => {
    // GIVEN the plan deploys to OTHER, where the copy goes; the option says otherwise
    // WHEN / THEN
    expect(accountObjectiveMet(OTHER, OWN)).toBe(false);
  });

  test('an unresolved plan account falls back to the accountId option', () => {
    // WHEN / THEN
    expect(accountObjectiveMet(new Unresolved('AWS::AccountId'), OWN)).toBe(true);
    expect(accountObjectiveMet(new Unresolved('AWS::AccountId'))).toBe(false);
  });

  test('with neither, no copy counts as cross-account (fails closed)', () => {
    // WHEN / THEN
    expect(accountObjectiveMet(undefined)).toBe(false);
  });
});

describe('deployAccountOf and singleAccountOf', () => {
  test('deployAccountOf prefers a known entry account, else the fallback', () => {
    // GIVEN
    const known = { ...table('A'), account: OWN };
    const unknown = { ...table('B'), account: new Unresolved('AWS::AccountId') };
    // WHEN / THEN
    expect(deployAccountOf(known, OTHER)).toBe(OWN);
    expect(deployAccountOf(unknown, OTHER)).toBe(OTHER);
    expect(deployAccountOf(table('C'))).toBeUndefined();
  });

  test('the context account is the one account the entries name, none when they disagree', () => {
    // GIVEN
    const one = inventory({
      resources: [
        rawResource('A', 'AWS::DynamoDB::Table', { account: OWN }),
        rawResource('B', 'AWS::DynamoDB::Table', { account: new Unresolved('AWS::AccountId') }),
      ],
    });
    const two = inventory({
      resources: [
        rawResource('A', 'AWS::DynamoDB::Table', { account: OWN }),
        rawResource('B', 'AWS::DynamoDB::Table', { account: OTHER }),
      ],
    });
    const s = spec([]);
    // WHEN / THEN
    expect(singleAccountOf(one)).toBe(OWN);
    expect(singleAccountOf(two)).toBeUndefined();
    expect(buildContext(s, one, { today: TODAY }).accountId).toBe(OWN);
    expect(buildContext(s, two, { today: TODAY }).accountId).toBeUndefined();
    expect(buildContext(s, two, { today: TODAY, accountId: OTHER }).accountId).toBe(OTHER);
  });
});

describe('accounts read from a cloud assembly', () => {
  test('a copy from a stack in one account to a vault in another is cross-account, no flag', () => {
    // GIVEN ShopPrimary (aws://111111111111/us-east-1) copies to Dr-Inner's vault in 333333333333
    const inv = readInventory([join(__dirname, '..', '..', 'fixtures', 'templates', 'assembly')]);
    const backupPlan = inv.backupPlans.find((p) => p.location.logicalId === 'Plan') as BackupPlan;
    const toStage = backupPlan.rules[1];
    // WHEN
    const built = backupProtection(
      { plan: backupPlan, rule: toStage, selection: selection('Sel', backupPlan.id) },
      { index: indexInventory(inv), defaultRegion: 'us-east-1' },
    );
    // THEN
    expect(built.protection?.copies).toEqual([
      expect.objectContaining({ region: 'us-east-1', crossAccount: true }),
    ]);
  });
});
