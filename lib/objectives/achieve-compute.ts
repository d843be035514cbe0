import { COMPUTE_RECOVERY, dnsFailoverSeconds, weakestBasis, type Fact } from '../facts';
import type { Basis, ComputeProtection, Disruption, FailoverProtection } from '../model';
import { fmt } from './recovery-path';
import { computeLabel, type Named } from './store-label';

/** Seconds until compute serves again, and why. */
export interface ComputeRecovery {
  readonly rtoSeconds: number;
  readonly basis: Basis;
  /** The explanation lines, written when asked. */
  explain(): readonly string[];
}

const NO_LINES: () => readonly string[] = () => [];

function line(c: Named<ComputeProtection>, fact: Fact, what: string): string {
  return `${computeLabel(c)}: RTO ${fmt(fact.seconds)} = ${what}: ${fact.note} (${fact.basis})`;
}

function oneCompute(
  c: Named<ComputeProtection>,
  disruption: Disruption,
): { fact: Fact; line: () => string } {
  switch (disruption) {
    case 'application':
      return {
        fact: COMPUTE_RECOVERY.rollback,
        line: () => line(c, COMPUTE_RECOVERY.rollback, 'roll back'),
      };
    case 'account':
      return {
        fact: COMPUTE_RECOVERY.redeploy,
        line: () => line(c, COMPUTE_RECOVERY.redeploy, 'redeploy into a clean account'),
      };
    case 'az':
      if (c.kind === 'lambda' || c.availabilityZones >= 2) {
        const f: Fact = {
          ...COMPUTE_RECOVERY.activeActive,
          note: 'capacity in the other Availability Zones keeps serving',
        };
        const where =
          c.kind === 'lambda'
            ? 'Lambda runs in several Availability Zones'
            : `spread over ${c.availabilityZones} Availability Zones`;
        return { fact: f, line: () => `${computeLabel(c)}: RTO 0s = ${where}` };
      }
      return {
        fact: COMPUTE_RECOVERY.singleAzRelaunch,
        line: () => line(c, COMPUTE_RECOVERY.singleAzRelaunch, 'single Availability Zone'),
      };
    case 'region': {
      const cap = c.recoveryCapacity;
      if (cap === undefined)
        return {
          fact: COMPUTE_RECOVERY.redeploy,
          line: () => line(c, COMPUTE_RECOVERY.redeploy, 'nothing in the recovery Region'),
        };
      if (cap === 0)
        return {
          fact: COMPUTE_RECOVERY.pilotLight,
          line: () => line(c, COMPUTE_RECOVERY.pilotLight, 'pilot light (0 running)'),
        };
      if (cap < c.primaryCapacity) {
        return {
          fact: COMPUTE_RECOVERY.warmStandby,
          line: () =>
            line(
              c,
              COMPUTE_RECOVERY.warmStandby,
              `warm standby (${cap} of ${c.primaryCapacity} running)`,
            ),
        };
      }
      return {
        fact: COMPUTE_RECOVERY.activeActive,
        line: () => line(c, COMPUTE_RECOVERY.activeActive, `active/active (${cap} running)`),
      };
    }
  }
}

/** Seconds to move traffic to the recovery Region once it can serve, and why. */
export function trafficSwitch(
  failover: FailoverProtection | undefined,
  hasCompute: boolean,
): ComputeRecovery {
  if (!hasCompute) return { rtoSeconds: 0, basis: 'sla', explain: NO_LINES };
  if (!failover) {
    const f = COMPUTE_RECOVERY.manualCutover;
    return {
      rtoSeconds: f.seconds,
      basis: f.basis,
      explain: () => [`traffic: ${fmt(f.seconds)} = manual cut-over: ${f.note} (${f.basis})`],
    };
  }
  const s = dnsFailoverSeconds(
    failover.healthCheckIntervalSeconds,
    failover.failureThreshold,
    failover.ttlSeconds,
  );
  return {
    rtoSeconds: s,
    basis: 'documented-typical',
    explain: () => [
      `traffic: ${fmt(s)} = DNS ${failover.routing} routing: ${failover.healthCheckIntervalSeconds}s health check interval × ` +
        `${failover.failureThreshold} failures + ${failover.ttlSeconds}s TTL`,
    ],
  };
}

/** Worst-case seconds until every compute resource of a service serves again after a disruption. */
export function achieveCompute(
  compute: readonly Named<ComputeProtection>[],
  disruption: Disruption,
): ComputeRecovery {
  if (compute.length === 0) return { rtoSeconds: 0, basis: 'sla', explain: NO_LINES };
  let rtoSeconds = -Infinity;
  let basis: Basis = 'sla';
  for (const c of compute) {
    const { fact } = oneCompute(c, disruption);
    rtoSeconds = Math.max(rtoSeconds, fact.seconds);
    basis = weakestBasis(basis, fact.basis);
  }
  return { rtoSeconds, basis, explain: () => compute.map((c) => oneCompute(c, disruption).line()) };
}
