import { Validations } from 'aws-cdk-lib';
import type {
  IPolicyValidationContext,
  IPolicyValidationPlugin,
  PolicyValidationPluginReport,
} from 'aws-cdk-lib';
import type { NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** A reason to accept a cdk-nag finding on the constructs it fits. */
export interface NagReason {
  /** Start of the finding id, e.g. `AwsSolutions-IAM5[Resource::`. */
  readonly rulePrefix: string;
  /** Construct paths the reason applies to. */
  readonly pathPattern: RegExp;
  /** Why the finding is accepted; recorded with the acknowledgement. */
  readonly reason: string;
}

/** Findings continuity-kit's own resources raise by design, with the reason each is accepted. */
export const CONTINUITY_NAG_REASONS: readonly NagReason[] = [
  {
    rulePrefix: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/',
    pathPattern: /\/Backup[^/]*\/Role\/Resource$/,
    reason:
      'AWS Backup documents these AWS managed policies for its service role; AWS keeps them current ' +
      'as AWS Backup adds resource types, which a hand-written copy would not',
  },
  {
    rulePrefix: 'AwsSolutions-IAM5[Action::kms:',
    pathPattern: /\/Backup[^/]*\/Role\/DefaultPolicy\/Resource$/,
    reason:
      'the statement is scoped to the one vault key; GenerateDataKey* and ReEncrypt* are the KMS ' +
      'action families AWS Backup needs to write and copy encrypted recovery points',
  },
  {
    rulePrefix: 'AwsSolutions-IAM5[',
    pathPattern: /\/ReplicationRole\/DefaultPolicy\/Resource$/,
    reason:
      'S3 replication reads every object version of the source bucket and writes every replica, so ' +
      'object ARNs end in /*; the statements are scoped to the two buckets (and their keys)',
  },
  {
    rulePrefix:
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSFaultInjectionSimulator',
    pathPattern: /\/FaultInjection\/Role\/Resource$/,
    reason:
      'AWS FIS documents these AWS managed policies for experiment roles, one per action family; AWS ' +
      'keeps them current as FIS actions change, which a hand-written copy would not',
  },
  {
    rulePrefix: 'AwsSolutions-IAM5[Resource::*]',
    pathPattern: /\/FaultInjection\/Role\/DefaultPolicy\/Resource$/,
    reason:
      'the pause-replication drills act on the tables and buckets FIS finds by the service tag when ' +
      'the experiment runs (tag:GetResources), so their ARNs are not known when the role is written',
  },
  {
    rulePrefix: 'AwsSolutions-S1',
    pathPattern: /\/ReplicaBucket\/Resource$/,
    reason:
      'the recovery-Region replica is written only by S3 replication; access to the data is logged ' +
      'on the source bucket, and logging the replica into itself would loop',
  },
];

/**
 * Acknowledges, on the exact constructs and finding ids, the findings of `pack` that a reason in
 * `reasons` covers. Findings no reason covers stay errors.
 *
 * Runs the pack once over `scope` to learn the exact finding ids (IAM5 findings, for example,
 * name the resource ARN they are about), so no finding is accepted by a broad prefix.
 */
export function acknowledgeNagFindings(
  scope: IConstruct,
  pack: NagPack,
  reasons: readonly NagReason[] = CONTINUITY_NAG_REASONS,
): number {
  const report = pack.validateScope(scope);
  const byPath = new Map<string, IConstruct>();
  for (const c of scope.node.findAll()) byPath.set(c.node.path, c);
  let count = 0;
  for (const violation of report.violations) {
    for (const resource of violation.violatingResources) {
      const path = resource.constructPath ?? '';
      const reason = reasons.find(
        (r) => violation.ruleName.startsWith(r.rulePrefix) && r.pathPattern.test(path),
      );
      const construct = byPath.get(path);
      if (reason && construct) {
        Validations.of(construct).acknowledge({ id: violation.ruleName, reason: reason.reason });
        count += 1;
      }
    }
  }
  return count;
}

/**
 * A validation plugin that acknowledges covered findings when validation runs, after CDK has
 * resolved cross-Region references (which appear in finding ids). Register it before the pack:
 * `Validations.of(app).addPlugins(new NagAcknowledgements(new AwsSolutionsChecks()), new AwsSolutionsChecks(app))`.
 */
export class NagAcknowledgements implements IPolicyValidationPlugin {
  /** Plugin name shown in validation reports. */
  public readonly name = 'continuity-kit-nag-acknowledgements';

  public constructor(
    private readonly pack: NagPack,
    private readonly reasons: readonly NagReason[] = CONTINUITY_NAG_REASONS,
  ) {}

  /** Acknowledges the covered findings; never reports a violation itself. */
  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const root = (context as IPolicyValidationContext & { readonly appConstruct?: IConstruct })
      .appConstruct;
    if (!root) {
      throw new Error(
        'the validation context has no construct tree (appConstruct); use aws-cdk-lib >= 2.262 or ' +
          'call acknowledgeNagFindings(app, pack) before synth',
      );
    }
    acknowledgeNagFindings(root, this.pack, this.reasons);
    return { success: true, violations: [] };
  }
}
