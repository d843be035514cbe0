import { acknowledgementHasReason as engineAcknowledgementHasReason } from '../../lib/engine/acknowledgements';
import { CONTINUITY_NAG_PACK } from '../../lib/inventory/read-acknowledgements';
import type { RuleMetadata } from '../../lib/rules';

/** Prefix of every rule id the pack reports (`Continuity-RR-OBJ1`), like `AwsSolutions-EC23`. */
export const PACK_NAME = CONTINUITY_NAG_PACK;

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
 * RR-CDK2: every acknowledgement of a continuity rule gives a reason. Defined with the engine,
 * which reports it for acknowledgements read from templates too.
 */
export const acknowledgementHasReason: RuleMetadata = engineAcknowledgementHasReason;

/** Rules only the cdk-nag pack reports, in report order. */
export const packRules: readonly RuleMetadata[] = [packInputReadable, acknowledgementHasReason];

/** `RR-OBJ1` → `Continuity-RR-OBJ1`, the id cdk-nag reports and acknowledgements name. */
export function nagRuleId(ruleId: string): string {
  return `${PACK_NAME}-${ruleId}`;
}
