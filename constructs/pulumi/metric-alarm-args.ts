import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';

/** Arguments of the alarms created by {@link newMetricAlarm}, by alarm. */
const argsByAlarm = new WeakMap<aws.cloudwatch.MetricAlarm, aws.cloudwatch.MetricAlarmArgs>();

/**
 * The arguments a metric alarm was created with, when {@link newMetricAlarm} created it.
 *
 * The AWS provider echoes an alarm's namespace, metric, queries, Region and tags back as its
 * outputs, so a component can match alarms on these without waiting for the outputs, which took
 * a `pulumi.all` over six outputs per alarm and experiment template.
 */
export function metricAlarmArgs(
  alarm: aws.cloudwatch.MetricAlarm,
): Readonly<aws.cloudwatch.MetricAlarmArgs> | undefined {
  return argsByAlarm.get(alarm);
}

/** `new aws.cloudwatch.MetricAlarm(...)`, remembering its arguments for {@link metricAlarmArgs}. */
export function newMetricAlarm(
  name: string,
  args: aws.cloudwatch.MetricAlarmArgs,
  opts?: pulumi.CustomResourceOptions,
): aws.cloudwatch.MetricAlarm {
  const alarm = new aws.cloudwatch.MetricAlarm(name, args, opts);
  argsByAlarm.set(alarm, args);
  return alarm;
}
