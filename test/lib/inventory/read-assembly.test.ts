import { cloudAssemblyDirectory, readInventory } from '../../../lib/inventory';
import { isUnresolved } from '../../../lib/model/unresolved';
import { byLogicalId, fixture, store } from './fixtures';

describe('cdk.out cloud assemblies', () => {
  const inventory = readInventory([fixture('assembly')]);

  test('reads every stack with its region, nested assemblies included', () => {
    // GIVEN a manifest with two stacks and a stage holding two more
    // WHEN
    const stacks = new Set(inventory.resources.map((r) => r.location.stack));
    // THEN
    expect([...stacks].sort()).toEqual(['Dr-Inner', 'DrAgnostic', 'ShopPrimary', 'ShopRecovery']);
    expect(byLogicalId(inventory.vaults, 'RecoveryVault').region).toBe('us-west-2');
    expect(byLogicalId(inventory.vaults, 'IsolatedVault').id).toBe('Dr-Inner/IsolatedVault');
    expect(byLogicalId(inventory.resources, 'SiteBucket').location.file).toMatch(
      /ShopPrimary\.template\.json$/,
    );
  });

  test('reads an unknown-region environment as unresolved', () => {
    // GIVEN
    // WHEN
    const table = store(inventory, 'Anywhere');
    // THEN
    expect(isUnresolved(table.region)).toBe(true);
  });

  test('gives every entry the account of its stack from the manifest environment', () => {
    // GIVEN ShopPrimary in aws://111111111111/us-east-1, Dr-Inner in aws://333333333333/us-east-1
    // WHEN
    const plan = byLogicalId(inventory.backupPlans, 'Plan');
    const vault = byLogicalId(inventory.vaults, 'IsolatedVault');
    const resource = byLogicalId(inventory.resources, 'SiteBucket');
    // THEN
    expect(plan.account).toBe('111111111111');
    expect(store(inventory, 'SiteBucket').account).toBe('111111111111');
    expect(resource.account).toBe('111111111111');
    expect(vault.account).toBe('333333333333');
  });

  test('reads an unknown-account environment as an unresolved account', () => {
    // GIVEN DrAgnostic in aws://unknown-account/unknown-region
    // WHEN
    const table = store(inventory, 'Anywhere');
    // THEN
    expect(isUnresolved(table.account)).toBe(true);
    expect(String(table.account)).toMatch(/AWS::AccountId/);
  });

  test('follows a CDK cross-region reference to the replica bucket in the other stack', () => {
    // GIVEN the destination bucket is read through Custom::CrossRegionExportReader
    // WHEN
    const bucket = store(inventory, 'SiteBucket');
    // THEN
    expect(bucket.replicas).toEqual([
      { mechanism: 's3-crr', region: 'us-west-2', target: 'ShopRecovery/ReplicaBucket' },
    ]);
  });

  test('follows cross-region and Fn::ImportValue references to copy destination vaults', () => {
    // GIVEN
    // WHEN
    const [hourly, toStage] = byLogicalId(inventory.backupPlans, 'Plan').rules;
    // THEN
    expect(hourly.copyActions[0]).toMatchObject({
      destinationVault: 'ShopRecovery/RecoveryVault',
      destinationRegion: 'us-west-2',
      destinationAccount: '111111111111',
      destinationVaultArn: 'arn:aws:backup:us-west-2:111111111111:backup-vault:shop-recovery',
    });
    expect(toStage.copyActions[0]).toMatchObject({
      destinationVault: 'Dr-Inner/IsolatedVault',
      destinationRegion: 'us-east-1',
      destinationAccount: '333333333333',
    });
    expect(isUnresolved(toStage.scheduleExpression)).toBe(false);
    expect(toStage.scheduleExpression).toBeUndefined();
  });

  test('collects the spec embedded in stack metadata', () => {
    // GIVEN
    // WHEN
    const specs = inventory.embeddedSpecs;
    // THEN
    expect(specs).toHaveLength(1);
    expect(specs[0].stack).toBe('ShopPrimary');
    expect(specs[0].spec).toMatchObject({
      regions: { primary: 'us-east-1', recovery: 'us-west-2' },
    });
  });

  test('reads a cdk.out given by its manifest.json like the directory', () => {
    // GIVEN
    // WHEN
    const again = readInventory([fixture('assembly/manifest.json')]);
    // THEN
    expect(again.resources.map((r) => r.id)).toEqual(inventory.resources.map((r) => r.id));
  });
});

describe('template files', () => {
  test('names a template file after the file, or after the stack option when given', () => {
    // GIVEN
    const file = fixture('rds-compliant.yaml');
    // WHEN
    const byFile = readInventory([file]);
    const byOption = readInventory([file], { stack: 'Orders' });
    // THEN
    expect(new Set(byFile.resources.map((r) => r.location.stack))).toEqual(
      new Set(['rds-compliant']),
    );
    expect(new Set(byOption.resources.map((r) => r.location.stack))).toEqual(new Set(['Orders']));
  });

  test('tells a cdk.out directory or manifest from a template file', () => {
    // GIVEN / WHEN / THEN
    expect(cloudAssemblyDirectory(fixture('assembly'))).toBe(fixture('assembly'));
    expect(cloudAssemblyDirectory(fixture('assembly/manifest.json'))).toBe(fixture('assembly'));
    expect(cloudAssemblyDirectory(fixture('rds-compliant.yaml'))).toBeUndefined();
    expect(() => cloudAssemblyDirectory(fixture('nope.yaml'))).toThrow(
      /cannot read \(ENOENT\); pass an existing template file or cdk.out directory/,
    );
  });
});
