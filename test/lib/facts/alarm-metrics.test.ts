import {
  ALARM_METRICS,
  alarmEvaluationPeriods,
  alarmMetric,
  alarmThreshold,
  efsTimeSinceLastSyncQuery,
  metricDimensions,
  metricRegion,
  publishedRegion,
  replicationLagMetrics,
} from '../../../lib/facts';
import { parseMetricsInsights } from '../../../lib/inventory/metrics-insights';
import { ALARM_SIGNALS, REPLICATION_MECHANISMS } from '../../../lib/model';

const REGIONS = { primary: 'eu-west-1', recovery: 'eu-central-1' };

describe('ALARM_METRICS', () => {
  test('describes every planned alarm signal', () => {
    // GIVEN / WHEN
    const described = Object.keys(ALARM_METRICS);
    // THEN
    expect([...described].sort()).toEqual([...ALARM_SIGNALS].sort());
  });

  test.each(ALARM_SIGNALS)('%s: the operator agrees with the direction', (signal) => {
    // GIVEN
    const metric = alarmMetric(signal);
    // WHEN
    const below = metric.comparisonOperator.startsWith('LessThan');
    // THEN
    expect(below).toBe(metric.comparison === 'below');
  });

  test('lag signals alarm above the threshold, health and capacity below it', () => {
    // GIVEN / WHEN
    const directions = ALARM_SIGNALS.map((s) => `${s} ${alarmMetric(s).comparison}`);
    // THEN
    expect(directions).toEqual(
      expect.arrayContaining([
        'dynamodb-replication-latency above',
        'aurora-global-replication-lag above',
        'rds-replica-lag above',
        'efs-time-since-last-sync above',
        's3-replication-latency above',
        'health-check-status below',
        'asg-in-service-instances below',
        'lambda-errors above',
      ]),
    );
  });

  test('only metrics published every period whatever their value treat missing data as breaching', () => {
    // GIVEN / WHEN
    const breaching = ALARM_SIGNALS.filter((s) => alarmMetric(s).treatMissingData === 'breaching');
    // THEN
    expect(breaching).toEqual(['health-check-status', 'asg-in-service-instances']);
  });
});

describe('alarmThreshold', () => {
  test.each([
    ['dynamodb-replication-latency', 30, 30_000],
    ['aurora-global-replication-lag', 2, 2_000],
    ['rds-replica-lag', 30, 30],
    ['s3-replication-latency', 450, 450],
    ['efs-time-since-last-sync', 900, 900],
    ['asg-in-service-instances', 2, 2],
    ['lambda-errors', 1, 1],
    ['backup-job-failed', 1, 1],
  ] as const)('%s: %d in the plan is %d in the metric', (signal, planned, expected) => {
    // GIVEN / WHEN
    const threshold = alarmThreshold({ signal, threshold: planned });
    // THEN
    expect(threshold).toBe(expected);
  });

  test('a health check alarm fires below 1 (healthy) whatever the plan says', () => {
    // GIVEN / WHEN
    const threshold = alarmThreshold({ signal: 'health-check-status', threshold: 3 });
    // THEN
    expect(threshold).toBe(1);
  });
});

describe('metricRegion', () => {
  test.each([
    ['health-check-status', 'us-east-1'],
    ['aurora-global-replication-lag', 'eu-central-1'],
    ['rds-replica-lag', 'eu-central-1'],
    ['dynamodb-replication-latency', 'eu-west-1'],
    ['s3-replication-failed', 'eu-west-1'],
    ['efs-time-since-last-sync', 'eu-west-1'],
    ['asg-in-service-instances', 'eu-west-1'],
  ] as const)('%s is published in %s', (signal, region) => {
    // GIVEN / WHEN / THEN
    expect(metricRegion(signal, REGIONS)).toBe(region);
  });
});

describe('publishedRegion', () => {
  test('Route 53 publishes health check metrics in us-east-1 whatever the resource Region', () => {
    // GIVEN / WHEN / THEN
    expect(publishedRegion('health-check-status', 'ap-southeast-2')).toBe('us-east-1');
    expect(publishedRegion('lambda-errors', 'ap-southeast-2')).toBe('ap-southeast-2');
  });
});

describe('metricDimensions', () => {
  test('names each value with its CloudWatch dimension', () => {
    // GIVEN / WHEN
    const dimensions = metricDimensions('s3-replication-latency', {
      sourceBucket: 'src',
      destinationBucket: 'dst',
      ruleId: 'rule',
    });
    // THEN
    expect(dimensions).toEqual({ SourceBucket: 'src', DestinationBucket: 'dst', RuleId: 'rule' });
  });
});

describe('efsTimeSinceLastSyncQuery', () => {
  test('selects TimeSinceLastSync of the source file system, whatever its destination', () => {
    // GIVEN / WHEN
    const query = efsTimeSinceLastSyncQuery('fs-0123');
    // THEN
    expect(query).toBe(
      'SELECT MAX(TimeSinceLastSync) FROM SCHEMA("AWS/EFS", DestinationFileSystemId, FileSystemId) ' +
        "WHERE FileSystemId = 'fs-0123'",
    );
    expect(parseMetricsInsights(query)).toEqual({
      namespace: 'AWS/EFS',
      metricName: 'TimeSinceLastSync',
      where: [{ dimension: 'FileSystemId', value: 'fs-0123' }],
    });
  });
});

describe('replicationLagMetrics', () => {
  test('lists the planned metrics first, then their equivalents', () => {
    // GIVEN / WHEN
    const s3 = replicationLagMetrics('s3-crr-rtc').map((m) => `${m.namespace}/${m.metricName}`);
    // THEN
    expect(s3).toEqual([
      'AWS/S3/ReplicationLatency',
      'AWS/S3/OperationsFailedReplication',
      'AWS/S3/OperationsPendingReplication',
    ]);
  });

  test('gives a metric to every mechanism but automated backup replication', () => {
    // GIVEN / WHEN
    const without = REPLICATION_MECHANISMS.filter((m) => replicationLagMetrics(m).length === 0);
    // THEN
    expect(without).toEqual(['rds-backup-replication']);
  });
});

describe('alarmEvaluationPeriods', () => {
  it.each([
    ['waits for sustained replication lag', 'dynamodb-replication-latency', 3],
    ['waits for sustained Aurora lag', 'aurora-global-replication-lag', 3],
    ['fires on the first failed backup job', 'backup-job-failed', 1],
    ['fires on the first failed S3 replication', 's3-replication-failed', 1],
    ['fires as soon as a health check fails', 'health-check-status', 1],
  ] as const)('%s', (_case, signal, expected) => {
    expect(alarmEvaluationPeriods(signal)).toBe(expected);
  });
});
