import type { PulumiResourceRecord } from '../../../../lib/inventory/pulumi';

/** Stack of every hand-built record. */
export const STACK = 'dev';

/** A record of `type` named `name`, with an id `<name>-id` and an ARN in `us-east-1`. */
export function record(
  type: string,
  name: string,
  props: Record<string, unknown> = {},
  extra: Partial<PulumiResourceRecord> = {},
): PulumiResourceRecord {
  return {
    type,
    name,
    urn: `urn:pulumi:${STACK}::shop::${type}::${name}`,
    id: `${name}-id`,
    props: { arn: `arn:aws:test:us-east-1:111111111111:${name}`, ...props },
    ...extra,
  };
}

/** The URN {@link record} gives a resource. */
export function urnOf(type: string, name: string): string {
  return `urn:pulumi:${STACK}::shop::${type}::${name}`;
}

/** The unknown-string sentinel the Pulumi engine sends during a preview. */
export const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

/** Type tokens used by the tests. */
export const T = {
  table: 'aws:dynamodb/table:Table',
  tableReplica: 'aws:dynamodb/tableReplica:TableReplica',
  bucket: 'aws:s3/bucket:Bucket',
  versioning: 'aws:s3/bucketVersioning:BucketVersioning',
  replication: 'aws:s3/bucketReplicationConfig:BucketReplicationConfig',
  encryption:
    'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
  instance: 'aws:rds/instance:Instance',
  backupReplication:
    'aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication',
  cluster: 'aws:rds/cluster:Cluster',
  clusterInstance: 'aws:rds/clusterInstance:ClusterInstance',
  globalCluster: 'aws:rds/globalCluster:GlobalCluster',
  fileSystem: 'aws:efs/fileSystem:FileSystem',
  efsReplication: 'aws:efs/replicationConfiguration:ReplicationConfiguration',
  efsBackupPolicy: 'aws:efs/backupPolicy:BackupPolicy',
  volume: 'aws:ebs/volume:Volume',
  ecs: 'aws:ecs/service:Service',
  asg: 'aws:autoscaling/group:Group',
  lambda: 'aws:lambda/function:Function',
  plan: 'aws:backup/plan:Plan',
  selection: 'aws:backup/selection:Selection',
  vault: 'aws:backup/vault:Vault',
  lock: 'aws:backup/vaultLockConfiguration:VaultLockConfiguration',
  vaultPolicy: 'aws:backup/vaultPolicy:VaultPolicy',
  key: 'aws:kms/key:Key',
  restoreTesting: 'aws:backup/restoreTestingPlan:RestoreTestingPlan',
  healthCheck: 'aws:route53/healthCheck:HealthCheck',
  record: 'aws:route53/record:Record',
  alarm: 'aws:cloudwatch/metricAlarm:MetricAlarm',
  eventRule: 'aws:cloudwatch/eventRule:EventRule',
  eventTarget: 'aws:cloudwatch/eventTarget:EventTarget',
  fis: 'aws:fis/experimentTemplate:ExperimentTemplate',
} as const;
