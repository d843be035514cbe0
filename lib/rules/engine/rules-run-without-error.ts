import { RULE_CRASHED_ID } from '../../engine/run-rules';
import type { ContinuityRule } from '../continuity-rule';

/**
 * RR-ENG1: every rule ran to completion.
 *
 * The engine itself reports this rule when another rule throws; it has no subjects of its own and
 * is listed so its id, severity and text appear in RULES.md and the policy packs.
 */
export const rulesRunWithoutError: ContinuityRule<never> = {
  id: RULE_CRASHED_ID,
  name: 'rulesRunWithoutError',
  title: 'Every rule ran to completion on every resource',
  violation: 'A rule crashed, so what it checks was not assessed',
  rationale:
    'A check that could not run must not count as a pass; the assessment fails closed instead.',
  fix: 'report the crash to continuity-kit with the template; until fixed, suppress RR-ENG1 with a reason',
  severity: 'error',
  docsUrl:
    'https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/rel_planning_for_recovery_disaster_recovery.html',
  subjects: () => [],
  locate: () => ({}),
  check: () => ({ status: 'not-applicable' }),
};
