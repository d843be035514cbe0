import type { AssessmentContext } from './assessment-context';
import type { Finding, ResourceLocation, Rule, RuleOutcome } from '../model';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Where a finding points: the subject's resource or service. */
type Where = { resource?: ResourceLocation; service?: string };

/** Id of the finding reported when a rule throws. */
export const RULE_CRASHED_ID = 'RR-ENG1';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function crashed(rule: Rule<unknown, AssessmentContext>, error: unknown, where: Where): Finding {
  return {
    rule: RULE_CRASHED_ID,
    severity: 'error',
    status: 'unknown',
    ...(where.service !== undefined ? { service: where.service } : {}),
    ...(where.resource !== undefined ? { resource: where.resource } : {}),
    message: `rule ${rule.id} (${rule.name}) crashed, so it was not assessed: ${errorText(error)}`,
    fix: `report the crash of ${rule.id} to continuity-kit with the template; until fixed, suppress ${RULE_CRASHED_ID} with a reason`,
  };
}

/**
 * `text` with its characters in one piece. A message built by concatenation is a tree of pieces
 * in V8; every report flattens it when it writes it, and by then the finding has moved to the old
 * generation, where the flat copy needs fresh memory. Reading a character now flattens it while
 * it is young (about 3 MB less memory at 10,002 resources).
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** The subject's location for a crash report, or none when locating it throws too. */
function locateAfterCrash(
  rule: Rule<unknown, AssessmentContext>,
  subject: unknown,
  context: AssessmentContext,
): Where {
  try {
    return rule.locate(subject, context);
  } catch {
    return {};
  }
}

/** A non-compliant or unknown outcome as a finding. */
function toFinding(
  rule: Rule<unknown, AssessmentContext>,
  outcome: RuleOutcome,
  status: Finding['status'],
  where: Where,
): Finding {
  const service = outcome.service ?? where.service;
  const resource = outcome.resource ?? where.resource;
  // Keys in this order, optional ones only when set (no spreads: one finding per outcome).
  const finding: Partial<Mutable<Finding>> = {
    rule: rule.id,
    severity: rule.severity,
    status,
  };
  if (service !== undefined) finding.service = service;
  if (outcome.disruption !== undefined) finding.disruption = outcome.disruption;
  if (resource !== undefined) finding.resource = resource;
  finding.message = flat(outcome.message ?? rule.violation);
  finding.fix = outcome.fix ?? rule.fix;
  return finding as Finding;
}

/**
 * Runs every rule on every subject it picks and turns non-compliant and unknown outcomes into
 * findings, located by the rule's `locate` (asked only of a subject that yields a finding). A
 * rule that throws, while picking subjects, checking or locating one, yields an error finding
 * {@link RULE_CRASHED_ID} (status `unknown`), never a pass.
 */
export function runRules(
  rules: readonly Rule<unknown, AssessmentContext>[],
  context: AssessmentContext,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    let subjects: readonly unknown[];
    try {
      subjects = rule.subjects(context);
    } catch (error) {
      findings.push(crashed(rule, error, {}));
      continue;
    }
    for (const subject of subjects) {
      // located only when an outcome becomes a finding: most subjects comply
      let where: Where | undefined;
      try {
        const result = rule.check(subject, context);
        const outcomes: readonly RuleOutcome[] = Array.isArray(result)
          ? result
          : [result as RuleOutcome];
        for (const outcome of outcomes) {
          const { status } = outcome;
          if (status === 'non-compliant' || status === 'unknown') {
            if (where === undefined) {
              where = {}; // if locating throws, the crash is reported without a location
              where = rule.locate(subject, context);
            }
            findings.push(toFinding(rule, outcome, status, where));
          }
        }
      } catch (error) {
        findings.push(crashed(rule, error, where ?? locateAfterCrash(rule, subject, context)));
      }
    }
  }
  return findings;
}
