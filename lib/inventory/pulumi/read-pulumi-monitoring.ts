import { ROUTE53 } from '../../facts/failover-timing';
import type { Alarm, DnsRecord, ResourceId } from '../../model/inventory';
import { isUnresolved, Unresolved } from '../../model/unresolved';
import type { Known } from '../../model/unresolved';
import { parseMetricsInsights } from '../metrics-insights';
import { isRecord } from '../raw';
import type { RawObject } from '../raw';
import { attachmentsOf } from './pulumi-reader';
import type { PulumiReader } from './pulumi-reader';
import type { PulumiReference, PulumiScope, ScopedRecord } from './pulumi-scope';
import { PULUMI_TYPES } from './pulumi-type-map';
import {
  firstBlock,
  knownList,
  pulumiBoolean,
  pulumiList,
  pulumiNumber,
  pulumiObject,
  pulumiString,
} from './pulumi-values';

/** Reads `aws:route53/healthCheck:HealthCheck`. */
export const readHealthCheck: PulumiReader = ({ scoped, entry }, _scope, out) => {
  out.healthChecks.push({
    ...entry,
    requestIntervalSeconds:
      pulumiNumber(scoped.props.requestInterval) ?? ROUTE53.standardIntervalSeconds,
    failureThreshold:
      pulumiNumber(scoped.props.failureThreshold) ?? ROUTE53.defaultFailureThreshold,
  });
};

function routing(p: RawObject): Pick<DnsRecord, 'routing' | 'failover' | 'recordRegion'> {
  const failover = knownList(p.failoverRoutingPolicies);
  if (failover.length > 0) {
    const type = pulumiString(firstBlock(failover).type);
    return {
      routing: 'failover',
      ...(type === 'PRIMARY' || type === 'SECONDARY' ? { failover: type } : {}),
    };
  }
  const latency = knownList(p.latencyRoutingPolicies);
  if (latency.length > 0) {
    const region =
      pulumiString(firstBlock(latency).region) ?? new Unresolved('latency region (absent)');
    return { routing: 'latency', recordRegion: region };
  }
  return { routing: knownList(p.weightedRoutingPolicies).length > 0 ? 'weighted' : 'simple' };
}

/** Reads `aws:route53/record:Record`. */
export const readRecord: PulumiReader = ({ scoped, entry }, scope, out) => {
  const p = scoped.props;
  const aliases = knownList(p.aliases);
  const check = scope.reference(scoped, 'healthCheckId', p.healthCheckId, [
    PULUMI_TYPES.healthCheck,
  ]);
  const targets: ResourceId[] = [
    ...aliases.map((a) => scope.reference(scoped, 'aliases', pulumiObject(a).name)),
    ...scope.referenceList(scoped, 'records', p.records ?? []),
  ].flatMap((r) => (r && !isUnresolved(r) && 'id' in r ? [r.id] : []));
  out.dnsRecords.push({
    ...entry,
    name: pulumiString(p.name) ?? new Unresolved('name (absent)'),
    ...routing(p),
    ...(check !== undefined
      ? { healthCheck: isUnresolved(check) ? check : 'id' in check ? check.id : check.literal }
      : {}),
    // alias records have no TTL of their own
    ttlSeconds: aliases.length > 0 ? undefined : pulumiNumber(p.ttl),
    targets: [...new Set(targets)],
  });
};

/** The metric an alarm watches: its own, or the first metric of a metric-math alarm. */
function metric(p: RawObject): { metric: RawObject; prop: string } {
  if (p.metricName !== undefined || p.namespace !== undefined) {
    return { metric: p, prop: 'dimensions' };
  }
  for (const query of knownList(p.metricQueries)) {
    const m = firstBlock(pulumiObject(query).metric);
    if (Object.keys(m).length > 0) {
      return { metric: m, prop: 'metricQueries' };
    }
  }
  return { metric: {}, prop: 'dimensions' };
}

/** An action list counts when it is non-empty or unknown until deploy (a topic to be created). */
function hasItems(value: unknown): boolean {
  const list = pulumiList(value);
  return isUnresolved(list) || list.length > 0;
}

/** What an alarm watches, read. */
interface WatchedMetric {
  readonly namespace: Known<string | undefined>;
  readonly metricName: Known<string | undefined>;
  readonly dimensions: Record<string, Known<ResourceId | string>>;
}

function dimensionValue(
  name: string,
  ref: Known<PulumiReference | undefined>,
): Known<ResourceId | string> {
  return ref === undefined
    ? new Unresolved(`dimension ${name} (absent)`)
    : isUnresolved(ref)
      ? ref
      : 'id' in ref
        ? ref.id
        : ref.literal;
}

/**
 * The metric a Metrics Insights query alarm watches, with its `WHERE` equalities as dimensions
 * (values tied to the resources they name), as the CloudFormation reader does; unresolved when
 * the query is known only at deploy time (it embeds an id a preview does not know yet).
 */
function insightsMetric(
  scoped: ScopedRecord,
  scope: PulumiScope,
  p: RawObject,
): WatchedMetric | undefined {
  for (const query of knownList(p.metricQueries)) {
    const expression = pulumiObject(query).expression;
    if (isUnresolved(expression)) {
      return { namespace: expression, metricName: expression, dimensions: {} };
    }
    const selection = typeof expression === 'string' ? parseMetricsInsights(expression) : undefined;
    if (selection) {
      const dimensions: Record<string, Known<ResourceId | string>> = {};
      for (const { dimension, value } of selection.where) {
        dimensions[dimension] = dimensionValue(
          dimension,
          scope.reference(scoped, 'metricQueries', value),
        );
      }
      return { namespace: selection.namespace, metricName: selection.metricName, dimensions };
    }
  }
  return undefined;
}

/** The metric an alarm watches: its own, the first metric of a metric-math alarm, or its Metrics Insights query's. */
function watched(scoped: ScopedRecord, scope: PulumiScope): WatchedMetric {
  const p = scoped.props;
  const { metric: m, prop } = metric(p);
  const queried = Object.keys(m).length === 0 ? insightsMetric(scoped, scope, p) : undefined;
  if (queried) {
    return queried;
  }
  const dimensions: Record<string, Known<ResourceId | string>> = {};
  for (const [name, value] of Object.entries(pulumiObject(m.dimensions))) {
    dimensions[name] = dimensionValue(name, scope.reference(scoped, prop, value));
  }
  return {
    namespace: pulumiString(m.namespace),
    metricName: pulumiString(m.metricName),
    dimensions,
  };
}

/** Reads `aws:cloudwatch/metricAlarm:MetricAlarm`. */
export const readMetricAlarm: PulumiReader = ({ scoped, entry }, scope, out) => {
  const p = scoped.props;
  const { namespace, metricName, dimensions } = watched(scoped, scope);
  const alarm: Alarm = {
    ...entry,
    namespace,
    metricName,
    dimensions,
    threshold: pulumiNumber(p.threshold),
    comparisonOperator: pulumiString(p.comparisonOperator),
    hasActions:
      pulumiBoolean(p.actionsEnabled) !== false &&
      (hasItems(p.alarmActions) || hasItems(p.okActions)),
  };
  out.alarms.push(alarm);
};

function eventPattern(raw: unknown): Known<Readonly<Record<string, unknown>> | undefined> {
  if (raw === undefined || raw === null || isUnresolved(raw)) {
    return raw ?? undefined;
  }
  let pattern = raw;
  if (typeof pattern === 'string') {
    try {
      pattern = JSON.parse(pattern);
    } catch {
      return new Unresolved('eventPattern (not valid JSON)');
    }
  }
  return isRecord(pattern) ? pattern : new Unresolved('eventPattern');
}

/** Reads `aws:cloudwatch/eventRule:EventRule` with its `EventTarget` resources. */
export const readEventRule: PulumiReader = ({ scoped, entry }, scope, out) => {
  out.eventRules.push({
    ...entry,
    eventPattern: eventPattern(scoped.props.eventPattern),
    hasTargets: attachmentsOf(scope, scoped, 'Targets', 'rule').attached.length > 0,
  });
};

/** Reads `aws:fis/experimentTemplate:ExperimentTemplate`. */
export const readExperimentTemplate: PulumiReader = ({ scoped, entry }, _scope, out) => {
  const p = scoped.props;
  out.experimentTemplates.push({
    ...entry,
    actions: knownList(p.actions)
      .map((a) => pulumiString(pulumiObject(a).actionId))
      .filter((a): a is string => typeof a === 'string'),
    // a stop condition with source `none` stops nothing
    hasStopConditions: knownList(p.stopConditions).some(
      (c) => pulumiString(pulumiObject(c).source) !== 'none',
    ),
  });
};
