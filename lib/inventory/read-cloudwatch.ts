import type { Alarm, ResourceId } from '../model/inventory';
import { Unresolved } from '../model/unresolved';
import type { Known } from '../model/unresolved';
import { asArray, isRecord } from './raw';
import type { RawObject } from './raw';
import type { ResourceReader, ServiceReaders } from './resource-reader';
import type { StackScope } from './stack-scope';
import { readBoolean, readNumber, readReference, readString } from './values';

function dimensions(scope: StackScope, raw: unknown): Record<string, Known<ResourceId | string>> {
  const result: Record<string, Known<ResourceId | string>> = {};
  for (const d of asArray(raw)) {
    const name = isRecord(d) ? readString(scope, d.Name) : undefined;
    if (!isRecord(d) || typeof name !== 'string') {
      continue;
    }
    const ref = readReference(scope, d.Value);
    result[name] =
      ref === undefined
        ? new Unresolved(`dimension ${name} (absent)`)
        : ref instanceof Unresolved
          ? ref
          : 'id' in ref
            ? ref.id
            : ref.literal;
  }
  return result;
}

/** The metric an alarm watches: its own, or the first metric of a metric-math alarm. */
function metric(p: RawObject): RawObject {
  if (p.MetricName !== undefined || p.Namespace !== undefined) {
    return p;
  }
  for (const query of asArray(p.Metrics)) {
    const stat = isRecord(query) ? query.MetricStat : undefined;
    if (isRecord(stat) && isRecord(stat.Metric)) {
      return stat.Metric;
    }
  }
  return {};
}

const readAlarm: ResourceReader = (resource, scope, out) => {
  const p = resource.properties;
  const m = metric(p);
  const enabled = readBoolean(scope, p.ActionsEnabled) ?? true;
  const alarm: Alarm = {
    id: resource.entry.id,
    location: resource.entry.location,
    region: resource.entry.region,
    account: resource.entry.account,
    tags: resource.entry.tags,
    namespace: readString(scope, m.Namespace),
    metricName: readString(scope, m.MetricName),
    dimensions: dimensions(scope, m.Dimensions),
    threshold: readNumber(scope, p.Threshold),
    comparisonOperator: readString(scope, p.ComparisonOperator),
    hasActions:
      enabled !== false && (asArray(p.AlarmActions).length > 0 || asArray(p.OKActions).length > 0),
  };
  out.alarms.push(alarm);
};

/** CloudWatch alarms. */
export const CLOUDWATCH_READERS: ServiceReaders = {
  readers: { 'AWS::CloudWatch::Alarm': readAlarm },
};
