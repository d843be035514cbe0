import { meets } from '../../engine/verdict';
import { achieveStore } from '../../objectives';
import { declaredObjectives, locationOf, showSeconds } from '../continuity-rule';
import type { ServiceContext } from '../../engine/assessment-context';
import type { Disruption, Objective, RuleOutcome } from '../../model';
import type { ContinuityRule } from '../continuity-rule';

const FIX_BY_DISRUPTION: Readonly<Record<Disruption, string>> = {
  application:
    'enable point-in-time recovery (DynamoDB PITR, RDS/Aurora automated backups, AWS Backup continuous backup for S3) or back up more often',
  az: 'enable Multi-AZ on databases and run compute in at least two Availability Zones',
  region:
    'replicate stores to the recovery Region (global table, Aurora global database, S3 replication with RTC, EFS replication) or add a copy action to a vault there, and keep standby capacity there',
  account:
    'copy recovery points to a vault in another account or lock the vault in compliance mode',
};

function objectiveText(o: { rtoSeconds: number | null; rpoSeconds: number | null }): string {
  return `RTO ${showSeconds(o.rtoSeconds)} / RPO ${showSeconds(o.rpoSeconds)}`;
}

function judge(
  service: ServiceContext,
  d: Disruption,
  declared: Objective,
  recoveryRegion: string,
): readonly RuleOutcome[] {
  const achieved = service.achieved[d];
  if (meets(achieved, declared)) {
    return [{ status: 'compliant', disruption: d }];
  }
  const explanation = achieved.explanation; // written on each read: read once
  const head =
    `${d}: declared ${objectiveText(declared)} vs achieved ${objectiveText(achieved)} (${achieved.basis})` +
    (explanation.length > 0 ? `: ${explanation.join('; ')}` : '');
  const unknown = service.unknowns.length > 0;
  const message = unknown
    ? `${head}; not counted because known only at deploy time: ${service.unknowns.join('; ')}`
    : head;
  const fix = `${FIX_BY_DISRUPTION[d]}, or declare a looser tier than '${service.spec.tier}'`;
  const status = unknown ? 'unknown' : 'non-compliant';
  // Point at each store that on its own misses the objective; else at the service.
  const culprits = service.stores.filter((s) => {
    const p = service.storeProtection.get(s.id);
    return p !== undefined && !meets(achieveStore(p, d, recoveryRegion), declared);
  });
  if (culprits.length === 0) {
    return [{ status, disruption: d, message, fix }];
  }
  return culprits.map((s) => ({
    status,
    disruption: d,
    message,
    fix,
    resource: locationOf(s, s.type),
  }));
}

/** RR-OBJ1: every declared objective of a service is met by what its resources achieve. */
export const serviceMeetsObjectives: ContinuityRule<ServiceContext> = {
  id: 'RR-OBJ1',
  name: 'serviceMeetsObjectives',
  title: 'Each service achieves the RTO and RPO its tier declares for every disruption',
  violation:
    'The achieved RTO or RPO of a service is worse than its tier declares for a disruption',
  rationale:
    'A tier is a promise to the business; an objective the resources cannot reach means a longer outage or more lost data than agreed when that disruption happens.',
  fix: 'add the mechanism the disruption needs (point-in-time recovery, Multi-AZ, cross-Region replication or copies, locked or cross-account vaults) or declare a looser tier',
  severity: 'error',
  docsUrl:
    'https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_disaster_recovery.html',
  subjects: (context) => context.services,
  locate: (service) => ({ service: service.spec.name }),
  check: (service, context) => {
    if (!service.tier) {
      return {
        status: 'unknown',
        message: `service '${service.spec.name}' names tier '${service.spec.tier}', which the spec does not define`,
        fix: 'name a built-in tier (platinum, gold, silver, bronze) or define the tier under tiers',
      };
    }
    const declared = declaredObjectives(service);
    if (declared.length === 0) {
      return { status: 'not-applicable' };
    }
    return declared.flatMap(([d, o]) => judge(service, d, o, context.spec.regions.recovery));
  },
};
