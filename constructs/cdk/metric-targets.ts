import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

import { alarmMetric, metricDimensions } from '../../lib/facts';
import type { AlarmDimensionRole } from '../../lib/facts';
import type { AlarmSignal } from '../../lib/model';
import type { StoreMetric } from './protected-store';

/**
 * The CloudWatch metric behind an alarm signal for one resource, as `ALARM_METRICS` in
 * `lib/facts` describes it (namespace, name, statistic, period, unit), with the resource's
 * dimension values by role.
 *
 * @param region the Region CloudWatch publishes the metric in (`metricRegion`/`publishedRegion`)
 */
export function signalMetric<S extends AlarmSignal>(
  signal: S,
  dimensions: Readonly<Record<AlarmDimensionRole<S>, string>>,
  region: string,
): StoreMetric {
  const m = alarmMetric(signal);
  return {
    metric: new cloudwatch.Metric({
      namespace: m.namespace,
      metricName: m.metricName,
      dimensionsMap: metricDimensions(signal, dimensions),
      statistic: m.statistic,
      period: Duration.seconds(m.periodSeconds),
      region,
    }),
    region,
    unitsPerSecond: m.unitsPerSecond,
  };
}

/**
 * A CloudWatch Metrics Insights query as the metric of a signal, for metrics with a dimension
 * unknown at synthesis (EFS `TimeSinceLastSync`, whose destination EFS creates).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-alarms.html
 */
export function signalQuery(signal: AlarmSignal, query: string, region: string): StoreMetric {
  const m = alarmMetric(signal);
  return {
    metric: new cloudwatch.MathExpression({
      expression: query,
      period: Duration.seconds(m.periodSeconds),
      label: m.metricName,
    }),
    region,
    unitsPerSecond: m.unitsPerSecond,
  };
}
