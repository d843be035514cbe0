import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

import { signalMetric, signalQuery } from '../../../constructs/cdk';
import { efsTimeSinceLastSyncQuery } from '../../../lib/facts';

describe('signalMetric', () => {
  test('renders the DynamoDB replication latency in milliseconds with its dimensions', () => {
    // GIVEN / WHEN
    const { metric, region, unitsPerSecond } = signalMetric(
      'dynamodb-replication-latency',
      { table: 'orders', receivingRegion: 'eu-central-1' },
      'eu-west-1',
    );
    // THEN
    expect(metric).toBeInstanceOf(cloudwatch.Metric);
    const m = metric as cloudwatch.Metric;
    expect([m.namespace, m.metricName, m.statistic, m.period.toSeconds(), m.region]).toEqual([
      'AWS/DynamoDB',
      'ReplicationLatency',
      'Maximum',
      60,
      'eu-west-1',
    ]);
    expect(m.dimensions).toEqual({ TableName: 'orders', ReceivingRegion: 'eu-central-1' });
    expect([region, unitsPerSecond]).toEqual(['eu-west-1', 1000]);
  });
});

describe('signalQuery', () => {
  test('renders a Metrics Insights query labelled with the metric name', () => {
    // GIVEN
    const query = efsTimeSinceLastSyncQuery('fs-0123');
    // WHEN
    const { metric, unitsPerSecond } = signalQuery('efs-time-since-last-sync', query, 'eu-west-1');
    // THEN
    expect(metric).toBeInstanceOf(cloudwatch.MathExpression);
    const e = metric as cloudwatch.MathExpression;
    expect([e.expression, e.label, e.period.toSeconds(), unitsPerSecond]).toEqual([
      query,
      'TimeSinceLastSync',
      60,
      1,
    ]);
  });
});
