import type { DocSource } from './doc-source';

/** AWS documentation pages the capability table cites, by short key. */
export const SOURCES = {
  backupPlanOptions: {
    title: 'AWS Backup Developer Guide: Backup plan options and configuration',
    url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/plan-options-and-configuration.html',
  },
  backupRuleInput: {
    title: 'AWS Backup API Reference: BackupRuleInput',
    url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupRuleInput.html',
  },
  backupContinuous: {
    title: 'AWS Backup Developer Guide: Continuous backups and point-in-time recovery (PITR)',
    url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/point-in-time-recovery.html',
  },
  backupCrossRegion: {
    title: 'AWS Backup Developer Guide: Cross-Region backup',
    url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-region-backup.html',
  },
  backupCrossAccount: {
    title: 'AWS Backup Developer Guide: Creating backup copies across AWS accounts',
    url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html',
  },
  backupVaultLock: {
    title: 'AWS Backup Developer Guide: AWS Backup Vault Lock',
    url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html',
  },
  backupRestore: {
    title: 'AWS Backup Developer Guide: Restore a backup by resource type',
    url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/restoring-a-backup.html',
  },
  dynamodbPitr: {
    title: 'Amazon DynamoDB API Reference: PointInTimeRecoveryDescription',
    url: 'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PointInTimeRecoveryDescription.html',
  },
  dynamodbResilience: {
    title: 'Amazon DynamoDB Developer Guide: Resilience and disaster recovery in Amazon DynamoDB',
    url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/disaster-recovery-resiliency.html',
  },
  dynamodbGlobalTables: {
    title: 'Amazon DynamoDB Developer Guide: Global tables - multi-Region replication',
    url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html',
  },
  dynamodbStrong: {
    title: 'Amazon DynamoDB Developer Guide: Multi-Region strong consistency',
    url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/multi-region-strong-consistency-gt.html',
  },
  s3Versioning: {
    title: 'Amazon S3 User Guide: Retaining multiple versions of objects with S3 Versioning',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html',
  },
  s3Durability: {
    title: 'Amazon S3 User Guide: Data protection in Amazon S3',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/DataDurability.html',
  },
  s3Replication: {
    title: 'Amazon S3 User Guide: Replicating objects within and across Regions',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication.html',
  },
  s3Rtc: {
    title: 'Amazon S3 User Guide: Meeting compliance requirements with S3 Replication Time Control',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-time-control.html',
  },
  s3RtcSla: {
    title: 'Amazon S3 Replication Time Control Service Level Agreement',
    url: 'https://aws.amazon.com/s3/sla-rtc/',
  },
  rdsPitr: {
    title: 'Amazon RDS User Guide: Restoring a DB instance to a specified time',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIT.html',
  },
  rdsMultiAzFailover: {
    title: 'Amazon RDS User Guide: Failing over a Multi-AZ DB instance for Amazon RDS',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.Failover.html',
  },
  rdsMultiAzClusterFailover: {
    title: 'Amazon RDS User Guide: Failing over a Multi-AZ DB cluster for Amazon RDS',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/multi-az-db-clusters-concepts-failover.html',
  },
  rdsCrossRegionReplica: {
    title: 'Amazon RDS User Guide: Creating a read replica in a different AWS Region',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.XRgn.html',
  },
  rdsPromoteReplica: {
    title: 'Amazon RDS User Guide: Promoting a read replica to be a standalone DB instance',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.Promote.html',
  },
  rdsBackupReplication: {
    title: 'Amazon RDS User Guide: Replicating automated backups to another AWS Region',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReplicateBackups.html',
  },
  rdsDrGuidance: {
    title: 'AWS Prescriptive Guidance: Disaster recovery options for Amazon RDS',
    url: 'https://docs.aws.amazon.com/prescriptive-guidance/latest/dr-standard-edition-amazon-rds/design-dr-standard-edition.html',
  },
  auroraHa: {
    title: 'Amazon Aurora User Guide: High availability for Amazon Aurora',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html',
  },
  auroraGlobal: {
    title: 'Amazon Aurora User Guide: Using Amazon Aurora Global Database',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html',
  },
  auroraGlobalFailover: {
    title:
      'Amazon Aurora User Guide: Using switchover or failover in Amazon Aurora Global Database',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-disaster-recovery.html',
  },
  efsResilience: {
    title: 'Amazon EFS User Guide: Resilience in Amazon Elastic File System',
    url: 'https://docs.aws.amazon.com/efs/latest/ug/disaster-recovery-resiliency.html',
  },
  efsReplication: {
    title: 'Amazon EFS User Guide: Replicating Amazon EFS file systems',
    url: 'https://docs.aws.amazon.com/efs/latest/ug/efs-replication.html',
  },
  ebsTimeBasedCopy: {
    title: 'Amazon EBS User Guide: Time-based copies for Amazon EBS snapshots',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/time-based-copies.html',
  },
  ebsRestore: {
    title: 'Amazon EBS User Guide: Create an Amazon EBS volume from a snapshot (lazy loading)',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-restoring-volume.html',
  },
  route53HealthChecks: {
    title:
      'Amazon Route 53 Developer Guide: How Amazon Route 53 determines whether a health check is healthy',
    url: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html',
  },
  route53HealthCheckConfig: {
    title: 'Amazon Route 53 API Reference: HealthCheckConfig (RequestInterval, FailureThreshold)',
    url: 'https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html',
  },
  route53BestPractices: {
    title:
      'Amazon Route 53 Developer Guide: Best practices for Amazon Route 53 DNS (TTL with health checks)',
    url: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/best-practices-dns.html',
  },
  drStrategies: {
    title: 'Disaster Recovery of Workloads on AWS: Disaster recovery options in the cloud',
    url: 'https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/disaster-recovery-options-in-the-cloud.html',
  },
  wellArchitectedRel13: {
    title: 'AWS Well-Architected Reliability Pillar: REL13-BP02 Use defined recovery strategies',
    url: 'https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_disaster_recovery.html',
  },
  fisActions: {
    title: 'AWS FIS User Guide: Actions reference',
    url: 'https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html',
  },
} as const satisfies Record<string, DocSource>;
