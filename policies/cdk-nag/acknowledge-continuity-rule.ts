import { Validations } from 'aws-cdk-lib';
import { continuityRuleOfNagId } from '../../lib/inventory/read-acknowledgements';
import { allRules } from '../../lib/rules';
import { PACK_NAME, nagRuleId, packRules } from './pack-rules';
import type { IConstruct } from 'constructs';

/** One acknowledgement of a continuity rule found in the construct tree. */
export interface ContinuityAcknowledgement {
  /** Catalogue rule id, e.g. `RR-OBJ1`. */
  readonly ruleId: string;
  /** Construct path the acknowledgement was made on (`''` for the app). */
  readonly path: string;
  /** The reason given, trimmed; empty when none was given. */
  readonly reason: string;
}

function knownRuleIds(): ReadonlySet<string> {
  return new Set([...allRules, ...packRules].map((r) => r.id));
}

/**
 * Acknowledges a continuity rule on a construct and everything under it, with a required reason.
 *
 * Same as `Validations.of(scope).acknowledge({ id: 'Continuity-RR-OBJ1', reason })`, but throws
 * when the reason is empty or the rule id is unknown. The acknowledged findings are not violations;
 * the engine lists them as suppressed with the reason. `ruleId` may be given as `RR-OBJ1` or
 * `Continuity-RR-OBJ1`.
 *
 * @throws Error when `reason` is empty or `ruleId` names no continuity rule
 */
export function acknowledgeContinuityRule(scope: IConstruct, ruleId: string, reason: string): void {
  const bare = ruleId.startsWith(`${PACK_NAME}-`) ? ruleId.slice(PACK_NAME.length + 1) : ruleId;
  const known = knownRuleIds();
  if (!known.has(bare)) {
    throw new Error(
      `ruleId '${ruleId}' is not a continuity rule; use one of ${[...known].join(', ')} (see RULES.md)`,
    );
  }
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new Error(
      `reason ${JSON.stringify(reason)} for acknowledging ${bare} on '${scope.node.path}' is empty; ` +
        'say why the finding is accepted, e.g. "orders is rebuilt from the event log within the RTO"',
    );
  }
  Validations.of(scope).acknowledge({ id: nagRuleId(bare), reason: reason.trim() });
}

/**
 * Every acknowledgement of a continuity rule in the tree under `root`, read from the
 * `aws:cdk:acknowledged-rules` metadata that `Validations.acknowledge` writes.
 */
export function collectAcknowledgements(root: IConstruct): ContinuityAcknowledgement[] {
  const out: ContinuityAcknowledgement[] = [];
  const visit = (c: IConstruct): void => {
    addAcknowledgementsOf(c, out);
    for (const child of c.node.children) {
      visit(child);
    }
  };
  visit(root);
  return out;
}

/**
 * Appends the acknowledgements of continuity rules made on `c` itself (not its children) to
 * `out`, so a walk of the tree done anyway can collect them.
 */
export function addAcknowledgementsOf(c: IConstruct, out: ContinuityAcknowledgement[]): void {
  for (const entry of c.node.metadata) {
    if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !isRecord(entry.data)) {
      continue;
    }
    for (const [id, reason] of Object.entries(entry.data)) {
      // `Annotation::Continuity-RR-OBJ1` as aws-cdk-lib stores it, or the plugin-qualified
      // `Continuity::Continuity-RR-OBJ1` the CDK report suggests
      const ruleId = continuityRuleOfNagId(id);
      if (ruleId !== undefined) {
        const text = typeof reason === 'string' ? reason.trim() : '';
        out.push({ ruleId, path: c.node.path, reason: text });
      }
    }
  }
}

/** True when `path` is `scope` or lies under it (`''` is the app and covers everything). */
export function isUnder(path: string, scope: string): boolean {
  return scope === '' || path === scope || path.startsWith(`${scope}/`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
