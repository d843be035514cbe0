import type {
  AlarmSignal,
  AlarmSpec,
  ComputeKind,
  RegionPair,
  ReplicationMechanism,
  StoreKind,
} from '../model';

/** CloudWatch `ComparisonOperator` values the planned alarms use. */
export type AlarmComparisonOperator =
  'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold';

/** How CloudWatch publishes the metric behind one alarm signal, and how an alarm on it fires. */
export interface AlarmMetric {
  /** What publishes the metric: a store or compute kind, a Route 53 health check or AWS Backup. */
  readonly source: StoreKind | ComputeKind | 'route53-health-check' | 'backup-jobs';
  /**
   * Which copy of a replicated store publishes it: `replica` metrics come from the copy in the
   * recovery Region, `source` ones from the resource in the primary Region.
   */
  readonly publishedBy: 'source' | 'replica';
  /** The Region of the publishing resource, or us-east-1 whatever the resource's Region. */
  readonly publishedIn: 'resource-region' | 'us-east-1';
  readonly namespace: string;
  readonly metricName: string;
  readonly statistic: 'Maximum' | 'Minimum' | 'Sum';
  /** Alarm and dashboard period: how often the metric is published. */
  readonly periodSeconds: number;
  /** CloudWatch dimension names, by the role of their value (`{ table: 'TableName' }`). */
  readonly dimensions: Readonly<Record<string, string>>;
  /**
   * What the plan's `AlarmSpec.threshold` counts: lag `seconds`, a `count` (failed jobs,
   * errors, instances in service) or a health `status`.
   */
  readonly thresholdUnit: 'seconds' | 'count' | 'status';
  /** Metric units per threshold unit: 1000 for a millisecond metric with a seconds threshold. */
  readonly unitsPerSecond: number;
  /**
   * Threshold in the metric's unit that does not depend on the plan (a binary status metric).
   *
   * @default - `AlarmSpec.threshold` × `unitsPerSecond`
   */
  readonly fixedThreshold?: number;
  /** Whether the alarm fires above (lag, failures) or below (health, capacity) the threshold. */
  readonly comparison: 'above' | 'below';
  /** The CloudWatch operator of that direction. */
  readonly comparisonOperator: AlarmComparisonOperator;
  /**
   * `breaching` for metrics published every period whatever their value (no data means the
   * source stopped reporting); `notBreaching` for metrics that only have data when something
   * happens (jobs, writes, invocations).
   */
  readonly treatMissingData: 'breaching' | 'notBreaching';
  /**
   * Replication mechanisms whose lag or failures the metric shows.
   *
   * @default - none; the metric is no replication metric
   */
  readonly replication?: readonly ReplicationMechanism[];
  /**
   * Metrics of the same namespace and dimensions that show the same condition, so an alarm on
   * one of them watches it too.
   *
   * @default - none
   */
  readonly equivalentMetrics?: readonly string[];
}

const S3_REPLICATION_DIMENSIONS = {
  sourceBucket: 'SourceBucket',
  destinationBucket: 'DestinationBucket',
  ruleId: 'RuleId',
} as const;

/** A job-count metric of AWS Backup (account-wide, no dimensions). */
function backupJobs(metricName: string, equivalentMetrics: readonly string[] = []) {
  return {
    source: 'backup-jobs',
    publishedBy: 'source',
    publishedIn: 'resource-region',
    namespace: 'AWS/Backup',
    metricName,
    statistic: 'Sum',
    periodSeconds: 300,
    dimensions: {},
    thresholdUnit: 'count',
    unitsPerSecond: 1,
    comparison: 'above',
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    treatMissingData: 'notBreaching',
    equivalentMetrics,
  } as const;
}

/**
 * The CloudWatch metric behind each planned alarm signal. Both renderers (CDK and Pulumi), the
 * monitoring rule and the plan report read it; none of them restates a metric.
 */
export const ALARM_METRICS = {
  /**
   * AWS Backup publishes job counts every 5 minutes; aborted and expired jobs leave no recovery
   * point either.
   * https://docs.aws.amazon.com/aws-backup/latest/devguide/cloudwatch.html
   */
  'backup-job-failed': backupJobs('NumberOfBackupJobsFailed', [
    'NumberOfBackupJobsAborted',
    'NumberOfBackupJobsExpired',
  ]),
  /** https://docs.aws.amazon.com/aws-backup/latest/devguide/cloudwatch.html */
  'copy-job-failed': backupJobs('NumberOfCopyJobsFailed'),
  /** https://docs.aws.amazon.com/aws-backup/latest/devguide/cloudwatch.html */
  'restore-job-failed': backupJobs('NumberOfRestoreJobsFailed'),
  /**
   * Seconds, published in the source bucket's Region once replication metrics are on, per
   * source bucket, destination bucket and rule; `OperationsPendingReplication` grows with it.
   * https://docs.aws.amazon.com/AmazonS3/latest/userguide/repl-metrics.html
   * https://docs.aws.amazon.com/AmazonS3/latest/userguide/metrics-dimensions.html
   */
  's3-replication-latency': {
    source: 's3',
    publishedBy: 'source',
    publishedIn: 'resource-region',
    namespace: 'AWS/S3',
    metricName: 'ReplicationLatency',
    statistic: 'Maximum',
    periodSeconds: 60,
    dimensions: S3_REPLICATION_DIMENSIONS,
    thresholdUnit: 'seconds',
    unitsPerSecond: 1,
    comparison: 'above',
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    replication: ['s3-crr', 's3-crr-rtc'],
    equivalentMetrics: ['OperationsPendingReplication'],
  },
  /**
   * Count of objects that failed to replicate, same Region and dimensions as the latency.
   * https://docs.aws.amazon.com/AmazonS3/latest/userguide/repl-metrics.html
   */
  's3-replication-failed': {
    source: 's3',
    publishedBy: 'source',
    publishedIn: 'resource-region',
    namespace: 'AWS/S3',
    metricName: 'OperationsFailedReplication',
    statistic: 'Sum',
    periodSeconds: 60,
    dimensions: S3_REPLICATION_DIMENSIONS,
    thresholdUnit: 'count',
    unitsPerSecond: 1,
    comparison: 'above',
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    treatMissingData: 'notBreaching',
    replication: ['s3-crr', 's3-crr-rtc'],
  },
  /**
   * Milliseconds, per receiving Region, published in the source table's Region.
   * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html
   * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_monitoring.html
   */
  'dynamodb-replication-latency': {
    source: 'dynamodb',
    publishedBy: 'source',
    publishedIn: 'resource-region',
    namespace: 'AWS/DynamoDB',
    metricName: 'ReplicationLatency',
    statistic: 'Maximum',
    periodSeconds: 60,
    dimensions: { table: 'TableName', receivingRegion: 'ReceivingRegion' },
    thresholdUnit: 'seconds',
    unitsPerSecond: 1000,
    comparison: 'above',
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    replication: ['dynamodb-global-table', 'dynamodb-global-table-strong'],
  },
  /**
   * Milliseconds, published by the secondary cluster in its Region; `AuroraGlobalDBRPOLag`
   * (Aurora PostgreSQL) shows the same lag as RPO.
   * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.AuroraMonitoring.Metrics.html
   */
  'aurora-global-replication-lag': {
    source: 'aurora',
    publishedBy: 'replica',
    publishedIn: 'resource-region',
    namespace: 'AWS/RDS',
    metricName: 'AuroraGlobalDBReplicationLag',
    statistic: 'Maximum',
    periodSeconds: 60,
    dimensions: { cluster: 'DBClusterIdentifier' },
    thresholdUnit: 'seconds',
    unitsPerSecond: 1000,
    comparison: 'above',
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    replication: ['aurora-global-database'],
    equivalentMetrics: ['AuroraGlobalDBRPOLag'],
  },
  /**
   * Seconds, published by the read replica in its Region.
   * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html
   * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.Monitoring.html
   */
  'rds-replica-lag': {
    source: 'rds',
    publishedBy: 'replica',
    publishedIn: 'resource-region',
    namespace: 'AWS/RDS',
    metricName: 'ReplicaLag',
    statistic: 'Maximum',
    periodSeconds: 60,
    dimensions: { instance: 'DBInstanceIdentifier' },
    thresholdUnit: 'seconds',
    unitsPerSecond: 1,
    comparison: 'above',
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    replication: ['rds-read-replica'],
  },
  /**
   * Seconds, published in the source file system's Region with the dimensions `FileSystemId`
   * and `DestinationFileSystemId`; EFS creates the destination, so alarms select the metric with
   * {@link efsTimeSinceLastSyncQuery}.
   * https://docs.aws.amazon.com/efs/latest/ug/efs-metrics.html
   */
  'efs-time-since-last-sync': {
    source: 'efs',
    publishedBy: 'source',
    publishedIn: 'resource-region',
    namespace: 'AWS/EFS',
    metricName: 'TimeSinceLastSync',
    statistic: 'Maximum',
    periodSeconds: 60,
    dimensions: { fileSystem: 'FileSystemId', destinationFileSystem: 'DestinationFileSystemId' },
    thresholdUnit: 'seconds',
    unitsPerSecond: 1,
    comparison: 'above',
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    replication: ['efs-replication'],
  },
  /**
   * 1 healthy, 0 unhealthy, published every minute in US East (N. Virginia) only, whatever the
   * Region of the endpoint.
   * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/monitoring-health-checks.html
   */
  'health-check-status': {
    source: 'route53-health-check',
    publishedBy: 'source',
    publishedIn: 'us-east-1',
    namespace: 'AWS/Route53',
    metricName: 'HealthCheckStatus',
    statistic: 'Minimum',
    periodSeconds: 60,
    dimensions: { healthCheck: 'HealthCheckId' },
    thresholdUnit: 'status',
    unitsPerSecond: 1,
    fixedThreshold: 1,
    comparison: 'below',
    comparisonOperator: 'LessThanThreshold',
    treatMissingData: 'breaching',
  },
  /**
   * Instances in service, published every minute once the group collects this group metric
   * (granularity `1Minute`).
   * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-metrics.html
   * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_EnableMetricsCollection.html
   */
  'asg-in-service-instances': {
    source: 'asg',
    publishedBy: 'source',
    publishedIn: 'resource-region',
    namespace: 'AWS/AutoScaling',
    metricName: 'GroupInServiceInstances',
    statistic: 'Minimum',
    periodSeconds: 60,
    dimensions: { group: 'AutoScalingGroupName' },
    thresholdUnit: 'count',
    unitsPerSecond: 1,
    comparison: 'below',
    comparisonOperator: 'LessThanThreshold',
    treatMissingData: 'breaching',
  },
  /**
   * Invocations that ended in a function error, summed per period; no data without invocations.
   * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
   */
  'lambda-errors': {
    source: 'lambda',
    publishedBy: 'source',
    publishedIn: 'resource-region',
    namespace: 'AWS/Lambda',
    metricName: 'Errors',
    statistic: 'Sum',
    periodSeconds: 60,
    dimensions: { function: 'FunctionName' },
    thresholdUnit: 'count',
    unitsPerSecond: 1,
    comparison: 'above',
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    treatMissingData: 'notBreaching',
  },
} as const satisfies Readonly<Record<AlarmSignal, AlarmMetric>>;

/** The dimension roles of a signal's metric, e.g. `'table' | 'receivingRegion'`. */
export type AlarmDimensionRole<S extends AlarmSignal> =
  keyof (typeof ALARM_METRICS)[S]['dimensions'];

/** The metric behind a signal, typed as the common shape. */
export function alarmMetric(signal: AlarmSignal): AlarmMetric {
  return ALARM_METRICS[signal];
}

/**
 * The metric's dimensions for a resource: each role's CloudWatch dimension name with the value
 * given for it (`{ TableName: …, ReceivingRegion: … }`). Values may be any renderer type
 * (a CDK token string, a Pulumi input).
 */
export function metricDimensions<S extends AlarmSignal, T>(
  signal: S,
  values: Readonly<Record<AlarmDimensionRole<S>, T>>,
): Record<string, T> {
  const names: Readonly<Record<string, string>> = ALARM_METRICS[signal].dimensions;
  const byRole = values as Readonly<Record<string, T>>;
  return Object.fromEntries(Object.keys(names).map((role) => [names[role]!, byRole[role]!]));
}

/** The threshold of a planned alarm in the metric's unit (seconds → milliseconds where needed). */
export function alarmThreshold(spec: AlarmSpec): number {
  const metric = alarmMetric(spec.signal);
  return metric.fixedThreshold ?? spec.threshold * metric.unitsPerSecond;
}

/** Periods a lag must stay above its threshold before the alarm fires. */
export const LAG_EVALUATION_PERIODS = 3;

/**
 * Consecutive periods a planned alarm evaluates before it fires.
 *
 * Replication lag is sampled every minute and spikes briefly during normal operation, so a lag
 * alarm waits for {@link LAG_EVALUATION_PERIODS} minutes of sustained lag (still well inside any
 * RPO it guards). Everything else fires on the first breaching period: a failed backup, copy or
 * restore job is counted once, and a health floor (health check, in-service instances) that is
 * breached means users already feel it.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarm-evaluation
 */
export function alarmEvaluationPeriods(signal: AlarmSignal): number {
  return alarmMetric(signal).thresholdUnit === 'seconds' ? LAG_EVALUATION_PERIODS : 1;
}

/**
 * The Region CloudWatch publishes a signal's metric in, which is where its alarm must live:
 * us-east-1 for Route 53 health checks, the recovery Region for metrics of a replica, else the
 * primary Region.
 */
export function metricRegion(signal: AlarmSignal, regions: RegionPair): string {
  const publisher =
    alarmMetric(signal).publishedBy === 'replica' ? regions.recovery : regions.primary;
  return publishedRegion(signal, publisher);
}

/** The Region a signal's metric of a resource in `resourceRegion` is published in. */
export function publishedRegion(signal: AlarmSignal, resourceRegion: string): string {
  return alarmMetric(signal).publishedIn === 'us-east-1' ? 'us-east-1' : resourceRegion;
}

/**
 * The CloudWatch Metrics Insights query that selects EFS `TimeSinceLastSync` of a source file
 * system. EFS publishes the metric per `FileSystemId` and `DestinationFileSystemId`, and EFS
 * creates the destination, so an alarm on `FileSystemId` alone never receives data.
 * https://docs.aws.amazon.com/efs/latest/ug/efs-metrics.html
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-querylanguage.html
 */
export function efsTimeSinceLastSyncQuery(fileSystemId: string): string {
  const { namespace, metricName, dimensions } = ALARM_METRICS['efs-time-since-last-sync'];
  return (
    `SELECT MAX(${metricName}) FROM SCHEMA("${namespace}", ${dimensions.destinationFileSystem}, ` +
    `${dimensions.fileSystem}) WHERE ${dimensions.fileSystem} = '${fileSystemId}'`
  );
}

/**
 * The metrics that show a replication mechanism falling behind or failing, planned signals'
 * metrics first, then their equivalents; none for mechanisms without a lag metric (RDS
 * automated backup replication).
 */
export function replicationLagMetrics(
  mechanism: ReplicationMechanism,
): readonly { readonly namespace: string; readonly metricName: string }[] {
  const metrics = Object.values(ALARM_METRICS as Readonly<Record<AlarmSignal, AlarmMetric>>).filter(
    (m) => m.replication?.includes(mechanism),
  );
  return [
    ...metrics.map((m) => ({ namespace: m.namespace, metricName: m.metricName })),
    ...metrics.flatMap((m) =>
      (m.equivalentMetrics ?? []).map((metricName) => ({ namespace: m.namespace, metricName })),
    ),
  ];
}
