import * as pulumi from '@pulumi/pulumi';

import type { AlarmSignal, ResourceRef } from '../../lib/model';

/** How CloudWatch measures one alarm signal. */
export interface SignalMetric {
  readonly namespace: string;
  readonly metricName: string;
  readonly statistic: 'Maximum' | 'Minimum' | 'Sum' | 'Average';
  readonly comparisonOperator:
    'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold';
  /** Multiplier from the plan's threshold (seconds, or a count) to the metric's unit. */
  readonly thresholdScale: number;
}

/**
 * CloudWatch metric behind each signal. Lag thresholds in the plan are seconds; DynamoDB and
 * Aurora publish milliseconds, hence the scale.
 * - S3: https://docs.aws.amazon.com/AmazonS3/latest/userguide/repl-metrics.html
 * - DynamoDB `ReplicationLatency` (ms): https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html
 * - Aurora `AuroraGlobalDBReplicationLag` (ms): https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.AuroraMonitoring.Metrics.html
 * - RDS `ReplicaLag` (s): https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html
 * - EFS `TimeSinceLastSync` (s): https://docs.aws.amazon.com/efs/latest/ug/efs-metrics.html
 * - Route 53 `HealthCheckStatus` (1 healthy, 0 not; us-east-1 only): https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/monitoring-health-checks.html
 * - AWS Backup job counts: https://docs.aws.amazon.com/aws-backup/latest/devguide/cloudwatch.html
 * - Auto Scaling `GroupInServiceInstances` (published once group metrics collection is on):
 *   https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-metrics.html
 * - Lambda `Errors` (Sum per period): https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
 */
export const SIGNAL_METRICS: Readonly<Record<AlarmSignal, SignalMetric>> = {
  'backup-job-failed': {
    namespace: 'AWS/Backup',
    metricName: 'NumberOfBackupJobsFailed',
    statistic: 'Sum',
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    thresholdScale: 1,
  },
  'copy-job-failed': {
    namespace: 'AWS/Backup',
    metricName: 'NumberOfCopyJobsFailed',
    statistic: 'Sum',
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    thresholdScale: 1,
  },
  'restore-job-failed': {
    namespace: 'AWS/Backup',
    metricName: 'NumberOfRestoreJobsFailed',
    statistic: 'Sum',
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    thresholdScale: 1,
  },
  's3-replication-latency': {
    namespace: 'AWS/S3',
    metricName: 'ReplicationLatency',
    statistic: 'Maximum',
    comparisonOperator: 'GreaterThanThreshold',
    thresholdScale: 1,
  },
  's3-replication-failed': {
    namespace: 'AWS/S3',
    metricName: 'OperationsFailedReplication',
    statistic: 'Sum',
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    thresholdScale: 1,
  },
  'dynamodb-replication-latency': {
    namespace: 'AWS/DynamoDB',
    metricName: 'ReplicationLatency',
    statistic: 'Maximum',
    comparisonOperator: 'GreaterThanThreshold',
    thresholdScale: 1000,
  },
  'aurora-global-replication-lag': {
    namespace: 'AWS/RDS',
    metricName: 'AuroraGlobalDBReplicationLag',
    statistic: 'Maximum',
    comparisonOperator: 'GreaterThanThreshold',
    thresholdScale: 1000,
  },
  'rds-replica-lag': {
    namespace: 'AWS/RDS',
    metricName: 'ReplicaLag',
    statistic: 'Maximum',
    comparisonOperator: 'GreaterThanThreshold',
    thresholdScale: 1,
  },
  'efs-time-since-last-sync': {
    namespace: 'AWS/EFS',
    metricName: 'TimeSinceLastSync',
    statistic: 'Maximum',
    comparisonOperator: 'GreaterThanThreshold',
    thresholdScale: 1,
  },
  'health-check-status': {
    namespace: 'AWS/Route53',
    metricName: 'HealthCheckStatus',
    statistic: 'Minimum',
    comparisonOperator: 'LessThanThreshold',
    thresholdScale: 1,
  },
  'asg-in-service-instances': {
    namespace: 'AWS/AutoScaling',
    metricName: 'GroupInServiceInstances',
    statistic: 'Minimum',
    comparisonOperator: 'LessThanThreshold',
    thresholdScale: 1,
  },
  'lambda-errors': {
    namespace: 'AWS/Lambda',
    metricName: 'Errors',
    statistic: 'Sum',
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    thresholdScale: 1,
  },
};

/**
 * Signals whose missing data breaches: Route 53 health checks and Auto Scaling group metrics are
 * published every minute whatever their value, so no data means the source stopped reporting.
 */
export const MISSING_DATA_BREACHES: ReadonlySet<AlarmSignal> = new Set<AlarmSignal>([
  'health-check-status',
  'asg-in-service-instances',
]);

/** Where a signal of one resource is published: the Region and the metric's dimensions. */
export interface MetricTarget {
  readonly signal: AlarmSignal;
  /** Child-name fragment identifying the source (store logical id, `primary` health check). */
  readonly label: string;
  /** The planned resource the metric belongs to, matched against `AlarmSpec.resource`. */
  readonly resource?: ResourceRef;
  /** Region CloudWatch publishes the metric in (the alarm must live there). */
  readonly region: string;
  readonly dimensions: Readonly<Record<string, pulumi.Input<string>>>;
  /**
   * CloudWatch Metrics Insights query that selects the metric, for metrics published with a
   * dimension unknown at deploy time; the alarm and dashboard render it instead of `dimensions`.
   *
   * @default - the alarm watches the metric with `dimensions`
   */
  readonly query?: pulumi.Input<string>;
}

/**
 * The Metrics Insights query of EFS `TimeSinceLastSync` for a source file system: EFS publishes
 * the metric per `FileSystemId` and `DestinationFileSystemId`, and the destination is created by
 * EFS, so an alarm on `FileSystemId` alone never receives data. Same query as the CDK renderer.
 * https://docs.aws.amazon.com/efs/latest/ug/efs-metrics.html
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-querylanguage.html
 */
export function efsTimeSinceLastSyncQuery(fileSystemId: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.interpolate`SELECT MAX(TimeSinceLastSync) FROM SCHEMA("AWS/EFS", DestinationFileSystemId, FileSystemId) WHERE FileSystemId = '${fileSystemId}'`;
}

/** Route 53 publishes health check metrics in us-east-1 only. */
export const ROUTE53_METRICS_REGION = 'us-east-1';
