const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const DAY_SECONDS = 86_400;

function parseValue(token: string, names: readonly string[] | undefined, base: number): number {
  const named = names ? names.indexOf(token.toUpperCase()) : -1;
  if (named >= 0) {
    return named + base;
  }
  if (!/^\d+$/.test(token)) {
    throw new Error(`unsupported cron token '${token}'`);
  }
  return Number(token);
}

/** Expands one cron field (`*`, `a-b`, `a/n`, `a,b`, names) into its values. */
function expandField(
  field: string,
  min: number,
  max: number,
  names?: readonly string[],
): Set<number> {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) {
      throw new Error(`unsupported cron step '${part}'`);
    }
    let from: number;
    let to: number;
    if (range === '*') {
      [from, to] = [min, max];
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      [from, to] = [parseValue(a, names, min), parseValue(b, names, min)];
    } else {
      from = parseValue(range, names, min);
      to = stepText === undefined ? from : max;
    }
    if (from < min || to > max || from > to) {
      throw new Error(`cron value out of range in '${part}'`);
    }
    for (let v = from; v <= to; v += step) {
      values.add(v);
    }
  }
  return values;
}

/**
 * Longest time, in seconds, between two consecutive runs of an AWS Backup cron schedule
 * (`cron(minutes hours day-of-month month day-of-week year)`), or `undefined` when the
 * expression is not one this reads (`L`, `W`, `#`, a fixed year, `rate(...)`).
 *
 * Found by listing every run over two calendar years (one of them a leap year), so monthly and
 * weekly schedules get their true worst case (e.g. 31 days for `cron(0 5 1 * ? *)`).
 */
export function cronIntervalSeconds(expression: string): number | undefined {
  if (intervals.has(expression)) {
    return intervals.get(expression);
  }
  const seconds = longestInterval(expression);
  if (intervals.size >= MAX_CACHED_EXPRESSIONS) {
    intervals.clear();
  }
  intervals.set(expression, seconds);
  return seconds;
}

/**
 * Intervals already worked out, by expression: listing two years of runs costs about a
 * millisecond, and the engine asks once per store and backup rule (thousands of times for a
 * large assembly) about the same few schedules.
 */
const intervals = new Map<string, number | undefined>();

/** Bound on {@link intervals}, so a long-lived process never grows it without limit. */
const MAX_CACHED_EXPRESSIONS = 1024;

function longestInterval(expression: string): number | undefined {
  const match = /^cron\((.*)\)$/.exec(expression.trim());
  if (!match) {
    return undefined;
  }
  const fields = match[1].trim().split(/\s+/);
  if (fields.length !== 6 || fields[5] !== '*' || /[LW#]/.test(fields.join(' '))) {
    return undefined;
  }
  try {
    const [minuteF, hourF, domF, monthF, dowF] = fields;
    const minutes = expandField(minuteF, 0, 59);
    const hours = expandField(hourF, 0, 23);
    const months = expandField(monthF, 1, 12, MONTHS);
    const dom = domF === '?' || domF === '*' ? undefined : expandField(domF, 1, 31);
    const dow = dowF === '?' || dowF === '*' ? undefined : expandField(dowF, 1, 7, WEEKDAYS);
    const dayOffsets = [...hours]
      .flatMap((h) => [...minutes].map((m) => h * 3600 + m * 60))
      .sort((a, b) => a - b);
    let previous: number | undefined;
    let longest = 0;
    const start = Date.UTC(2027, 0, 1) / 1000;
    for (let day = 0; day < 731; day++) {
      const dayStart = start + day * DAY_SECONDS;
      const date = new Date(dayStart * 1000);
      const runs =
        months.has(date.getUTCMonth() + 1) &&
        (dom === undefined || dom.has(date.getUTCDate())) &&
        (dow === undefined || dow.has(date.getUTCDay() + 1));
      if (!runs) {
        continue;
      }
      for (const offset of dayOffsets) {
        const t = dayStart + offset;
        if (previous !== undefined) {
          longest = Math.max(longest, t - previous);
        }
        previous = t;
      }
    }
    return longest > 0 ? longest : undefined;
  } catch {
    // An expression this parser does not read is reported as unknown by the caller.
    return undefined;
  }
}
