import type {
  PolicyConfigSchema,
  PolicyPackArgs,
  ReportViolation,
  StackValidation,
  StackValidationArgs,
  StackValidationPolicy,
} from '@pulumi/policy';

import { assess } from '../../lib/engine';
import { inventoryFromPulumi } from '../../lib/inventory/pulumi';
import type { PulumiResourceRecord } from '../../lib/inventory/pulumi';
import type { Finding, Severity } from '../../lib/model';
import { allRules } from '../../lib/rules';
import { recordsFromPolicyResources, stackOfUrn } from './policy-resource-records';
import { resolvePackSpec } from './resolve-pack-spec';

/** Names of the pack's policies: error findings block, warnings and infos advise. */
export const POLICY_NAMES = {
  mandatory: 'continuity-errors',
  advisory: 'continuity-warnings',
} as const;

/** Configuration each policy accepts (`pulumi preview --policy-pack-config`). */
export interface ContinuityPolicyConfig {
  /**
   * The continuity spec file.
   *
   * @default - `CONTINUITY_SPEC`, else the spec the stack's ContinuityStacks component embeds
   */
  readonly specPath?: string;
  /**
   * Region of resources with no `region` property and no provider Region.
   *
   * @default - the spec's primary Region
   */
  readonly defaultRegion?: string;
  /**
   * Account the stack deploys to; copies to other accounts count for `account` objectives.
   *
   * @default - unknown
   */
  readonly accountId?: string;
}

/** JSON schema of {@link ContinuityPolicyConfig}. */
export const CONFIG_SCHEMA: PolicyConfigSchema = {
  properties: {
    specPath: { type: 'string', description: 'continuity spec file (YAML or JSON)' },
    defaultRegion: { type: 'string', description: 'Region of resources without one' },
    accountId: { type: 'string', description: 'AWS account the stack deploys to' },
  },
};

/** The outcome of checking one stack: its findings, or why it could not be checked. */
export type StackCheck =
  | { readonly findings: readonly Finding[]; readonly records: readonly PulumiResourceRecord[] }
  | { readonly problem: string };

/** Options of {@link checkStack} and {@link validateContinuity}. */
export interface CheckStackOptions {
  /**
   * Date of the check (review, drill and suppression expiry).
   *
   * @default - now
   */
  readonly today?: Date;
}

/**
 * Reads the stack's resources into the neutral inventory and assesses it against the spec with
 * the engine the CLI and the cdk-nag pack use. Suppressed findings are left out.
 */
export function checkStack(args: StackValidationArgs, options: CheckStackOptions = {}): StackCheck {
  const today = options.today ?? new Date();
  const config = args.getConfig<ContinuityPolicyConfig>();
  const records = recordsFromPolicyResources(args.resources);
  const stack = records.map((r) => stackOfUrn(r.urn)).find((s) => s !== undefined) ?? 'stack';
  const first = inventoryFromPulumi(records, {
    stack,
    ...(config.accountId ? { account: config.accountId } : {}),
  });
  const found = resolvePackSpec(config.specPath, first.embeddedSpecs, today);
  if ('problem' in found) {
    return found;
  }
  const inventory = inventoryFromPulumi(records, {
    stack,
    defaultRegion: config.defaultRegion ?? found.spec.regions.primary,
    ...(config.accountId ? { account: config.accountId } : {}),
  });
  const assessment = assess(found.spec, inventory, {
    today,
    ...(config.accountId ? { accountId: config.accountId } : {}),
  });
  const findings = [...assessment.services.flatMap((s) => s.findings), ...assessment.findings];
  return { findings: findings.filter((f) => f.suppressed === undefined), records };
}

const DOCS = new Map(allRules.map((r) => [r.id, r.docsUrl] as const));

/** One finding as a violation message: rule, service and disruption, message, fix, docs. */
export function formatFinding(finding: Finding): string {
  const where = [finding.service, finding.disruption].filter((s) => s !== undefined).join(', ');
  const unknown = finding.status === 'unknown' ? ' (not known until deploy)' : '';
  const docs = DOCS.get(finding.rule);
  return (
    `${finding.rule}${where ? ` [${where}]` : ''}${unknown}: ${finding.message}; fix: ${finding.fix}` +
    (docs ? ` (${docs})` : '')
  );
}

/** The URN of the resource a finding points at, when it is one of the stack's resources. */
function urnOf(finding: Finding, records: readonly PulumiResourceRecord[]): string | undefined {
  const name = finding.resource?.logicalId;
  return name === undefined ? undefined : records.find((r) => r.name === name)?.urn;
}

/**
 * A stack validation reporting the findings of the given severities; the mandatory one also
 * reports a missing or invalid spec, as a stack-level violation.
 */
export function validateContinuity(
  severities: readonly Severity[],
  options: CheckStackOptions = {},
): (args: StackValidationArgs, reportViolation: ReportViolation) => void {
  return (args: StackValidationArgs, reportViolation: ReportViolation): void => {
    const result = checkStack(args, options);
    if ('problem' in result) {
      if (severities.includes('error')) {
        reportViolation(`continuity-kit cannot check this stack: ${result.problem}`);
      }
      return;
    }
    for (const finding of result.findings.filter((f) => severities.includes(f.severity))) {
      const urn = urnOf(finding, result.records);
      if (urn === undefined) {
        reportViolation(formatFinding(finding));
      } else {
        reportViolation(formatFinding(finding), urn);
      }
    }
  };
}

/** Reports error-severity findings (and a missing spec): blocks `pulumi up`. */
export const validateContinuityErrors: StackValidation = (args, report) =>
  validateContinuity(['error'])(args, report);

/** Reports warning- and info-severity findings: shown, never blocking. */
export const validateContinuityWarnings: StackValidation = (args, report) =>
  validateContinuity(['warning', 'info'])(args, report);

function ruleIds(severities: readonly Severity[]): string {
  return allRules
    .filter((r) => severities.includes(r.severity))
    .map((r) => r.id)
    .join(', ');
}

/** The pack's two stack policies, mandatory for errors and advisory for warnings. */
export function continuityPolicies(): StackValidationPolicy[] {
  return [
    {
      name: POLICY_NAMES.mandatory,
      description: `Services meet their declared RTO/RPO and error-level continuity rules hold (${ruleIds(['error'])})`,
      enforcementLevel: 'mandatory',
      configSchema: CONFIG_SCHEMA,
      validateStack: validateContinuityErrors,
    },
    {
      name: POLICY_NAMES.advisory,
      description: `Warning- and info-level continuity rules hold (${ruleIds(['warning', 'info'])})`,
      enforcementLevel: 'advisory',
      configSchema: CONFIG_SCHEMA,
      validateStack: validateContinuityWarnings,
    },
  ];
}

/** Arguments of the continuity-kit policy pack. */
export function continuityPolicyPackArgs(): PolicyPackArgs {
  return {
    description:
      'continuity-kit: achieved RTO/RPO per service and disruption against the continuity spec, with backup, vault and monitoring checks',
    policies: continuityPolicies(),
  };
}
