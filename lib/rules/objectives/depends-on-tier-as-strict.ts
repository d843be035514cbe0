import { declaredObjectives, showSeconds } from '../continuity-rule';
import type { ServiceContext } from '../../engine/assessment-context';
import type { ContinuityRule } from '../continuity-rule';

/** A service and one service it depends on. */
export interface Dependency {
  readonly service: ServiceContext;
  readonly dependency: string;
}

/** RR-OBJ3: a service only depends on services whose tier is at least as strict. */
export const dependsOnTierAsStrict: ContinuityRule<Dependency> = {
  id: 'RR-OBJ3',
  name: 'dependsOnTierAsStrict',
  title: 'A service depends only on services whose tier declares objectives at least as strict',
  violation:
    'A service depends on a service whose tier declares a looser (or no) objective for a disruption',
  rationale:
    'A service is down while what it needs is down: its real objectives are no better than its dependencies\u2019, whatever its own tier says.',
  fix: 'move the dependency to a tier at least as strict, or the dependent service to a looser one',
  severity: 'warning',
  docsUrl:
    'https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_disaster_recovery.html',
  subjects: (context) =>
    context.services.flatMap((service) =>
      service.spec.dependsOn.map((dependency) => ({ service, dependency })),
    ),
  locate: ({ service }) => ({ service: service.spec.name }),
  check: ({ service, dependency }, context) => {
    const dep = context.serviceByName.get(dependency.toLowerCase());
    if (!dep || !service.tier || !dep.tier) {
      // Unknown services and tiers are spec validation errors, reported there.
      return { status: 'not-applicable' };
    }
    const looser = declaredObjectives(service).flatMap(([d, mine]) => {
      const theirs = dep.declared[d];
      if (!theirs) {
        return [
          `${d}: '${dep.spec.name}' (${dep.spec.tier}) declares no objective, '${service.spec.name}' (${service.spec.tier}) needs RTO ${showSeconds(mine.rtoSeconds)} / RPO ${showSeconds(mine.rpoSeconds)}`,
        ];
      }
      if (theirs.rtoSeconds > mine.rtoSeconds || theirs.rpoSeconds > mine.rpoSeconds) {
        return [
          `${d}: '${dep.spec.name}' (${dep.spec.tier}) declares RTO ${showSeconds(theirs.rtoSeconds)} / RPO ${showSeconds(theirs.rpoSeconds)}, looser than RTO ${showSeconds(mine.rtoSeconds)} / RPO ${showSeconds(mine.rpoSeconds)}`,
        ];
      }
      return [];
    });
    return looser.length === 0
      ? { status: 'compliant' }
      : {
          status: 'non-compliant',
          message: `'${service.spec.name}' depends on a looser tier: ${looser.join('; ')}`,
        };
  },
};
