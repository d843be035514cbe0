const UNITS: readonly (readonly [string, number])[] = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/**
 * Formats seconds in the compact form {@link parseDuration} reads back, e.g. `1h20min`, `45s`, `1d2h`.
 *
 * Fractions of a second are rounded to the nearest second; 0 formats as `0s`.
 *
 * @throws RangeError when `seconds` is negative or not finite (a programming error, not user input)
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(
      `formatDuration needs a finite, non-negative number of seconds, got ${seconds}`,
    );
  }
  let rest = Math.round(seconds);
  if (rest === 0) {
    return '0s';
  }
  let text = '';
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      text += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return text;
}
