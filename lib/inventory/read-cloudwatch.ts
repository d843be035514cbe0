import type { Alarm, ResourceId } from '../model/inventory';
import { Unresolved } from '../model/unresolved';
import type { Known } from '../model/unresolved';
import { parseMetricsInsights } from './metrics-insights';
import { asArray, isRecord } from './raw';
import type { RawObject } from './raw';
import type { ResourceReader, ServiceReaders } from './resource-reader';
import type { StackScope } from './stack-scope';
import { readBoolean, readNumber, readReference, readString, unresolvedOf } from './values';

function dimensions(scope: StackScope, raw: unknown): Record<string, Known<ResourceId | string>> {
  const result: Record<string, Known<ResourceId | string>> = {};
  const list = asArray(raw);
  // an index loop, not `for...of`: alarms are common, and V8 compiles an array iterator loop
  // into much more optimized code (iterator protocol, implicit try/finally)
  for (let i = 0; i < list.length; i++) {
    const d = list[i];
    const name = isRecord(d) ? readString(scope, d.Name) : undefined;
    if (typeof name !== 'string') {
      continue;
    }
    const ref = readReference(scope, (d as RawObject).Value);
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

/** Marks the `n`-th deploy-time part of a string while a query is parsed. */
function hole(n: number): string {
  return `\u0000${n}\u0000`;
}

/** What an alarm watches, read. */
interface WatchedMetric {
  readonly namespace: Known<string | undefined>;
  readonly metricName: Known<string | undefined>;
  readonly dimensions: Record<string, Known<ResourceId | string>>;
}

/**
 * The metric a Metrics Insights query alarm watches, with its `WHERE` equalities as dimensions,
 * so rules match it like any alarm. CDK writes `WHERE FileSystemId = '${fs.fileSystemId}'` as an
 * `Fn::Join` around a `Ref`.
 */
function insightsMetric(scope: StackScope, raw: unknown): WatchedMetric | undefined {
  const resolved = scope.resolve(raw);
  const parts =
    resolved.kind === 'literal' && typeof resolved.value === 'string'
      ? [resolved.value]
      : resolved.kind === 'concat'
        ? resolved.parts
        : undefined;
  if (parts === undefined) {
    return undefined;
  }
  const deployTime: Known<ResourceId | string>[] = [];
  const text = parts
    .map((part) => {
      if (typeof part === 'string') {
        return part;
      }
      deployTime.push(part.kind === 'ref' ? part.id : unresolvedOf(part, raw));
      return hole(deployTime.length - 1);
    })
    .join('');
  const query = parseMetricsInsights(text);
  if (!query) {
    return undefined;
  }
  const dimensions: Record<string, Known<ResourceId | string>> = {};
  for (const { dimension, value } of query.where) {
    const index = deployTime.findIndex((_, i) => value === hole(i));
    dimensions[dimension] =
      index >= 0
        ? (deployTime[index] as Known<ResourceId | string>)
        : value.includes('\u0000')
          ? new Unresolved(`dimension ${dimension} (partly known at deploy time)`)
          : value;
  }
  return { namespace: query.namespace, metricName: query.metricName, dimensions };
}

/** The metric, namespace and dimensions named by an alarm or a `MetricStat.Metric`. */
function metricOf(scope: StackScope, m: RawObject): WatchedMetric {
  return {
    namespace: readString(scope, m.Namespace),
    metricName: readString(scope, m.MetricName),
    dimensions: dimensions(scope, m.Dimensions),
  };
}

/**
 * The metric an alarm watches: its own, the first metric of a metric-math alarm, or what its
 * Metrics Insights query selects.
 */
function watched(scope: StackScope, p: RawObject): WatchedMetric {
  if (p.MetricName !== undefined || p.Namespace !== undefined) {
    return metricOf(scope, p);
  }
  for (const query of asArray(p.Metrics)) {
    const stat = isRecord(query) ? query.MetricStat : undefined;
    if (isRecord(stat) && isRecord(stat.Metric)) {
      return metricOf(scope, stat.Metric);
    }
  }
  for (const query of asArray(p.Metrics)) {
    const selected = isRecord(query) ? insightsMetric(scope, query.Expression) : undefined;
    if (selected) {
      return selected;
    }
  }
  return metricOf(scope, {});
}

const readAlarm: ResourceReader = (resource, scope, out) => {
  const p = resource.properties;
  const m = watched(scope, p);
  const enabled = readBoolean(scope, p.ActionsEnabled) ?? true;
  const alarm: Alarm = {
    id: resource.id,
    location: resource.location,
    region: resource.region,
    account: resource.account,
    tags: resource.tags,
    namespace: m.namespace,
    metricName: m.metricName,
    dimensions: m.dimensions,
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
