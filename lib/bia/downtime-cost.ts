import type { DowntimeCostPoint } from './business-impact';

/**
 * Cost of an outage lasting `outageSeconds`: the integral of the downtime cost rate over it.
 *
 * The curve is a step function: from each point's `afterSeconds` until the next point, downtime
 * costs that point's `perHour`. E.g. `[{0, 10000}, {4h, 50000}]` over 6 h costs
 * 4 h × 10 000 + 2 h × 50 000 = 140 000.
 */
export function downtimeCost(curve: readonly DowntimeCostPoint[], outageSeconds: number): number {
  let total = 0;
  curve.forEach((point, index) => {
    const start = point.afterSeconds;
    const end = Math.min(curve[index + 1]?.afterSeconds ?? Number.POSITIVE_INFINITY, outageSeconds);
    if (end > start) {
      total += ((end - start) / 3_600) * point.perHour;
    }
  });
  return total;
}
