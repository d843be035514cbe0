import { ROUTE53 } from '../facts';
import type { ComputePlan, FailoverPlan, ResourceRef, Strategy } from '../model';

/** Running capacity assumed in the primary Region (the spec declares no capacity). */
export const DEFAULT_PRIMARY_CAPACITY = 2;

/** Availability Zones compute is spread over, so one AZ loss leaves capacity serving. */
export const DEFAULT_AVAILABILITY_ZONES = 2;

/** Share of primary capacity a warm standby keeps running. */
export const WARM_STANDBY_SHARE = 0.25;

/**
 * Standby capacity in the recovery Region for a strategy: none (redeploy from code) for backup
 * and restore, 0 (defined, scaled to zero) for pilot light, ceil(25 %) for warm standby, full for
 * active/active.
 */
export function recoveryCapacityFor(
  strategy: Strategy,
  primaryCapacity: number,
): number | undefined {
  switch (strategy) {
    case 'backup-restore':
      return undefined;
    case 'pilot-light':
      return 0;
    case 'warm-standby':
      return Math.max(1, Math.ceil(primaryCapacity * WARM_STANDBY_SHARE));
    case 'active-active':
      return primaryCapacity;
  }
}

/** The compute plan of one resource under a strategy. */
export function planCompute(resource: ResourceRef, strategy: Strategy): ComputePlan {
  const primaryCapacity = resource.kind === 'lambda' ? 1 : DEFAULT_PRIMARY_CAPACITY;
  const recoveryCapacity = recoveryCapacityFor(strategy, primaryCapacity);
  return {
    resource,
    primaryCapacity,
    availabilityZones: DEFAULT_AVAILABILITY_ZONES,
    ...(recoveryCapacity !== undefined ? { recoveryCapacity } : {}),
  };
}

/**
 * Route 53 failover in front of a service with standby compute: failover routing (latency for
 * active/active), the default failure threshold of 3 and the 60 s TTL AWS recommends; the
 * request interval is 30 s unless the search needs the fast 10 s interval.
 */
export function planFailover(
  strategy: Strategy,
  intervalSeconds: 10 | 30,
): FailoverPlan | undefined {
  if (strategy === 'backup-restore') return undefined;
  return {
    routing: strategy === 'active-active' ? 'latency' : 'failover',
    healthCheckIntervalSeconds: intervalSeconds,
    failureThreshold: ROUTE53.defaultFailureThreshold,
    ttlSeconds: ROUTE53.recommendedTtlSeconds,
  };
}
