import { readInventory } from '../../../lib/inventory';
import { isUnresolved } from '../../../lib/model/unresolved';
import { byLogicalId, fixture } from './fixtures';

describe('AWS Backup plans, selections and vaults', () => {
  const good = readInventory([fixture('backup-compliant.yaml')], {
    region: 'us-east-1',
    account: '111111111111',
  });
  const bad = readInventory([fixture('backup-deficient.json')], { region: 'us-east-1' });

  test('reads the rules of a plan with windows, lifecycle and continuous backup', () => {
    // GIVEN a hand-written plan with an hourly and a continuous rule
    // WHEN
    const plan = byLogicalId(good.backupPlans, 'Plan');
    // THEN
    expect(plan.id).toBe('backup-compliant/Plan');
    expect(plan.rules).toHaveLength(2);
    expect(plan.rules[0]).toMatchObject({
      name: 'Hourly',
      scheduleExpression: 'cron(0 * * * ? *)',
      startWindowMinutes: 60,
      completionWindowMinutes: 120,
      deleteAfterDays: 35,
      moveToColdStorageAfterDays: undefined,
      enableContinuousBackup: false,
      targetVault: 'backup-compliant/Vault',
    });
    expect(plan.rules[1]).toMatchObject({
      name: 'Continuous',
      enableContinuousBackup: true,
      deleteAfterDays: 14,
    });
    expect(plan.tags).toEqual({ team: 'orders' });
  });

  test('resolves a target vault given by literal name to the vault of that name', () => {
    // GIVEN the Continuous rule names its vault 'orders-vault'
    // WHEN
    const rule = byLogicalId(good.backupPlans, 'Plan').rules[1];
    // THEN
    expect(rule.targetVault).toBe('backup-compliant/Vault');
  });

  test('parses the region and account of a copy action built with Fn::Join and a parameter default', () => {
    // GIVEN
    // WHEN
    const copy = byLogicalId(good.backupPlans, 'Plan').rules[0].copyActions[0];
    // THEN
    expect(copy).toMatchObject({
      destinationVaultArn:
        'arn:aws:backup:us-west-2:222222222222:backup-vault:orders-vault-recovery',
      destinationRegion: 'us-west-2',
      destinationAccount: '222222222222',
      deleteAfterDays: 35,
    });
    expect(copy.destinationVault).toBeUndefined();
  });

  test('reads a selection by reference, ARN built with Fn::Sub, wildcard ARNs and tags', () => {
    // GIVEN
    // WHEN
    const selection = byLogicalId(good.backupSelections, 'Selection');
    // THEN
    expect(selection.plan).toBe('backup-compliant/Plan');
    expect(selection.resources).toEqual([
      { id: 'backup-compliant/OrdersTable' },
      { id: 'backup-compliant/OrdersDb' },
      { arn: 'arn:aws:s3:::orders-archive-*' },
    ]);
    expect(selection.notResources).toEqual([{ arn: 'arn:aws:dynamodb:*:*:table/tmp-*' }]);
    expect(selection.listOfTags).toEqual([
      { operator: 'StringEquals', key: 'continuity:service', value: 'orders' },
    ]);
    expect(selection.conditions).toEqual([
      { operator: 'StringEquals', key: 'continuity:tier', value: 'gold' },
      { operator: 'StringNotLike', key: 'env', value: 'dev*' },
    ]);
    expect(selection.iamRole).toBe('backup-compliant/BackupRole');
  });

  test('reads a locked vault with a customer managed key and a deny-delete policy', () => {
    // GIVEN
    // WHEN
    const vault = byLogicalId(good.vaults, 'Vault');
    // THEN
    expect(vault).toMatchObject({
      name: 'orders-vault',
      encryptionKey: 'backup-compliant/VaultKey',
      customerManagedKey: true,
      lock: { minRetentionDays: 7, maxRetentionDays: 120, changeableForDays: 3 },
      deniesRecoveryPointDeletion: true,
      region: 'us-east-1',
      tags: { team: 'orders' },
    });
    expect(vault.location).toMatchObject({
      path: 'Shop/Backup/Vault',
      type: 'AWS::Backup::BackupVault',
    });
  });

  test('reads a restore testing plan schedule', () => {
    // GIVEN
    // WHEN
    const plan = byLogicalId(good.restoreTestingPlans, 'RestoreTest');
    // THEN
    expect(plan.scheduleExpression).toBe('cron(0 6 ? * MON *)');
  });

  test('keeps every resource with its policies and raw properties', () => {
    // GIVEN
    // WHEN
    const vault = byLogicalId(good.resources, 'Vault');
    // THEN
    expect(good.resources).toHaveLength(8);
    expect(vault).toMatchObject({
      type: 'AWS::Backup::BackupVault',
      deletionPolicy: 'Retain',
      updateReplacePolicy: 'Retain',
    });
    expect(vault.properties.BackupVaultName).toBe('orders-vault');
  });

  test('reads an AWS managed key and an absent lock as not protected', () => {
    // GIVEN
    // WHEN
    const vault = byLogicalId(bad.vaults, 'Vault');
    // THEN
    expect(vault.customerManagedKey).toBe(false);
    expect(vault.lock).toBeUndefined();
    expect(vault.deniesRecoveryPointDeletion).toBe(false);
  });

  test('reads an access policy given as a JSON string that allows deletion', () => {
    // GIVEN
    // WHEN
    const vault = byLogicalId(bad.vaults, 'OpenVault');
    // THEN
    expect(vault.deniesRecoveryPointDeletion).toBe(false);
    expect(vault.encryptionKey).toBeUndefined();
    expect(vault.lock).toEqual({
      minRetentionDays: 1,
      maxRetentionDays: undefined,
      changeableForDays: undefined,
    });
  });

  test('reads a copy to the same region, an unknown schedule and a vault outside the templates', () => {
    // GIVEN
    // WHEN
    const [daily, second] = byLogicalId(bad.backupPlans, 'Plan').rules;
    // THEN
    expect(daily.copyActions[0].destinationRegion).toBe('us-east-1');
    expect(isUnresolved(daily.copyActions[0].destinationAccount)).toBe(true);
    expect(daily.moveToColdStorageAfterDays).toBe(30);
    expect(second.name).toBe('rule 2');
    expect(isUnresolved(second.scheduleExpression)).toBe(true);
    expect(second.targetVault).toBe('elsewhere');
    expect(second.completionWindowMinutes).toBeUndefined();
  });

  test('reports a plan id and resources that are not in the templates as unresolved', () => {
    // GIVEN
    // WHEN
    const selection = byLogicalId(bad.backupSelections, 'Selection');
    // THEN
    expect(isUnresolved(selection.plan)).toBe(true);
    expect(selection.resources).toHaveLength(1);
    expect(isUnresolved(selection.resources[0])).toBe(true);
    expect(selection.conditions).toEqual([
      { operator: 'StringLike', key: 'backup', value: 'yes*' },
    ]);
    expect(selection.iamRole).toBe(
      'arn:aws:iam::111111111111:role/service-role/AWSBackupDefaultServiceRole',
    );
  });
});
