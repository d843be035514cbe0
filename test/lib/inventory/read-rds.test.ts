import { readInventory } from '../../../lib/inventory';
import { fixture, store } from './fixtures';

describe('RDS instances, Aurora and Multi-AZ DB clusters', () => {
  const good = readInventory([fixture('rds-compliant.yaml')], { region: 'us-east-1' });
  const bad = readInventory([fixture('rds-deficient.json')], { region: 'us-east-1' });
  const assembly = readInventory([fixture('assembly')]);

  test('reads backups, Multi-AZ, encryption and cross-region backup replication of an instance', () => {
    // GIVEN
    // WHEN
    const db = store(good, 'OrdersDb');
    // THEN
    expect(db).toMatchObject({
      kind: 'rds',
      pointInTimeRecovery: true,
      pitrRetentionDays: 14,
      multiAz: true,
      encrypted: true,
      tags: { 'continuity:service': 'orders' },
    });
    expect(db.replicas).toContainEqual({
      mechanism: 'rds-backup-replication',
      region: 'us-west-2',
    });
  });

  test('links a read replica to its source both ways', () => {
    // GIVEN
    // WHEN
    const source = store(good, 'OrdersDb');
    const replica = store(good, 'OrdersReplica');
    // THEN
    expect(replica.replicaOf).toBe('rds-compliant/OrdersDb');
    expect(source.replicas).toContainEqual({
      mechanism: 'rds-read-replica',
      region: 'us-east-1',
      target: 'rds-compliant/OrdersReplica',
    });
  });

  test('reads an Aurora cluster with two instances as Multi-AZ and skips its instances as stores', () => {
    // GIVEN
    // WHEN
    const cluster = store(good, 'Ledger');
    // THEN
    expect(cluster).toMatchObject({
      kind: 'aurora',
      pointInTimeRecovery: true,
      pitrRetentionDays: 7,
      multiAz: true,
    });
    expect(good.stores.map((s) => s.location.logicalId)).not.toContain('LedgerWriter');
  });

  test('reads a Multi-AZ DB cluster as rds, Multi-AZ, with the default one-day retention', () => {
    // GIVEN
    // WHEN
    const cluster = store(good, 'Payments');
    // THEN
    expect(cluster).toMatchObject({
      kind: 'rds',
      multiAz: true,
      pointInTimeRecovery: true,
      pitrRetentionDays: 1,
    });
  });

  test.each([
    ['retention 0 turns PITR off', 'NoBackups', { pointInTimeRecovery: false, multiAz: false }],
    [
      'absent retention means 1 day',
      'Defaults',
      { pointInTimeRecovery: true, pitrRetentionDays: 1 },
    ],
    ['one Aurora instance is single-AZ', 'Lonely', { multiAz: false }],
    ['two instances pinned to one AZ are single-AZ', 'PinnedA', { multiAz: false }],
  ])('%s', (_case, logicalId, expected) => {
    // GIVEN
    // WHEN
    const db = store(bad, logicalId);
    // THEN
    expect(db).toMatchObject(expected);
  });

  test('links an Aurora global database across stacks: the primary gets the secondary as replica', () => {
    // GIVEN a GlobalCluster created from ShopCluster, and a secondary naming it by literal id
    // WHEN
    const primary = store(assembly, 'ShopCluster');
    const secondary = store(assembly, 'ShopSecondaryCluster');
    // THEN
    expect(primary.replicas).toEqual([
      {
        mechanism: 'aurora-global-database',
        region: 'us-west-2',
        target: 'ShopRecovery/ShopSecondaryCluster',
      },
    ]);
    expect(secondary.replicaOf).toBe('ShopPrimary/ShopCluster');
  });

  test('links a cross-region read replica given by literal ARN to the instance of that identifier', () => {
    // GIVEN
    // WHEN
    const source = store(assembly, 'ShopDb');
    // THEN
    expect(store(assembly, 'ShopDbReplica').replicaOf).toBe('ShopPrimary/ShopDb');
    expect(source.replicas).toEqual([
      { mechanism: 'rds-read-replica', region: 'us-west-2', target: 'ShopRecovery/ShopDbReplica' },
    ]);
  });
});
