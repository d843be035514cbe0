/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    throw new Error('median of no values; measure at least one run');
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Median of `ours[i] / baseline[i]`, each pair measured one after the other (the same repeat of
 * an interleaved run). When the host's speed drifts during a suite, a pair shares its moment, so
 * this moves less than the ratio of the two medians does.
 */
export function pairedRatio(baseline: readonly number[], ours: readonly number[]): number {
  if (baseline.length !== ours.length) {
    throw new Error(
      `paired ratio of ${baseline.length} baseline and ${ours.length} runs; measure them in pairs`,
    );
  }
  return median(ours.map((t, i) => t / baseline[i]!));
}

/**
 * Slope of the least-squares line through (log x, log y): 1 means time grows linearly with
 * size, 2 quadratically. Needs at least two distinct sizes.
 */
export function logLogSlope(points: readonly { readonly x: number; readonly y: number }[]): number {
  const usable = points.filter((p) => p.x > 0 && p.y > 0);
  if (new Set(usable.map((p) => p.x)).size < 2) {
    return Number.NaN;
  }
  const xs = usable.map((p) => Math.log(p.x));
  const ys = usable.map((p) => Math.log(p.y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

/** `1234.5` → `1235 ms`, `12345` → `12.3 s`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) {
    return 'n/a';
  }
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** Kilobytes → `123 MB`. */
export function formatKb(kb: number): string {
  return Number.isFinite(kb) ? `${Math.round(kb / 1024)} MB` : 'n/a';
}

/** A ratio with two decimals and an `x`. */
export function formatRatio(ratio: number): string {
  return Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : 'n/a';
}
