import { CONTINUITY_NAG_PACK } from '../inventory/read-acknowledgements';
import type { AssessmentContext } from './assessment-context';
import { EXPIRED_SUPPRESSION_ID } from './apply-suppressions';
import type { Finding, ResourceAcknowledgement } from '../model';
import type { RuleMetadata } from '../rules';

/** Rule id of "an acknowledgement of a continuity rule gives no reason". */
export const ACKNOWLEDGEMENT_RULE_ID = 'RR-CDK2';

/**
 * RR-CDK2: every acknowledgement of a continuity rule gives a reason. An acknowledgement without
 * one accepts nothing and fails (the cdk-nag pack reports it on the construct, the engine on the
 * resource whose template metadata holds it).
 */
export const acknowledgementHasReason: RuleMetadata = {
  id: ACKNOWLEDGEMENT_RULE_ID,
  name: 'acknowledgementHasReason',
  title: 'Every acknowledgement of a continuity rule gives a reason',
  violation: 'A continuity rule is acknowledged without a reason',
  rationale:
    'An accepted risk nobody explained cannot be reviewed; the reason is what every report shows next to the suppressed finding.',
  fix: "acknowledge with a reason: acknowledgeContinuityRule(scope, 'RR-OBJ1', 'why this is accepted')",
  severity: 'error',
  docsUrl: 'https://docs.aws.amazon.com/cdk/v2/guide/policy-validation-synthesis.html',
};

/**
 * Marks the findings an acknowledgement in the inventory accepts as `suppressed`, with its reason.
 *
 * An acknowledgement of a rule on a resource accepts the rule's findings located at that resource
 * (`Stack/LogicalId`, or the logical ID when a finding names no stack) and the service-wide
 * findings (located at no resource) of every service the resource belongs to. Acknowledgements
 * without a reason accept nothing (see {@link acknowledgementFindings}); findings already
 * suppressed keep their suppression, and RR-CDK2 and RR-SUP1 findings are never accepted.
 */
export function applyAcknowledgements(
  findings: readonly Finding[],
  context: Pick<AssessmentContext, 'inventory' | 'servicesOfResource'>,
): Finding[] {
  const acks = (context.inventory.acknowledgements ?? []).filter((a) => a.reason !== '');
  if (acks.length === 0) {
    return [...findings];
  }
  const accepts = (a: ResourceAcknowledgement, f: Finding): boolean => {
    if (a.rule.toUpperCase() !== f.rule.toUpperCase()) {
      return false;
    }
    const at = f.resource;
    if (at?.logicalId !== undefined) {
      return at.stack !== undefined
        ? `${at.stack}/${at.logicalId}` === a.resource
        : at.logicalId === a.location.logicalId;
    }
    const service = f.service?.toLowerCase();
    return (
      service !== undefined &&
      (context.servicesOfResource.get(a.resource) ?? []).some((s) => s.toLowerCase() === service)
    );
  };
  return findings.map((f) => {
    if (
      f.suppressed !== undefined ||
      f.rule === ACKNOWLEDGEMENT_RULE_ID ||
      f.rule === EXPIRED_SUPPRESSION_ID
    ) {
      return f;
    }
    const match = acks.find((a) => accepts(a, f));
    return match ? { ...f, suppressed: { reason: match.reason } } : f;
  });
}

/** One {@link ACKNOWLEDGEMENT_RULE_ID} error per acknowledgement in the inventory with no reason. */
export function acknowledgementFindings(context: AssessmentContext): Finding[] {
  return (context.inventory.acknowledgements ?? [])
    .filter((a) => a.reason === '')
    .map((a) => {
      const service = context.servicesOfResource.get(a.resource)?.[0];
      return {
        rule: ACKNOWLEDGEMENT_RULE_ID,
        severity: acknowledgementHasReason.severity,
        status: 'non-compliant',
        ...(service !== undefined ? { service } : {}),
        resource: a.location,
        message: `${CONTINUITY_NAG_PACK}-${a.rule} is acknowledged on '${a.resource}' without a reason, so it accepts nothing`,
        fix: acknowledgementHasReason.fix,
      };
    });
}
