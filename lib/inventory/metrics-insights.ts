/** What a CloudWatch Metrics Insights query selects. */
export interface MetricsInsightsSelection {
  /** Namespace after `FROM` (or the first argument of `SCHEMA(...)`). */
  readonly namespace: string;
  /** Metric inside the aggregation, e.g. `TimeSinceLastSync` in `MAX(TimeSinceLastSync)`. */
  readonly metricName: string;
  /** Filters of the `WHERE` clause, when it is only `dimension = 'value'` joined by AND. */
  readonly where: readonly { readonly dimension: string; readonly value: string }[];
}

const NAME = String.raw`"[^"]+"|[A-Za-z0-9_.\-/:]+`;
const QUERY = new RegExp(
  String.raw`^\s*SELECT\s+[A-Za-z]+\s*\(\s*(${NAME})\s*\)\s+FROM\s+` +
    String.raw`(?:SCHEMA\s*\(\s*(${NAME})(?:\s*,\s*(?:${NAME}))*\s*\)|(${NAME}))` +
    String.raw`(?:\s+WHERE\s+(.+?))?` +
    String.raw`(?:\s+(?:GROUP\s+BY|ORDER\s+BY|LIMIT)\b.*)?\s*$`,
  'is',
);
const CONDITION = new RegExp(String.raw`^\s*(${NAME})\s*=\s*'([^']*)'\s*$`, 's');

function unquote(name: string): string {
  return name.startsWith('"') && name.endsWith('"') ? name.slice(1, -1) : name;
}

/**
 * Parses a CloudWatch Metrics Insights query (`SELECT MAX(m) FROM SCHEMA("ns", d1, d2) WHERE d1 =
 * 'v'`), the only way an alarm can watch a metric whose other dimensions are unknown at deploy
 * time. `undefined` when the text is not such a query. A `WHERE` clause with anything but
 * equalities joined by AND yields no dimension filters.
 *
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-querylanguage.html
 */
export function parseMetricsInsights(text: string): MetricsInsightsSelection | undefined {
  const match = QUERY.exec(text);
  if (!match) {
    return undefined;
  }
  const [, metric = '', schemaNamespace, plainNamespace, whereClause] = match;
  const where: { dimension: string; value: string }[] = [];
  const conditions = whereClause === undefined ? [] : whereClause.split(/\s+AND\s+/i);
  for (const part of conditions) {
    const condition = CONDITION.exec(part);
    if (!condition) {
      where.length = 0;
      break;
    }
    where.push({ dimension: unquote(condition[1] ?? ''), value: condition[2] ?? '' });
  }
  return {
    namespace: unquote(schemaNamespace ?? plainNamespace ?? ''),
    metricName: unquote(metric),
    where,
  };
}
