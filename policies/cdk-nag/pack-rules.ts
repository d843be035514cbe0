import type { RuleMetadata } from '../../lib/rules';

/** Prefix of every rule id the pack reports (`Continuity-RR-OBJ1`), like `AwsSolutions-EC23`. */
export const PACK_NAME = 'Continuity';

/**
 * RR-CDK1: the pack could read its input. Not a continuity rule of the catalogue: it reports a
 * missing or invalid spec, or templates the inventory reader rejects, so nothing passes unchecked.
 */
export const packInputReadable: RuleMetadata = {
  id: 'RR-CDK1',
  name: 'packInputReadable',
  title: 'The continuity spec and the synthesized templates can be read',
  violation:
    'The cdk-nag pack has no valid continuity spec, or cannot read the synthesized templates, so nothing was assessed',
  rationale:
    'An assessment that cannot run must fail the synth; passing would claim objectives nobody checked.',
  fix: "pass `spec` or `specFile` to ContinuityChecks, set the context key 'continuity:spec' in cdk.json to a spec file, or build the app with continuity-kit constructs (they embed the spec)",
  severity: 'error',
  docsUrl: 'https://docs.aws.amazon.com/cdk/v2/guide/context.html',
};

/**
 * RR-CDK2: every acknowledgement of a continuity rule gives a reason. An acknowledgement
 * without one accepts nothing and fails the synth.
 */
export const acknowledgementHasReason: RuleMetadata = {
  id: 'RR-CDK2',
  name: 'acknowledgementHasReason',
  title: 'Every acknowledgement of a continuity rule gives a reason',
  violation: 'A continuity rule is acknowledged without a reason',
  rationale:
    'An accepted risk nobody explained cannot be reviewed; the reason is what every report shows next to the suppressed finding.',
  fix: "acknowledge with a reason: acknowledgeContinuityRule(scope, 'RR-OBJ1', 'why this is accepted')",
  severity: 'error',
  docsUrl: 'https://docs.aws.amazon.com/cdk/v2/guide/policy-validation-synthesis.html',
};

/** Rules only the cdk-nag pack reports, in report order. */
export const packRules: readonly RuleMetadata[] = [packInputReadable, acknowledgementHasReason];

/** `RR-OBJ1` → `Continuity-RR-OBJ1`, the id cdk-nag reports and acknowledgements name. */
export function nagRuleId(ruleId: string): string {
  return `${PACK_NAME}-${ruleId}`;
}
