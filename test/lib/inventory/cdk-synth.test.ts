import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { readInventory } from '../../../lib/inventory';
import type { Inventory } from '../../../lib/model/inventory';
import { byLogicalId } from './fixtures';

/**
 * Reads what aws-cdk-lib really synthesizes (cross-region references, TableV2 replicas, backup
 * copy actions) from a cdk.out directory, to keep the reader in step with CDK's output shapes.
 */
describe('cdk.out written by aws-cdk-lib', () => {
  let inventory: Inventory;

  beforeAll(() => {
    const outdir = mkdtempSync(join(tmpdir(), 'continuity-cdk-'));
    // the CDK CLI turns path metadata on; do the same
    const app = new App({ outdir, context: { 'aws:cdk:enable-path-metadata': true } });
    const env = (region: string): { account: string; region: string } => ({
      account: '111111111111',
      region,
    });
    const recovery = new Stack(app, 'Recovery', {
      env: env('us-west-2'),
      crossRegionReferences: true,
    });
    const replicaBucket = new s3.Bucket(recovery, 'Replica', { versioned: true });
    const recoveryVault = new backup.BackupVault(recovery, 'Vault', {
      backupVaultName: 'recovery',
    });
    const primary = new Stack(app, 'Primary', {
      env: env('us-east-1'),
      crossRegionReferences: true,
    });
    new dynamodb.TableV2(primary, 'Orders', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      replicas: [{ region: 'us-west-2' }],
    });
    new s3.CfnBucket(primary, 'Source', {
      versioningConfiguration: { status: 'Enabled' },
      replicationConfiguration: {
        role: 'arn:aws:iam::111111111111:role/replication',
        rules: [{ status: 'Enabled', destination: { bucket: replicaBucket.bucketArn } }],
      },
    });
    const plan = new backup.BackupPlan(primary, 'Plan', {
      backupVault: new backup.BackupVault(primary, 'Vault'),
    });
    plan.addRule(
      new backup.BackupPlanRule({
        ruleName: 'Hourly',
        copyActions: [{ destinationBackupVault: recoveryVault }],
      }),
    );
    app.synth();
    inventory = readInventory([outdir]);
    // synthesis takes seconds on a busy machine
  }, 60_000);

  test('follows the cross-region reference of a replication destination', () => {
    // GIVEN a CfnBucket replicating to a bucket of a stack in another region
    // WHEN
    const source = byLogicalId(inventory.stores, 'Source');
    // THEN
    expect(source.replicas).toHaveLength(1);
    expect(source.replicas[0].region).toBe('us-west-2');
    expect(source.replicas[0].target).toMatch(/^Recovery\/Replica/);
  });

  test('follows the cross-region reference of a copy action to the recovery vault', () => {
    // GIVEN
    // WHEN
    const copy = inventory.backupPlans[0].rules[0].copyActions[0];
    // THEN
    expect(copy.destinationRegion).toBe('us-west-2');
    expect(copy.destinationVault).toMatch(/^Recovery\/Vault/);
    expect(copy.destinationVaultArn).toBe(
      'arn:aws:backup:us-west-2:111111111111:backup-vault:recovery',
    );
  });

  test('reads a TableV2 as a global table with its replica in the other region', () => {
    // GIVEN
    // WHEN
    const table = inventory.stores.find((s) => s.type === 'AWS::DynamoDB::GlobalTable');
    // THEN
    expect(table).toMatchObject({ region: 'us-east-1', pointInTimeRecovery: true });
    expect(table?.replicas.map((r) => [r.mechanism, r.region])).toEqual([
      ['dynamodb-global-table', 'us-west-2'],
    ]);
    expect(table?.location.path).toMatch(/^Primary\/Orders/);
  });
});
