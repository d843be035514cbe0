import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import {
  ContinuityMonitoring,
  ProtectedStore,
  S3_REPLICATION_RULE_ID,
  StoreResource,
  createDefaultStore,
} from '../../../constructs/cdk';
import type { DefaultResourceContext } from '../../../constructs/cdk';
import type { AlarmSpec, ReplicationMechanism, StoreKind, StorePlan } from '../../../lib/model';
import { REGIONS } from './fixtures';

const ENV = { account: '111111111111' };

function storePlan(
  kind: StoreKind,
  replication: ReplicationMechanism | undefined,
  extra: Partial<StorePlan> = {},
): StorePlan {
  return {
    resource: { kind, logicalId: `${kind}Store` },
    pointInTimeRecovery: true,
    pitrRetentionDays: 14,
    multiAz: true,
    versioning: true,
    backedUp: true,
    replication,
    ...extra,
  };
}

function context(stack: Stack): DefaultResourceContext {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    natGateways: 0,
    subnetConfiguration: [{ name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  return {
    vpc: () => vpc,
    accessLogs: () => s3.Bucket.fromBucketName(stack, 'Logs', 'logs'),
    cluster: () => {
      throw new Error('no cluster in this test');
    },
  };
}

describe('ProtectedStore', () => {
  let primary: Template;
  let target: Template;
  let replicas: Template;
  let recoveryMonitoringTemplate: Template;
  let invalidStack: Stack;
  const stores: Record<string, ProtectedStore> = {};

  beforeAll(() => {
    const app = new App();
    const stackProps = (region: string) => ({
      env: { ...ENV, region },
      crossRegionReferences: true,
    });
    const targetStack = new Stack(app, 'Target', stackProps(REGIONS.recovery));
    const primaryStack = new Stack(app, 'Primary', stackProps(REGIONS.primary));
    const replicaStack = new Stack(app, 'Replicas', stackProps(REGIONS.recovery));
    const ctx = context(primaryStack);
    const recoveryVpc = context(replicaStack).vpc();
    const monitoring = new ContinuityMonitoring(primaryStack, 'Monitoring');
    const recoveryMonitoring = new ContinuityMonitoring(replicaStack, 'Monitoring', {
      jobEvents: false,
    });
    const cases: [StoreKind, ReplicationMechanism | undefined, Partial<StorePlan>][] = [
      ['dynamodb', 'dynamodb-global-table', {}],
      ['s3', 's3-crr-rtc', {}],
      ['rds', 'rds-read-replica', {}],
      ['aurora', 'aurora-global-database', {}],
      ['efs', 'efs-replication', {}],
      ['ebs', undefined, { pointInTimeRecovery: false, multiAz: false }],
    ];
    for (const [kind, replication, extra] of cases) {
      const plan = storePlan(kind, replication, extra);
      stores[kind] = new ProtectedStore(primaryStack, `Protect${kind}`, {
        store: createDefaultStore(primaryStack, `${kind}Store`, kind, ctx),
        plan,
        service: 'shop',
        tier: 'gold',
        recoveryRegion: REGIONS.recovery,
        recoveryTargetScope: targetStack,
        recoveryReplicaScope: replicaStack,
        recoveryVpc,
      });
    }
    const rdsBackups = new ProtectedStore(primaryStack, 'ProtectBackups', {
      store: createDefaultStore(primaryStack, 'BackupsDb', 'rds', ctx),
      plan: storePlan('rds', 'rds-backup-replication', { multiAz: false }),
      service: 'shop',
      tier: 'silver',
      recoveryRegion: REGIONS.recovery,
      recoveryTargetScope: targetStack,
    });
    stores.rdsBackups = rdsBackups;
    const alarms: [string, AlarmSpec][] = [
      ['dynamodb', { signal: 'dynamodb-replication-latency', threshold: 30 }],
      ['s3', { signal: 's3-replication-latency', threshold: 450 }],
      ['s3', { signal: 's3-replication-failed', threshold: 1 }],
      ['efs', { signal: 'efs-time-since-last-sync', threshold: 7200 }],
      ['aurora', { signal: 'aurora-global-replication-lag', threshold: 30 }],
      ['rds', { signal: 'rds-replica-lag', threshold: 60 }],
    ];
    alarms.forEach(([kind, spec], i) => {
      const metric = stores[kind]!.metricFor(spec.signal)!;
      const where = metric.region === REGIONS.primary ? monitoring : recoveryMonitoring;
      where.addAlarm(`Alarm${i}`, spec, metric);
    });
    invalidStack = new Stack(app, 'Invalid', stackProps(REGIONS.primary));
    new ProtectedStore(invalidStack, 'NoScope', {
      store: StoreResource.fromBucket(new s3.Bucket(invalidStack, 'B', { versioned: true })),
      plan: storePlan('s3', 's3-crr'),
      service: 'shop',
      tier: 'gold',
      recoveryRegion: REGIONS.recovery,
    });
    primary = Template.fromStack(primaryStack);
    target = Template.fromStack(targetStack);
    replicas = Template.fromStack(replicaStack);
    recoveryMonitoringTemplate = replicas;
  });

  test('DynamoDB: point-in-time recovery on every replica and a replica in the recovery Region', () => {
    primary.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [
        {
          Region: REGIONS.recovery,
          PointInTimeRecoverySpecification: {
            PointInTimeRecoveryEnabled: true,
            RecoveryPeriodInDays: 14,
          },
        },
        Match.objectLike({
          Region: REGIONS.primary,
          PointInTimeRecoverySpecification: {
            PointInTimeRecoveryEnabled: true,
            RecoveryPeriodInDays: 14,
          },
        }),
      ],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  });

  test('S3: versioning and replication with RTC (15 min) and metrics to a versioned, encrypted replica', () => {
    primary.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      ReplicationConfiguration: {
        Role: Match.anyValue(),
        Rules: [
          Match.objectLike({
            Id: S3_REPLICATION_RULE_ID,
            Status: 'Enabled',
            DeleteMarkerReplication: { Status: 'Disabled' },
            Destination: Match.objectLike({
              Bucket: Match.anyValue(),
              ReplicationTime: { Status: 'Enabled', Time: { Minutes: 15 } },
              Metrics: { Status: 'Enabled', EventThreshold: { Minutes: 15 } },
            }),
          }),
        ],
      },
    });
    target.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }),
          ],
        },
      }),
      DeletionPolicy: 'Retain',
    });
  });

  test('RDS: Multi-AZ, backup retention and an encrypted cross-Region read replica', () => {
    primary.hasResourceProperties('AWS::RDS::DBInstance', {
      MultiAZ: true,
      BackupRetentionPeriod: 14,
      StorageEncrypted: true,
    });
    replicas.hasResource('AWS::RDS::DBInstance', {
      Properties: Match.objectLike({
        SourceDBInstanceIdentifier: Match.anyValue(),
        SourceRegion: REGIONS.primary,
        KmsKeyId: Match.anyValue(),
        StorageEncrypted: true,
      }),
      DeletionPolicy: 'Retain',
    });
  });

  test('RDS: automated backup replication to a key in the recovery Region', () => {
    primary.hasResourceProperties('AWS::RDS::DBInstance', {
      AutomaticBackupReplicationRegion: REGIONS.recovery,
      AutomaticBackupReplicationKmsKeyId: Match.anyValue(),
      AutomaticBackupReplicationRetentionPeriod: 14,
    });
    expect(stores.rdsBackups!.backupReplicationKey).toBeDefined();
  });

  test('Aurora: a global cluster from the primary and a secondary cluster in the recovery Region', () => {
    primary.hasResourceProperties('AWS::RDS::GlobalCluster', {
      SourceDBClusterIdentifier: Match.anyValue(),
      DeletionProtection: true,
    });
    primary.hasResource('AWS::RDS::DBCluster', {
      Properties: Match.objectLike({ BackupRetentionPeriod: 14 }),
      DeletionPolicy: 'Snapshot',
    });
    replicas.hasResource('AWS::RDS::DBCluster', {
      Properties: Match.objectLike({
        GlobalClusterIdentifier: Match.anyValue(),
        Engine: 'aurora-postgresql',
        MasterUsername: Match.absent(),
      }),
      DeletionPolicy: 'Retain',
    });
  });

  test('EFS: replication to a new file system in the recovery Region', () => {
    primary.hasResource('AWS::EFS::FileSystem', {
      Properties: Match.objectLike({
        ReplicationConfiguration: { Destinations: [{ Region: REGIONS.recovery }] },
      }),
      DeletionPolicy: 'Retain',
    });
  });

  test('EBS: tagged for the tier backup and retained, nothing else', () => {
    primary.hasResource('AWS::EC2::Volume', {
      Properties: Match.objectLike({
        Tags: Match.arrayWith([{ Key: 'continuity:tier', Value: 'gold' }]),
      }),
      DeletionPolicy: 'Retain',
    });
  });

  test.each([
    [
      'DynamoDB ReplicationLatency in ms',
      'AWS/DynamoDB',
      'ReplicationLatency',
      30_000,
      'GreaterThanThreshold',
      3,
    ],
    ['S3 ReplicationLatency in s', 'AWS/S3', 'ReplicationLatency', 450, 'GreaterThanThreshold', 3],
    [
      'S3 OperationsFailedReplication as a count',
      'AWS/S3',
      'OperationsFailedReplication',
      1,
      'GreaterThanOrEqualToThreshold',
      1,
    ],
  ])(
    'alarms on %s in the primary Region',
    (_case, namespace, metricName, threshold, operator, periods) => {
      primary.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: namespace,
        MetricName: metricName,
        Threshold: threshold,
        ComparisonOperator: operator,
        EvaluationPeriods: periods,
        AlarmActions: [Match.anyValue()],
      });
    },
  );

  test('alarms on EFS TimeSinceLastSync through a Metrics Insights query', () => {
    primary.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 7200,
      Metrics: [Match.objectLike({ Expression: Match.anyValue() })],
    });
  });

  test.each([
    ['AuroraGlobalDBReplicationLag in ms', 'AuroraGlobalDBReplicationLag', 30_000],
    ['RDS ReplicaLag in s', 'ReplicaLag', 60],
  ])('alarms on %s in the recovery Region', (_case, metricName, threshold) => {
    recoveryMonitoringTemplate.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/RDS',
      MetricName: metricName,
      Threshold: threshold,
    });
  });

  test('monitoring notifies an encrypted topic of failed backup, copy and restore jobs', () => {
    primary.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    for (const detailType of [
      'Backup Job State Change',
      'Copy Job State Change',
      'Restore Job State Change',
    ]) {
      primary.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: {
          source: ['aws.backup'],
          'detail-type': [detailType],
          detail: { state: Match.arrayWith(['FAILED']) },
        },
        Targets: [Match.objectLike({ Arn: Match.anyValue() })],
      });
    }
  });

  test('fails synthesis on the store path when a replication scope is missing', () => {
    Annotations.fromStack(invalidStack).hasError(
      '/Invalid/NoScope',
      Match.stringLikeRegexp(
        "replicates with 's3-crr', which needs a S3 replica bucket; pass recoveryTargetScope",
      ),
    );
  });

  test('throws when the plan and the store disagree on the kind', () => {
    const stack = new Stack();
    expect(
      () =>
        new ProtectedStore(stack, 'Wrong', {
          store: StoreResource.fromBucket(new s3.Bucket(stack, 'B')),
          plan: storePlan('dynamodb', undefined),
          service: 'shop',
          tier: 'gold',
          recoveryRegion: REGIONS.recovery,
        }),
    ).toThrow(/store plan for dynamodb 'dynamodbStore' was given a s3 store/);
  });
});
