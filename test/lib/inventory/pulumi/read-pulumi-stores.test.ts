import { inventoryFromPulumi } from '../../../../lib/inventory/pulumi';
import type { PulumiResourceRecord } from '../../../../lib/inventory/pulumi';
import { isUnresolved } from '../../../../lib/model';
import type { Inventory, Store } from '../../../../lib/model';
import { record, STACK, T, UNKNOWN, urnOf } from './pulumi-records';

function read(records: readonly PulumiResourceRecord[]): Inventory {
  return inventoryFromPulumi(records, { stack: STACK, defaultRegion: 'us-east-1' });
}

function store(inventory: Inventory, name: string): Store {
  const found = inventory.stores.find((s) => s.id === `${STACK}/${name}`);
  if (!found) {
    throw new Error(`no store ${name}; stores: ${inventory.stores.map((s) => s.id).join(', ')}`);
  }
  return found;
}

describe('DynamoDB tables', () => {
  test('pointInTimeRecovery maps to PITR with its window, 35 days when absent', () => {
    // GIVEN
    const records = [
      record(T.table, 'orders', { pointInTimeRecovery: { enabled: true } }),
      record(T.table, 'ledger', {
        pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 7 },
      }),
      record(T.table, 'carts', {}),
    ];
    // WHEN
    const inventory = read(records);
    // THEN
    expect(store(inventory, 'orders')).toMatchObject({
      kind: 'dynamodb',
      pointInTimeRecovery: true,
      pitrRetentionDays: 35,
      multiAz: true,
    });
    expect(store(inventory, 'ledger').pitrRetentionDays).toBe(7);
    expect(store(inventory, 'carts').pointInTimeRecovery).toBe(false);
  });

  test('a table with replicas reads as a global table with one replica per Region', () => {
    // GIVEN
    const table = record(T.table, 'orders', {
      replicas: [{ regionName: 'us-west-2', pointInTimeRecovery: true }],
      serverSideEncryption: { enabled: true },
    });
    // WHEN
    const inventory = read([table]);
    // THEN
    const s = store(inventory, 'orders');
    expect(s.type).toBe('AWS::DynamoDB::GlobalTable');
    expect(s.location.type).toBe('AWS::DynamoDB::GlobalTable');
    expect(s.replicas).toEqual([
      { mechanism: 'dynamodb-global-table', region: 'us-west-2', pointInTimeRecovery: true },
    ]);
    expect(s.encrypted).toBe(true);
  });

  test('consistencyMode STRONG is multi-Region strong consistency', () => {
    // GIVEN / WHEN
    const inventory = read([
      record(T.table, 'orders', {
        replicas: [{ regionName: 'us-east-2', consistencyMode: 'STRONG' }],
      }),
    ]);
    // THEN
    expect(store(inventory, 'orders').replicas[0]?.mechanism).toBe('dynamodb-global-table-strong');
  });

  test('TableReplica resources add replicas in their own Region', () => {
    // GIVEN
    const records = [
      record(T.table, 'orders', { arn: 'arn:aws:dynamodb:us-east-1:111111111111:table/orders' }),
      record(T.tableReplica, 'orders-west', {
        region: 'us-west-2',
        globalTableArn: 'arn:aws:dynamodb:us-east-1:111111111111:table/orders',
        pointInTimeRecovery: true,
      }),
    ];
    // WHEN
    const inventory = read(records);
    // THEN
    expect(store(inventory, 'orders').replicas).toEqual([
      { mechanism: 'dynamodb-global-table', region: 'us-west-2', pointInTimeRecovery: true },
    ]);
    expect(inventory.resources.map((r) => r.id)).not.toContain(`${STACK}/orders-west`);
  });
});

describe('S3 buckets', () => {
  const source = (): PulumiResourceRecord => record(T.bucket, 'invoices', { bucket: 'invoices-1' });
  const replica = (): PulumiResourceRecord =>
    record(T.bucket, 'invoices-replica', {
      region: 'us-west-2',
      bucket: 'invoices-replica-1',
      arn: 'arn:aws:s3:::invoices-replica-1',
    });

  test('a BucketVersioning resource turns versioning on; without one it is off', () => {
    // GIVEN
    const records = [
      source(),
      record(T.versioning, 'invoices-versioning', {
        bucket: 'invoices-1',
        versioningConfiguration: { status: 'Enabled' },
      }),
      record(T.bucket, 'logs', { bucket: 'logs-1' }),
    ];
    // WHEN
    const inventory = read(records);
    // THEN
    expect(store(inventory, 'invoices').versioning).toBe(true);
    expect(store(inventory, 'logs').versioning).toBe(false);
  });

  test('a BucketVersioning resource whose bucket is unknown makes versioning unresolved, never guessed', () => {
    // GIVEN
    const records = [
      record(T.bucket, 'logs', { bucket: 'logs-1' }),
      record(T.versioning, 'some-versioning', {
        bucket: UNKNOWN,
        versioningConfiguration: { status: 'Enabled' },
      }),
    ];
    // WHEN
    const versioning = store(read(records), 'logs').versioning;
    // THEN
    expect(isUnresolved(versioning)).toBe(true);
  });

  test('replication with replication time and metrics is RTC, to the destination bucket and its Region', () => {
    // GIVEN
    const records = [
      source(),
      replica(),
      record(T.replication, 'invoices-replication', {
        bucket: 'invoices-1',
        rules: [
          {
            id: 'r',
            status: 'Enabled',
            destination: {
              bucket: 'arn:aws:s3:::invoices-replica-1',
              replicationTime: { status: 'Enabled', time: { minutes: 15 } },
              metrics: { status: 'Enabled' },
            },
          },
        ],
      }),
    ];
    // WHEN
    const inventory = read(records);
    // THEN
    expect(store(inventory, 'invoices').replicas).toEqual([
      { mechanism: 's3-crr-rtc', region: 'us-west-2', target: `${STACK}/invoices-replica` },
    ]);
  });

  test('replication without metrics is plain CRR, and disabled rules count for nothing', () => {
    // GIVEN
    const rule = (status: string) => ({
      status,
      destination: {
        bucket: 'arn:aws:s3:::invoices-replica-1',
        replicationTime: { status: 'Enabled' },
      },
    });
    const records = [
      source(),
      replica(),
      record(T.replication, 'rep', {
        bucket: 'invoices-1',
        rules: [rule('Enabled'), rule('Disabled')],
      }),
    ];
    // WHEN
    const replicas = store(read(records), 'invoices').replicas;
    // THEN
    expect(replicas.map((r) => r.mechanism)).toEqual(['s3-crr']);
  });

  test('an unknown destination is found through the property dependencies', () => {
    // GIVEN
    const records = [
      source(),
      replica(),
      record(
        T.replication,
        'rep',
        { bucket: UNKNOWN, rules: [{ status: 'Enabled', destination: { bucket: UNKNOWN } }] },
        {
          propertyDependencies: {
            bucket: [urnOf(T.bucket, 'invoices')],
            rules: [urnOf(T.bucket, 'invoices-replica')],
          },
        },
      ),
    ];
    // WHEN
    const replicas = store(read(records), 'invoices').replicas;
    // THEN
    expect(replicas).toEqual([
      { mechanism: 's3-crr', region: 'us-west-2', target: `${STACK}/invoices-replica` },
    ]);
  });

  test('SSE-KMS from an encryption configuration resource counts as KMS encryption', () => {
    // GIVEN
    const records = [
      source(),
      record(T.encryption, 'enc', {
        bucket: 'invoices-1',
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms' } }],
      }),
    ];
    // WHEN / THEN
    expect(store(read(records), 'invoices').encrypted).toBe(true);
  });
});

describe('RDS and Aurora', () => {
  test('an instance keeps 1 day of automated backups when backupRetentionPeriod is absent; 0 turns PITR off', () => {
    // GIVEN
    const records = [
      record(T.instance, 'catalog', { engine: 'postgres', multiAz: true }),
      record(T.instance, 'legacy', { engine: 'postgres', backupRetentionPeriod: 0 }),
    ];
    // WHEN
    const inventory = read(records);
    // THEN
    expect(store(inventory, 'catalog')).toMatchObject({
      kind: 'rds',
      pointInTimeRecovery: true,
      pitrRetentionDays: 1,
      multiAz: true,
    });
    expect(store(inventory, 'legacy').pointInTimeRecovery).toBe(false);
  });

  test('a read replica belongs to its source, which gets an rds-read-replica in the replica Region', () => {
    // GIVEN
    const records = [
      record(T.instance, 'catalog', {
        engine: 'postgres',
        backupRetentionPeriod: 7,
        arn: 'arn:aws:rds:us-east-1:111111111111:db:catalog',
      }),
      record(T.instance, 'catalog-replica', {
        region: 'us-west-2',
        replicateSourceDb: 'arn:aws:rds:us-east-1:111111111111:db:catalog',
      }),
    ];
    // WHEN
    const inventory = read(records);
    // THEN
    expect(store(inventory, 'catalog-replica')).toMatchObject({
      replicaOf: `${STACK}/catalog`,
      pointInTimeRecovery: false,
    });
    expect(store(inventory, 'catalog').replicas).toEqual([
      { mechanism: 'rds-read-replica', region: 'us-west-2', target: `${STACK}/catalog-replica` },
    ]);
  });

  test('automated backups replication adds an rds-backup-replication replica in its Region', () => {
    // GIVEN
    const records = [
      record(T.instance, 'catalog', {
        engine: 'postgres',
        arn: 'arn:aws:rds:us-east-1:111111111111:db:catalog',
      }),
      record(T.backupReplication, 'catalog-abr', {
        region: 'us-west-2',
        sourceDbInstanceArn: 'arn:aws:rds:us-east-1:111111111111:db:catalog',
      }),
    ];
    // WHEN / THEN
    expect(store(read(records), 'catalog').replicas).toEqual([
      { mechanism: 'rds-backup-replication', region: 'us-west-2' },
    ]);
  });

  test('an Aurora cluster is Multi-AZ with two instances, and a global database links its secondary', () => {
    // GIVEN
    const records = [
      record(T.cluster, 'payments', {
        engine: 'aurora-postgresql',
        masterUsername: 'admin',
        backupRetentionPeriod: 7,
      }),
      record(T.clusterInstance, 'payments-1', { clusterIdentifier: 'payments-id' }),
      record(T.clusterInstance, 'payments-2', { clusterIdentifier: 'payments-id' }),
      record(T.globalCluster, 'payments-global', {
        sourceDbClusterIdentifier: 'arn:aws:test:us-east-1:111111111111:payments',
      }),
      record(T.cluster, 'payments-secondary', {
        region: 'us-west-2',
        engine: 'aurora-postgresql',
        globalClusterIdentifier: 'payments-global-id',
      }),
      record(T.clusterInstance, 'payments-secondary-1', {
        region: 'us-west-2',
        clusterIdentifier: 'payments-secondary-id',
      }),
    ];
    // WHEN
    const inventory = read(records);
    // THEN
    expect(store(inventory, 'payments')).toMatchObject({
      kind: 'aurora',
      multiAz: true,
      pitrRetentionDays: 7,
      replicas: [
        {
          mechanism: 'aurora-global-database',
          region: 'us-west-2',
          target: `${STACK}/payments-secondary`,
        },
      ],
    });
    expect(store(inventory, 'payments-secondary')).toMatchObject({
      multiAz: false,
      replicaOf: `${STACK}/payments`,
    });
  });

  test('a cluster of another engine is a Multi-AZ DB cluster', () => {
    // GIVEN / WHEN
    const s = store(
      read([
        record(T.cluster, 'reports', {
          engine: 'postgres',
          dbClusterInstanceClass: 'db.r6gd.large',
        }),
      ]),
      'reports',
    );
    // THEN
    expect(s).toMatchObject({ kind: 'rds', multiAz: true });
  });
});

describe('EFS and EBS', () => {
  test('a Regional file system replicates to the destination Region; One Zone is not Multi-AZ', () => {
    // GIVEN
    const records = [
      record(T.fileSystem, 'docs', { encrypted: true }),
      record(T.efsReplication, 'docs-replication', {
        sourceFileSystemId: 'docs-id',
        destination: { region: 'us-west-2' },
      }),
      record(T.fileSystem, 'scratch', { availabilityZoneName: 'us-east-1a' }),
    ];
    // WHEN
    const inventory = read(records);
    // THEN
    expect(store(inventory, 'docs')).toMatchObject({
      multiAz: true,
      encrypted: true,
      automaticBackups: false,
      replicas: [{ mechanism: 'efs-replication', region: 'us-west-2' }],
    });
    expect(store(inventory, 'scratch')).toMatchObject({ multiAz: false, automaticBackups: true });
  });

  test('a BackupPolicy resource sets automatic backups', () => {
    // GIVEN
    const records = [
      record(T.fileSystem, 'docs'),
      record(T.efsBackupPolicy, 'docs-backup', {
        fileSystemId: 'docs-id',
        backupPolicy: { status: 'ENABLED' },
      }),
    ];
    // WHEN / THEN
    expect(store(read(records), 'docs').automaticBackups).toBe(true);
  });

  test('an EBS volume is a single-AZ store', () => {
    // GIVEN / WHEN
    const s = store(
      read([record(T.volume, 'reports', { encrypted: true, availabilityZone: 'us-east-1a' })]),
      'reports',
    );
    // THEN
    expect(s).toMatchObject({
      kind: 'ebs',
      type: 'AWS::EC2::Volume',
      multiAz: false,
      encrypted: true,
      pointInTimeRecovery: false,
    });
  });
});
