import type { Disruption } from './disruption';
import type { CheckStatus, ResourceLocation, Severity } from './finding';

/** Result of checking one subject. */
export interface RuleOutcome {
  readonly status: CheckStatus;
  /** What is wrong (for `non-compliant` / `unknown`), with the numbers. */
  readonly message?: string;
  /** How to fix it; defaults to the rule's generic fix. */
  readonly fix?: string;
  readonly disruption?: Disruption;
  /** Overrides the subject's own location (e.g. the store that breaks a service objective). */
  readonly resource?: ResourceLocation;
  readonly service?: string;
}

/**
 * One continuity rule: metadata plus a pure check.
 *
 * `subjects` picks what the rule looks at from the assessment context (indexed once, so no rule
 * scans the whole stack per resource); `check` judges one subject. The cdk-nag pack, the Pulumi
 * pack and the CLI all read the metadata; none restates messages.
 */
export interface Rule<Subject = unknown, Context = unknown> {
  /** Stable id, `RR-<AREA><n>`. */
  readonly id: string;
  /** camelCase name of the compliant state, e.g. `planCopiesCrossRegion`. */
  readonly name: string;
  /** The compliant state, as a sentence. */
  readonly title: string;
  /** What is wrong when it fails. */
  readonly violation: string;
  /** Why it matters. */
  readonly rationale: string;
  /** Generic fix. */
  readonly fix: string;
  readonly severity: Severity;
  readonly docsUrl: string;
  /** Subjects to check. */
  subjects(context: Context): readonly Subject[];
  /** Where a subject is, for findings: asked only of a subject that yields one. */
  locate(
    subject: Subject,
    context: Context,
  ): { readonly resource?: ResourceLocation; readonly service?: string };
  /** Judge one subject; may return several outcomes (e.g. one per disruption). */
  check(subject: Subject, context: Context): RuleOutcome | readonly RuleOutcome[];
}
