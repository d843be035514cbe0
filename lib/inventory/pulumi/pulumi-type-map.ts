/** How one @pulumi/aws resource type maps onto CloudFormation. */
export interface PulumiTypeMapping {
  /** The CloudFormation type of the equivalent resource (or of the resource `part` belongs to). */
  readonly cfnType: string;
  /**
   * For resources that CloudFormation expresses as a property of another resource (S3 versioning,
   * a vault lock): that property. Such resources are merged into their parent's entry.
   *
   * @default - a resource of its own
   */
  readonly part?: string;
}

/**
 * Every @pulumi/aws type the adapter understands, side by side with its CloudFormation
 * equivalent. A DynamoDB table with `replicas` reads as an `AWS::DynamoDB::GlobalTable`.
 */
export const PULUMI_TYPE_MAP: Readonly<Record<string, PulumiTypeMapping>> = {
  'aws:dynamodb/table:Table': { cfnType: 'AWS::DynamoDB::Table' },
  'aws:dynamodb/tableReplica:TableReplica': {
    cfnType: 'AWS::DynamoDB::GlobalTable',
    part: 'Replicas',
  },
  'aws:s3/bucket:Bucket': { cfnType: 'AWS::S3::Bucket' },
  'aws:s3/bucketV2:BucketV2': { cfnType: 'AWS::S3::Bucket' },
  'aws:s3/bucketVersioning:BucketVersioning': {
    cfnType: 'AWS::S3::Bucket',
    part: 'VersioningConfiguration',
  },
  'aws:s3/bucketVersioningV2:BucketVersioningV2': {
    cfnType: 'AWS::S3::Bucket',
    part: 'VersioningConfiguration',
  },
  'aws:s3/bucketReplicationConfig:BucketReplicationConfig': {
    cfnType: 'AWS::S3::Bucket',
    part: 'ReplicationConfiguration',
  },
  'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration': {
    cfnType: 'AWS::S3::Bucket',
    part: 'BucketEncryption',
  },
  'aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2': {
    cfnType: 'AWS::S3::Bucket',
    part: 'BucketEncryption',
  },
  'aws:rds/instance:Instance': { cfnType: 'AWS::RDS::DBInstance' },
  'aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication': {
    cfnType: 'AWS::RDS::DBInstance',
    part: 'AutomaticBackupReplicationRegion',
  },
  'aws:rds/cluster:Cluster': { cfnType: 'AWS::RDS::DBCluster' },
  'aws:rds/clusterInstance:ClusterInstance': { cfnType: 'AWS::RDS::DBInstance' },
  'aws:rds/globalCluster:GlobalCluster': { cfnType: 'AWS::RDS::GlobalCluster' },
  'aws:efs/fileSystem:FileSystem': { cfnType: 'AWS::EFS::FileSystem' },
  'aws:efs/replicationConfiguration:ReplicationConfiguration': {
    cfnType: 'AWS::EFS::FileSystem',
    part: 'ReplicationConfiguration',
  },
  'aws:efs/backupPolicy:BackupPolicy': { cfnType: 'AWS::EFS::FileSystem', part: 'BackupPolicy' },
  'aws:ebs/volume:Volume': { cfnType: 'AWS::EC2::Volume' },
  'aws:ecs/service:Service': { cfnType: 'AWS::ECS::Service' },
  'aws:ecs/cluster:Cluster': { cfnType: 'AWS::ECS::Cluster' },
  'aws:autoscaling/group:Group': { cfnType: 'AWS::AutoScaling::AutoScalingGroup' },
  'aws:lambda/function:Function': { cfnType: 'AWS::Lambda::Function' },
  'aws:backup/plan:Plan': { cfnType: 'AWS::Backup::BackupPlan' },
  'aws:backup/selection:Selection': { cfnType: 'AWS::Backup::BackupSelection' },
  'aws:backup/vault:Vault': { cfnType: 'AWS::Backup::BackupVault' },
  'aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault': {
    cfnType: 'AWS::Backup::LogicallyAirGappedBackupVault',
  },
  'aws:backup/vaultLockConfiguration:VaultLockConfiguration': {
    cfnType: 'AWS::Backup::BackupVault',
    part: 'LockConfiguration',
  },
  'aws:backup/vaultPolicy:VaultPolicy': {
    cfnType: 'AWS::Backup::BackupVault',
    part: 'AccessPolicy',
  },
  'aws:backup/restoreTestingPlan:RestoreTestingPlan': {
    cfnType: 'AWS::Backup::RestoreTestingPlan',
  },
  'aws:kms/key:Key': { cfnType: 'AWS::KMS::Key' },
  'aws:kms/replicaKey:ReplicaKey': { cfnType: 'AWS::KMS::ReplicaKey' },
  'aws:kms/alias:Alias': { cfnType: 'AWS::KMS::Alias' },
  'aws:route53/healthCheck:HealthCheck': { cfnType: 'AWS::Route53::HealthCheck' },
  'aws:route53/record:Record': { cfnType: 'AWS::Route53::RecordSet' },
  'aws:route53/zone:Zone': { cfnType: 'AWS::Route53::HostedZone' },
  'aws:cloudwatch/metricAlarm:MetricAlarm': { cfnType: 'AWS::CloudWatch::Alarm' },
  'aws:cloudwatch/dashboard:Dashboard': { cfnType: 'AWS::CloudWatch::Dashboard' },
  'aws:cloudwatch/eventRule:EventRule': { cfnType: 'AWS::Events::Rule' },
  'aws:cloudwatch/eventTarget:EventTarget': { cfnType: 'AWS::Events::Rule', part: 'Targets' },
  'aws:fis/experimentTemplate:ExperimentTemplate': { cfnType: 'AWS::FIS::ExperimentTemplate' },
  'aws:sns/topic:Topic': { cfnType: 'AWS::SNS::Topic' },
  'aws:iam/role:Role': { cfnType: 'AWS::IAM::Role' },
};

/** Pulumi type of each resource kind's store, for references between resources. */
export const PULUMI_TYPES = {
  table: 'aws:dynamodb/table:Table',
  buckets: ['aws:s3/bucket:Bucket', 'aws:s3/bucketV2:BucketV2'],
  dbInstance: 'aws:rds/instance:Instance',
  dbCluster: 'aws:rds/cluster:Cluster',
  clusterInstance: 'aws:rds/clusterInstance:ClusterInstance',
  globalCluster: 'aws:rds/globalCluster:GlobalCluster',
  fileSystem: 'aws:efs/fileSystem:FileSystem',
  plan: 'aws:backup/plan:Plan',
  vaults: ['aws:backup/vault:Vault', 'aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault'],
  keys: ['aws:kms/key:Key', 'aws:kms/replicaKey:ReplicaKey', 'aws:kms/alias:Alias'],
  healthCheck: 'aws:route53/healthCheck:HealthCheck',
  eventRule: 'aws:cloudwatch/eventRule:EventRule',
} as const;

/** Types whose records are merged into another resource's entry, by the `part` they provide. */
export function partTypes(part: string): readonly string[] {
  return Object.entries(PULUMI_TYPE_MAP)
    .filter(([, m]) => m.part === part)
    .map(([token]) => token);
}
