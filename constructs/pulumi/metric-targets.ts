import type * as pulumi from '@pulumi/pulumi';

import type { AlarmSignal, ResourceRef } from '../../lib/model';

/**
 * Where a signal of one resource is published: the Region and the metric's dimensions. The
 * metric itself (namespace, unit, direction, Region rule) is `ALARM_METRICS` in `lib/facts`.
 */
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
