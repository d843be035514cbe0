import type { Achievement, Objective } from '../model';

/** True when an achievement is recoverable and no worse than the objective on RPO and RTO. */
export function meets(achievement: Achievement | undefined, objective: Objective): boolean {
  return (
    achievement !== undefined &&
    achievement.rpoSeconds !== null &&
    achievement.rtoSeconds !== null &&
    achievement.rpoSeconds <= objective.rpoSeconds &&
    achievement.rtoSeconds <= objective.rtoSeconds
  );
}

/**
 * How far an achievement misses an objective: 0 when met, otherwise the summed relative excess
 * of RPO and RTO (1e6 per value when not recoverable). Used to pick the best failing design.
 */
export function shortfall(achievement: Achievement | undefined, objective: Objective): number {
  const one = (got: number | null | undefined, want: number): number => {
    if (got === null || got === undefined) return 1e6;
    if (got <= want) return 0;
    return (got - want) / Math.max(want, 60);
  };
  return (
    one(achievement?.rpoSeconds, objective.rpoSeconds) +
    one(achievement?.rtoSeconds, objective.rtoSeconds)
  );
}
