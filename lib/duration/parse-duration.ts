import { InputError } from '../model/input-error';

/** Seconds in each unit a compact duration may use. */
export const DURATION_UNITS: Readonly<Record<string, number>> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3_600,
  hr: 3_600,
  hrs: 3_600,
  hour: 3_600,
  hours: 3_600,
  d: 86_400,
  day: 86_400,
  days: 86_400,
  w: 604_800,
  week: 604_800,
  weeks: 604_800,
};

const COMPACT_PART = /(\d+(?:\.\d+)?)\s*([a-zA-Z]+)/y;
const ISO_8601 =
  /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const FIX = 'write it like 30s, 15min, 4h, 1d, 1h30min or PT15M';

/**
 * Parses a duration such as `30s`, `15min`, `4h`, `1d`, `1h30min` or ISO 8601 `PT15M` into seconds.
 *
 * `m` is refused because it reads as minutes or months; months and years are refused because their
 * length varies. A bare number is refused unless it is 0, so `15` cannot silently mean seconds.
 *
 * @param input - the duration as written by the user
 * @param field - where it came from, for the error (e.g. `tiers.gold.region.rpo`)
 * @throws InputError naming the field, the value received and the fix
 */
export function parseDuration(input: string | number, field: string): number {
  const fail = (reason: string, fix: string = FIX): never => {
    throw new InputError([{ path: field, message: `${reason}, received ${show(input)}; ${fix}` }]);
  };
  if (typeof input === 'number') {
    if (input === 0) {
      return 0;
    }
    if (!Number.isFinite(input)) {
      return fail('duration must be a finite length of time');
    }
    if (input < 0) {
      return fail('duration must not be negative');
    }
    return fail(
      'a bare number has no unit',
      `write ${input}min, not ${input} (or ${input}s, ${input}h)`,
    );
  }
  if (typeof input !== 'string') {
    return fail('duration must be text');
  }
  const text = input.trim();
  if (text === '') {
    return fail('duration is empty');
  }
  if (text.startsWith('-')) {
    return fail('duration must not be negative');
  }
  if (/^\d+(\.\d+)?$/.test(text)) {
    if (Number(text) === 0) {
      return 0;
    }
    return fail(
      'a bare number has no unit',
      `write ${text}min, not ${text} (or ${text}s, ${text}h)`,
    );
  }
  const seconds = /^P/i.test(text) ? parseIso(text, fail) : parseCompact(text, fail);
  if (!Number.isInteger(seconds)) {
    return fail('duration must be a whole number of seconds');
  }
  return seconds;
}

function parseIso(text: string, fail: (reason: string, fix?: string) => never): number {
  const match = ISO_8601.exec(text.toUpperCase());
  if (!match || text.length < 2 || /T$/i.test(text)) {
    return fail('not a valid ISO 8601 duration', 'write it like PT15M, PT1H30M or P1D');
  }
  const [, years, months, weeks, days, hours, minutes, secs] = match;
  if (years !== undefined || months !== undefined) {
    return fail('years and months vary in length', 'write days instead, e.g. P30D or P365D');
  }
  const n = (v: string | undefined): number => (v === undefined ? 0 : Number(v));
  return (
    Math.round(
      (n(weeks) * 604_800 + n(days) * 86_400 + n(hours) * 3_600 + n(minutes) * 60 + n(secs)) * 1000,
    ) / 1000
  );
}

function parseCompact(text: string, fail: (reason: string, fix?: string) => never): number {
  let total = 0;
  let position = 0;
  const seen = new Set<number>();
  while (position < text.length) {
    while (text[position] === ' ') {
      position++;
    }
    if (position >= text.length) {
      break;
    }
    COMPACT_PART.lastIndex = position;
    const match = COMPACT_PART.exec(text);
    if (!match) {
      return fail(`cannot read '${text.slice(position)}' as a number with a unit`);
    }
    const [, amount, rawUnit] = match;
    const unit = rawUnit.toLowerCase();
    if (unit === 'm') {
      return fail(
        `unit 'm' is ambiguous (minutes or months?)`,
        `write ${amount}min for minutes, or days such as 30d instead of months`,
      );
    }
    if (['mo', 'mos', 'month', 'months', 'y', 'yr', 'yrs', 'year', 'years'].includes(unit)) {
      return fail(`unit '${rawUnit}' varies in length`, 'write days instead, e.g. 30d or 365d');
    }
    const factor = DURATION_UNITS[unit];
    if (factor === undefined) {
      return fail(`unknown unit '${rawUnit}'`, `use s, min, h, d or w; ${FIX}`);
    }
    if (seen.has(factor)) {
      return fail(`unit '${rawUnit}' is given twice`);
    }
    seen.add(factor);
    total += Number(amount) * factor;
    position = COMPACT_PART.lastIndex;
  }
  return Math.round(total * 1000) / 1000;
}

function show(value: unknown): string {
  if (typeof value === 'string') {
    return `'${value}'`;
  }
  if (value === undefined) {
    return 'nothing';
  }
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}
