import type { Fact } from './doc-source';
import { SOURCES } from './sources';

const MIN = 60;
const HOUR = 3600;

/** Route 53 health check and DNS numbers. */
export const ROUTE53 = {
  /** Default request interval. */
  standardIntervalSeconds: 30,
  /** Fast request interval (costs more). */
  fastIntervalSeconds: 10,
  /** Default failure threshold. */
  defaultFailureThreshold: 3,
  /** TTL AWS recommends for records with health checks. */
  recommendedTtlSeconds: 60,
  interval: {
    seconds: 30,
    basis: 'documented-typical',
    source: SOURCES.route53HealthCheckConfig,
    note: 'RequestInterval is 10 or 30 seconds; 30 when not specified',
  },
  failureThreshold: {
    seconds: 0,
    basis: 'documented-typical',
    source: SOURCES.route53HealthCheckConfig,
    note: 'FailureThreshold defaults to three consecutive failed checks',
  },
  ttl: {
    seconds: 60,
    basis: 'documented-typical',
    source: SOURCES.route53BestPractices,
    note: 'use a TTL of 60 seconds or less on records associated with health checks',
  },
} as const;

/** Worst-case seconds until clients reach the healthy endpoint: interval × threshold + TTL. */
export function dnsFailoverSeconds(
  intervalSeconds: number,
  failureThreshold: number,
  ttlSeconds: number,
): number {
  return intervalSeconds * failureThreshold + ttlSeconds;
}

/**
 * How long compute takes to serve again, per situation (all estimates from the DR strategies).
 *
 * The Well-Architected DR strategies give orders of magnitude: backup and restore "hours", pilot
 * light "tens of minutes", warm standby "minutes", active/active "near zero".
 */
export const COMPUTE_RECOVERY = {
  /** Nothing defined in the recovery Region: redeploy infrastructure from code. */
  redeploy: {
    seconds: 2 * HOUR,
    basis: 'estimate',
    source: SOURCES.drStrategies,
    note: 'backup and restore: infrastructure is redeployed from code, hours',
  },
  /** Defined but scaled to zero: scale up. */
  pilotLight: {
    seconds: 30 * MIN,
    basis: 'estimate',
    source: SOURCES.drStrategies,
    note: 'pilot light: the app tier is switched on and scaled out, tens of minutes',
  },
  /** Running scaled down: scale out. */
  warmStandby: {
    seconds: 10 * MIN,
    basis: 'estimate',
    source: SOURCES.drStrategies,
    note: 'warm standby: a working scaled-down copy scales out, minutes',
  },
  /** Full capacity already serving. */
  activeActive: {
    seconds: 0,
    basis: 'documented-typical',
    source: SOURCES.drStrategies,
    note: 'multi-site active/active: the other Region already serves traffic',
  },
  /** Compute in a single AZ losing that AZ: relaunch elsewhere. */
  singleAzRelaunch: {
    seconds: 30 * MIN,
    basis: 'estimate',
    source: SOURCES.wellArchitectedRel13,
    note: 'capacity confined to one Availability Zone must be relaunched in another',
  },
  /** Bad deploy: roll back to the previous version. */
  rollback: {
    seconds: 15 * MIN,
    basis: 'estimate',
    source: SOURCES.wellArchitectedRel13,
    note: 'a bad deploy is rolled back to the previous version',
  },
  /** No health-checked DNS failover: someone changes DNS by hand. */
  manualCutover: {
    seconds: 30 * MIN,
    basis: 'estimate',
    source: SOURCES.route53HealthChecks,
    note: 'without health-checked failover records an operator must notice and switch traffic',
  },
} as const satisfies Record<string, Fact>;
