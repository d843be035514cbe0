import type { ResourceAcknowledgement, ResourceId } from '../model/inventory';
import type { ResourceLocation } from '../model/finding';
import { isRecord } from './raw';

/** Name of the cdk-nag pack: its rule ids read `Continuity-RR-OBJ1`. */
export const CONTINUITY_NAG_PACK = 'Continuity';

// `Continuity-RR-OBJ1`, as cdk-nag writes it; `Annotation::Continuity-RR-OBJ1` as aws-cdk-lib
// stores an acknowledgement; `Continuity::Continuity-RR-OBJ1`, the plugin-qualified id the CDK
// validation report suggests.
const NAG_ID = new RegExp(
  `^(?:(?:annotation|${CONTINUITY_NAG_PACK})::)?${CONTINUITY_NAG_PACK}-(RR-[A-Z]+\\d+)$`,
  'i',
);

/**
 * The catalogue rule id a cdk-nag rule id names (`Continuity-RR-INV3` → `RR-INV3`), or
 * `undefined` for another pack's rule.
 */
export function continuityRuleOfNagId(id: string): string | undefined {
  return NAG_ID.exec(id)?.[1].toUpperCase();
}

/**
 * Continuity acknowledgements in a resource's CloudFormation `Metadata`: the entries of
 * `cdk_nag.rules_to_suppress` whose id is a continuity rule (`Continuity-RR-…`); other packs'
 * entries are left out. A missing or non-string reason reads as empty.
 */
export function readAcknowledgements(
  metadata: unknown,
  resource: ResourceId,
  location: ResourceLocation & { readonly stack: string; readonly logicalId: string },
): ResourceAcknowledgement[] {
  const nag = isRecord(metadata) ? metadata.cdk_nag : undefined;
  const rules = isRecord(nag) ? nag.rules_to_suppress : undefined;
  if (!Array.isArray(rules)) {
    return [];
  }
  const out: ResourceAcknowledgement[] = [];
  for (const entry of rules) {
    if (!isRecord(entry) || typeof entry.id !== 'string') {
      continue;
    }
    const rule = continuityRuleOfNagId(entry.id);
    if (rule === undefined) {
      continue;
    }
    const reason = typeof entry.reason === 'string' ? entry.reason.trim() : '';
    out.push({ rule, resource, location, reason });
  }
  return out;
}
