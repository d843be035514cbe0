import { CfnResource, Validations } from 'aws-cdk-lib';
import { continuityRuleOfNagId } from '../../lib/inventory/read-acknowledgements';
import { nagRuleId } from './pack-rules';
import type { IAspect } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Key of the CloudFormation resource metadata cdk-nag writes acknowledgements under. */
export const CDK_NAG_METADATA_KEY = 'cdk_nag';

interface NagRuleEntry {
  readonly id: string;
  readonly reason: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Writes the acknowledgements of continuity rules on each CloudFormation resource and its
 * ancestors into the resource's template metadata, in cdk-nag 3's format
 * (`Metadata.cdk_nag.rules_to_suppress: [{ id: 'Continuity-RR-INV3', reason }]`), so
 * `continuity check` on `cdk.out` sees them.
 *
 * Only continuity rules are written, with normalized ids; entries already there (cdk-nag's own
 * aspect, with `writeSuppressionsToCloudFormation: true`) are kept.
 */
export class WriteContinuityAcknowledgements implements IAspect {
  public visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node)) {
      return;
    }
    const seen = new Set<string>();
    const rules: NagRuleEntry[] = [];
    for (let current: IConstruct | undefined = node; current; current = current.node.scope) {
      for (const entry of current.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !isRecord(entry.data)) {
          continue;
        }
        for (const [qualifiedId, reason] of Object.entries(entry.data)) {
          const rule = continuityRuleOfNagId(qualifiedId);
          // the nearest acknowledgement wins, as in cdk-nag's aspect
          if (rule === undefined || seen.has(rule)) {
            continue;
          }
          seen.add(rule);
          rules.push({ id: nagRuleId(rule), reason: typeof reason === 'string' ? reason : '' });
        }
      }
    }
    if (rules.length === 0) {
      return;
    }
    const existing: unknown = node.getMetadata(CDK_NAG_METADATA_KEY);
    const base = isRecord(existing) ? existing : {};
    const prior: unknown[] = Array.isArray(base.rules_to_suppress) ? base.rules_to_suppress : [];
    const written = new Set(
      prior.flatMap((r) => (isRecord(r) && typeof r.id === 'string' ? [r.id] : [])),
    );
    node.addMetadata(CDK_NAG_METADATA_KEY, {
      ...base,
      rules_to_suppress: [...prior, ...rules.filter((r) => !written.has(r.id))],
    });
  }
}
