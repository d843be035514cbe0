import { buildContext } from '../../../lib/engine';
import { TODAY } from '../engine/builders';
import type { ContextOptions } from '../../../lib/engine';
import type { CheckStatus, ContinuitySpec, Inventory, RuleOutcome } from '../../../lib/model';
import type { ContinuityRule } from '../../../lib/rules';

/** Every outcome of `rule` over its subjects. */
export function outcomes<S>(
  rule: ContinuityRule<S>,
  spec: ContinuitySpec,
  inventory: Inventory,
  options: ContextOptions = {},
): RuleOutcome[] {
  const context = buildContext(spec, inventory, { today: TODAY, ...options });
  return rule.subjects(context).flatMap((subject) => {
    const result = rule.check(subject, context);
    return Array.isArray(result) ? (result as RuleOutcome[]) : [result as RuleOutcome];
  });
}

/**
 * The overall status of `rule`: non-compliant if any outcome is, else unknown if any is, else
 * compliant if any is, else not-applicable (also when there is no subject).
 */
export function statusOf<S>(
  rule: ContinuityRule<S>,
  spec: ContinuitySpec,
  inventory: Inventory,
  options: ContextOptions = {},
): CheckStatus {
  const all = outcomes(rule, spec, inventory, options).map((o) => o.status);
  for (const s of ['non-compliant', 'unknown', 'compliant'] as const) {
    if (all.includes(s)) {
      return s;
    }
  }
  return 'not-applicable';
}
