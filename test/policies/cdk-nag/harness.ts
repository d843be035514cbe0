import { ContinuityChecks } from '../../../policies/cdk-nag';
import { parseSpec } from '../../../lib/spec';
import type { ContinuityChecksProps } from '../../../policies/cdk-nag';
import type { ContinuitySpec } from '../../../lib/model';
import type { ContinuitySpecDocument } from '../../../lib/spec';
import type {
  App,
  IPolicyValidationContext,
  PolicyValidationPluginReport,
  PolicyViolation,
} from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';

/** Date every pack test assesses on. */
export const TODAY = new Date('2026-11-21T00:00:00Z');

/** The spec of a document, validated as on {@link TODAY}. */
export function specOf(document: ContinuitySpecDocument): ContinuitySpec {
  return parseSpec(document, { now: TODAY });
}

/** A synthesized app and the validation context aws-cdk-lib would give a plugin. */
export interface Synthesized {
  readonly app: App;
  readonly assembly: CloudAssembly;
  readonly context: IPolicyValidationContext;
}

/** Synthesizes `app` (no plugin registered) and builds the context aws-cdk-lib passes plugins. */
export function synthesize(app: App): Synthesized {
  const assembly = app.synth();
  const stackTemplates = assembly.stacksRecursively.map((s) => ({
    stackConstructPath: s.hierarchicalId,
    templatePath: s.templateFullPath,
    accountId: s.environment.account === 'unknown-account' ? undefined : s.environment.account,
    region: s.environment.region === 'unknown-region' ? undefined : s.environment.region,
  }));
  const context = {
    templatePaths: stackTemplates.map((s) => s.templatePath),
    stackTemplates,
    appConstruct: app,
  } as IPolicyValidationContext;
  return { app, assembly, context };
}

/** Runs a new pack on a synthesized app. */
export function check(
  synthesized: Synthesized,
  props: ContinuityChecksProps = {},
): { readonly pack: ContinuityChecks; readonly report: PolicyValidationPluginReport } {
  const pack = new ContinuityChecks(synthesized.app, { today: TODAY, ...props });
  return { pack, report: pack.validate(synthesized.context) };
}

/** `ruleName severity constructPath` of every violation, for compact assertions. */
export function summary(report: PolicyValidationPluginReport): string[] {
  return report.violations.flatMap((v: PolicyViolation) =>
    v.violatingResources.map((r) => `${v.ruleName} ${v.severity} ${r.constructPath}`),
  );
}

/** Violations of one rule (`Continuity-RR-OBJ1`). */
export function violationsOf(
  report: PolicyValidationPluginReport,
  ruleName: string,
): PolicyViolation[] {
  return report.violations.filter((v) => v.ruleName === ruleName);
}
