import type { ServiceContext } from '../../engine/assessment-context';
import type { RuleOutcome } from '../../model';
import type { ContinuityRule } from '../continuity-rule';

/** RR-INV2: every resource a service declares is found in the templates read. */
export const declaredResourcesFound: ContinuityRule<ServiceContext> = {
  id: 'RR-INV2',
  name: 'declaredResourcesFound',
  title: 'Every resource a service declares is found in the templates read',
  violation:
    'A resource a service declares is not in the templates read, so its protection cannot be assessed',
  rationale:
    'An assessment that silently skips a declared database would report a service as protected on the strength of its other resources.',
  fix: 'pass the template or cdk.out that holds the resource, or correct the logicalId/stack in the spec',
  severity: 'error',
  docsUrl:
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html',
  subjects: (context) => context.services,
  locate: (service) => ({ service: service.spec.name }),
  check: (service) => {
    const outcomes: RuleOutcome[] = service.matched
      .filter((m) => m.ids.length === 0)
      .map((m) => ({
        status: 'unknown',
        message:
          m.ref.logicalId === undefined
            ? `service '${service.spec.name}' declares a ${m.ref.kind} found by tag, but no ${m.ref.kind} is tagged continuity:service: ${service.spec.name}`
            : `service '${service.spec.name}' declares ${m.ref.kind} '${m.ref.logicalId}'${m.ref.stack ? ` in stack '${m.ref.stack}'` : ''}, which no template read contains`,
        resource: {
          ...(m.ref.logicalId !== undefined ? { logicalId: m.ref.logicalId } : {}),
          ...(m.ref.stack !== undefined ? { stack: m.ref.stack } : {}),
        },
      }));
    const members =
      service.stores.length +
      service.standbyStores.length +
      service.computes.length +
      service.standbyComputes.length;
    if (members === 0 && outcomes.length === 0) {
      outcomes.push({
        status: 'unknown',
        message: `no resource of service '${service.spec.name}' was found: none declared and none tagged continuity:service: ${service.spec.name}`,
        fix: `list the service's resources in the spec or tag them 'continuity:service: ${service.spec.name}'`,
      });
    }
    return outcomes.length === 0 ? { status: 'compliant' } : outcomes;
  },
};
