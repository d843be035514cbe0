import * as aws from '@pulumi/aws';

import { ProtectedStore, STATEFUL_RESOURCE_TYPES } from '../../../constructs/pulumi';
import type { StorePlan, TierPlan } from '../../../lib/model';
import { bronzeTier, goldTier, REGIONS, storePlan } from './fixtures';
import { findRegistration, physicallyNamed, runUnderMocks, unprotected } from './mock-harness';
import type { Registration } from './mock-harness';

const STORES: readonly [string, StorePlan, TierPlan][] = [
  [
    'ledger',
    storePlan('dynamodb', 'Ledger', {
      pointInTimeRecovery: true,
      pitrRetentionDays: 35,
      replication: 'dynamodb-global-table',
    }),
    goldTier(),
  ],
  ['plain', storePlan('dynamodb', 'Plain'), bronzeTier()],
  [
    'invoices',
    storePlan('s3', 'Invoices', { versioning: true, replication: 's3-crr-rtc' }),
    goldTier(),
  ],
  ['media', storePlan('s3', 'Media', { versioning: true, replication: 's3-crr' }), goldTier()],
  ['reports', storePlan('s3', 'Reports'), bronzeTier()],
  [
    'catalog',
    storePlan('rds', 'Catalog', {
      multiAz: true,
      pointInTimeRecovery: true,
      pitrRetentionDays: 14,
      replication: 'rds-read-replica',
    }),
    goldTier(),
  ],
  [
    'legacy',
    storePlan('rds', 'Legacy', {
      pointInTimeRecovery: true,
      replication: 'rds-backup-replication',
    }),
    goldTier(),
  ],
  [
    'payments',
    storePlan('aurora', 'Payments', {
      multiAz: true,
      pointInTimeRecovery: true,
      pitrRetentionDays: 35,
      replication: 'aurora-global-database',
    }),
    goldTier(),
  ],
  ['archive', storePlan('rds', 'Archive'), bronzeTier()],
  ['docs', storePlan('efs', 'Docs', { replication: 'efs-replication' }), goldTier()],
  [
    'scratch',
    { ...storePlan('ebs', 'Scratch'), resource: { kind: 'ebs', sizeGiB: 250 } },
    bronzeTier(),
  ],
];

describe('ProtectedStore per store kind', () => {
  let regs: readonly Registration[];
  const find = (type: string, name: string) => findRegistration(regs, type, name);

  beforeAll(async () => {
    const run = await runUnderMocks(() => {
      const primary = new aws.Provider('primary', { region: REGIONS.primary });
      const recovery = new aws.Provider('recovery', { region: REGIONS.recovery });
      return STORES.map(
        ([name, store, tier]) =>
          new ProtectedStore(name, {
            store,
            service: 'shop',
            tier,
            regions: REGIONS,
            primaryProvider: primary,
            recoveryProvider: recovery,
          }),
      );
    });
    regs = run.registrations;
  });

  test('DynamoDB gets PITR with its window, deletion protection and a recovery-Region replica', () => {
    // GIVEN a global-table plan  WHEN rendered
    const table = find('aws:dynamodb/table:Table', 'ledger-table');
    // THEN
    expect(table.inputs).toMatchObject({
      region: 'us-east-1',
      billingMode: 'PAY_PER_REQUEST',
      deletionProtectionEnabled: true,
      pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
      streamEnabled: true,
      streamViewType: 'NEW_AND_OLD_IMAGES',
      replicas: [
        {
          regionName: 'us-west-2',
          pointInTimeRecovery: true,
          propagateTags: true,
          deletionProtectionEnabled: true,
        },
      ],
      tags: { 'continuity:service': 'shop', 'continuity:tier': 'gold' },
    });
  });

  test('DynamoDB without replication has no replicas and PITR off as planned', () => {
    // GIVEN / WHEN
    const table = find('aws:dynamodb/table:Table', 'plain-table');
    // THEN
    expect(table.inputs.replicas).toEqual([]);
    expect(table.inputs.pointInTimeRecovery).toEqual({ enabled: false });
    expect(table.inputs.streamEnabled).toBeUndefined();
  });

  test('S3 with RTC replicates to a versioned, encrypted bucket in the recovery Region', () => {
    // GIVEN / WHEN
    const replication = find(
      'aws:s3/bucketReplicationConfig:BucketReplicationConfig',
      'invoices-replication',
    );
    const replica = find('aws:s3/bucket:Bucket', 'invoices-replica');
    // THEN
    expect(replica.inputs.region).toBe('us-west-2');
    expect(replica.providerRegion).toBe('us-west-2');
    expect(
      find('aws:s3/bucketVersioning:BucketVersioning', 'invoices-replica-versioning').inputs,
    ).toMatchObject({
      region: 'us-west-2',
      versioningConfiguration: { status: 'Enabled' },
    });
    expect(
      find(
        'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
        'invoices-replica-encryption',
      ).inputs.rules,
    ).toEqual([{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }]);
    expect(replication.inputs.rules).toEqual([
      {
        id: 'continuity-recovery',
        status: 'Enabled',
        filter: {},
        deleteMarkerReplication: { status: 'Disabled' },
        destination: {
          bucket: expect.stringMatching(/^arn:aws:s3:us-west-2:.*invoices-replica/),
          metrics: { status: 'Enabled', eventThreshold: { minutes: 15 } },
          replicationTime: { status: 'Enabled', time: { minutes: 15 } },
        },
      },
    ]);
    expect(replication.options.dependsOn).toEqual(
      expect.arrayContaining([
        expect.stringContaining('invoices-bucket-versioning'),
        expect.stringContaining('invoices-replica-versioning'),
      ]),
    );
  });

  test('S3 replication without RTC leaves replicationTime out', () => {
    // GIVEN / WHEN
    const replication = find(
      'aws:s3/bucketReplicationConfig:BucketReplicationConfig',
      'media-replication',
    );
    // THEN
    const [rule] = replication.inputs.rules as { destination: Record<string, unknown> }[];
    expect(rule?.destination.replicationTime).toBeUndefined();
  });

  test('S3 without versioning or replication gets neither', () => {
    // GIVEN / WHEN
    const names = regs
      .filter((r) => r.name.startsWith('reports-'))
      .map((r) => r.name)
      .sort();
    // THEN
    expect(names).toEqual([
      'reports-bucket',
      'reports-bucket-encryption',
      'reports-bucket-public-access',
    ]);
  });

  test('RDS is Multi-AZ with the planned retention and an encrypted cross-region read replica', () => {
    // GIVEN / WHEN
    const db = find('aws:rds/instance:Instance', 'catalog-db');
    const replica = find('aws:rds/instance:Instance', 'catalog-replica');
    // THEN
    expect(db.inputs).toMatchObject({
      region: 'us-east-1',
      multiAz: true,
      backupRetentionPeriod: 14,
      storageEncrypted: true,
      deletionProtection: true,
      skipFinalSnapshot: false,
      manageMasterUserPassword: true,
    });
    expect(replica.inputs).toMatchObject({
      region: 'us-west-2',
      replicateSourceDb: expect.stringMatching(/catalog-db/),
      storageEncrypted: true,
      kmsKeyId: expect.stringMatching(/^arn:aws:kms:us-west-2:.*catalog-recovery-key/),
    });
    expect(replica.providerRegion).toBe('us-west-2');
  });

  test('RDS without planned PITR leaves the retention to the AWS default', () => {
    // GIVEN / WHEN
    const db = find('aws:rds/instance:Instance', 'archive-db');
    // THEN
    expect(db.inputs.backupRetentionPeriod).toBeUndefined();
    expect(db.inputs.multiAz).toBe(false);
  });

  test('RDS backup replication copies automated backups to the recovery Region', () => {
    // GIVEN / WHEN
    const replication = find(
      'aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication',
      'legacy-backup-replication',
    );
    // THEN
    expect(find('aws:rds/instance:Instance', 'legacy-db').inputs.backupRetentionPeriod).toBe(7);
    expect(replication.inputs).toMatchObject({
      region: 'us-west-2',
      retentionPeriod: 7,
      sourceDbInstanceArn: expect.stringMatching(/legacy-db/),
    });
    expect(replication.providerRegion).toBe('us-west-2');
  });

  test('Aurora gets two instances, a global cluster adopting it and a secondary cluster', () => {
    // GIVEN / WHEN
    const global = find('aws:rds/globalCluster:GlobalCluster', 'payments-global');
    const secondary = find('aws:rds/cluster:Cluster', 'payments-secondary');
    // THEN
    expect(find('aws:rds/cluster:Cluster', 'payments-cluster').inputs).toMatchObject({
      backupRetentionPeriod: 35,
      storageEncrypted: true,
      deletionProtection: true,
    });
    expect(
      find('aws:rds/cluster:Cluster', 'payments-cluster').inputs.globalClusterIdentifier,
    ).toBeUndefined();
    expect(
      regs
        .filter((r) => r.type === 'aws:rds/clusterInstance:ClusterInstance')
        .map((r) => r.name)
        .sort(),
    ).toEqual(['payments-instance-1', 'payments-instance-2', 'payments-secondary-instance-1']);
    expect(global.inputs).toMatchObject({
      sourceDbClusterIdentifier: expect.stringMatching(/payments-cluster/),
      globalClusterIdentifier: 'ck-test-payments',
    });
    expect(secondary.inputs).toMatchObject({
      region: 'us-west-2',
      globalClusterIdentifier: 'payments-global-id',
      kmsKeyId: expect.stringMatching(/us-west-2/),
    });
    expect(secondary.providerRegion).toBe('us-west-2');
  });

  test('EFS is encrypted and replicated to the recovery Region', () => {
    // GIVEN / WHEN
    const replication = find(
      'aws:efs/replicationConfiguration:ReplicationConfiguration',
      'docs-replication',
    );
    // THEN
    expect(find('aws:efs/fileSystem:FileSystem', 'docs-fs').inputs.encrypted).toBe(true);
    expect(replication.inputs).toMatchObject({
      region: 'us-east-1',
      sourceFileSystemId: 'docs-fs-id',
      destination: { region: 'us-west-2' },
    });
  });

  test('EBS is an encrypted volume of the planned size, backed up only', () => {
    // GIVEN / WHEN
    const volume = find('aws:ebs/volume:Volume', 'scratch-volume');
    // THEN
    expect(volume.inputs).toMatchObject({
      size: 250,
      encrypted: true,
      availabilityZone: 'us-east-1a',
      tags: { 'continuity:service': 'shop', 'continuity:tier': 'bronze' },
    });
  });

  test('every stateful resource is protected and retained, whatever its tier', () => {
    // GIVEN / WHEN
    const stateful = regs.filter((r) =>
      (STATEFUL_RESOURCE_TYPES as readonly string[]).includes(r.type),
    );
    // THEN
    expect(stateful).toHaveLength(19);
    expect(unprotected(regs, STATEFUL_RESOURCE_TYPES)).toEqual([]);
    for (const r of stateful) {
      expect([r.name, r.options.protect]).toEqual([r.name, true]);
      expect(r.options.retainOnDelete).toBe(true);
    }
  });

  test('no stateful resource has a hard-coded physical name', () => {
    // GIVEN / WHEN / THEN
    expect(physicallyNamed(regs)).toEqual([]);
  });

  test('every child has its store component as parent', () => {
    // GIVEN / WHEN
    const children = regs.filter((r) => r.custom && r.type !== 'pulumi:providers:aws');
    // THEN
    for (const child of children) {
      expect(child.options.parent).toMatch(/continuity-kit:storage:ProtectedStore::/);
    }
  });
});

describe('ProtectedStore adoption and misuse', () => {
  test('throws when the plan replicates and no recovery provider is given', async () => {
    // GIVEN
    const store = storePlan('efs', 'Docs', { replication: 'efs-replication' });
    const program = () =>
      new ProtectedStore('docs', { store, service: 'shop', tier: goldTier(), regions: REGIONS });
    // WHEN / THEN
    await expect(runUnderMocks(program)).rejects.toThrow(
      /plans efs-replication to us-west-2, but recoveryProvider is undefined/,
    );
  });

  test('throws when given a compute resource', async () => {
    // GIVEN
    const store = storePlan('ecs', 'Api');
    const program = () =>
      new ProtectedStore('api', { store, service: 'shop', tier: goldTier(), regions: REGIONS });
    // WHEN / THEN
    await expect(runUnderMocks(program)).rejects.toThrow(/has kind 'ecs', which is compute/);
  });

  test('throws on cross-region RDS copies without automated backups', async () => {
    // GIVEN
    const store = storePlan('rds', 'Db', { replication: 'rds-read-replica' });
    const program = () =>
      new ProtectedStore('db', {
        store,
        service: 'shop',
        tier: goldTier(),
        regions: REGIONS,
        recoveryProvider: new aws.Provider('recovery', { region: REGIONS.recovery }),
      });
    // WHEN / THEN
    await expect(runUnderMocks(program)).rejects.toThrow(/but pointInTimeRecovery is false/);
  });

  test('adopts an existing store through import on the store itself only', async () => {
    // GIVEN
    const store = storePlan('dynamodb', 'Orders', { replication: 'dynamodb-global-table' });
    const program = () =>
      new ProtectedStore('orders', {
        store,
        service: 'shop',
        tier: goldTier(),
        regions: REGIONS,
        recoveryProvider: new aws.Provider('recovery', { region: REGIONS.recovery }),
        importId: 'orders-prod',
      });
    // WHEN
    const { registrations } = await runUnderMocks(program);
    // THEN
    const imported = registrations.filter((r) => r.options.importId !== undefined);
    expect(imported.map((r) => [r.name, r.options.importId])).toEqual([
      ['orders-table', 'orders-prod'],
    ]);
  });
});
