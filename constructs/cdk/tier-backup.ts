import { Duration, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { STORE_KINDS, TAG_TIER } from '../../lib/model';
import type { BackupRuleSpec, ResourceKind, StoreKind, TierPlan } from '../../lib/model';

/** Properties of a {@link TierBackup}. */
export interface TierBackupProps {
  /** The tier's plan: rules, vault settings and restore testing. */
  readonly plan: TierPlan;
  /** Vault in this stack's Region that receives the recovery points. */
  readonly vault: backup.IBackupVault;
  /**
   * Vault in the recovery Region that copy actions write to.
   *
   * @default - none; a plan with copy actions then fails synthesis
   */
  readonly recoveryVault?: backup.IBackupVault;
  /**
   * Role AWS Backup assumes to back up and restore the selected resources.
   *
   * @default - a new role with the AWS managed AWS Backup policies
   */
  readonly role?: iam.IRole;
}

/**
 * AWS Backup plans for one tier, selecting every resource tagged `continuity:tier=<tier>`.
 *
 * Rules that select the same store kinds share one plan (`Resource`); a rule limited to other
 * kinds (e.g. continuous backup, which only some kinds support) gets its own plan so it does not
 * apply to stores it was not planned for. Selections use `Conditions` (AND semantics), not
 * `ListOfTags` (OR semantics), so extra conditions never widen a selection.
 */
export class TierBackup extends Construct {
  /** The plan holding the tier's first rule group. */
  public readonly backupPlan: backup.BackupPlan;
  /** Every plan created, the main one first. */
  public readonly backupPlans: readonly backup.BackupPlan[];
  /** One selection per plan. */
  public readonly selections: readonly backup.CfnBackupSelection[];
  /** Role AWS Backup assumes for this tier's jobs. */
  public readonly role: iam.IRole;

  public constructor(scope: Construct, id: string, props: TierBackupProps) {
    super(scope, id);
    const { plan } = props;
    if (plan.rules.length === 0) {
      throw new Error(
        `tier plan '${plan.tier}' has no backup rules; the planner must give at least one`,
      );
    }
    this.role = props.role ?? this.createRole();
    const plans: backup.BackupPlan[] = [];
    const selections: backup.CfnBackupSelection[] = [];
    groupByKinds(plan.rules).forEach((rules, index) => {
      const planId = index === 0 ? 'Resource' : `Plan${index + 1}`;
      const created = new backup.BackupPlan(this, planId, {
        backupPlanName: `${Stack.of(this).stackName}-${plan.tier}${index === 0 ? '' : `-${index + 1}`}`,
        backupVault: props.vault,
        backupPlanRules: rules.map((rule) => renderRule(this, rule, props.recoveryVault)),
      });
      plans.push(created);
      selections.push(
        new backup.CfnBackupSelection(created, 'Selection', {
          backupPlanId: created.backupPlanId,
          backupSelection: {
            selectionName: `${plan.tier}-tagged`,
            iamRoleArn: this.role.roleArn,
            resources: resourcePatterns(rules[0]?.storeKinds ?? []),
            conditions: {
              StringEquals: [
                { ConditionKey: `aws:ResourceTag/${TAG_TIER}`, ConditionValue: plan.tier },
              ],
            },
          },
        }),
      );
    });
    this.backupPlans = plans;
    this.backupPlan = plans[0] as backup.BackupPlan;
    this.selections = selections;
  }

  private createRole(): iam.Role {
    // The AWS managed policies are the ones AWS Backup documents for its service role; S3 needs
    // its own pair. https://docs.aws.amazon.com/aws-backup/latest/devguide/iam-service-roles.html
    return new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      description: 'Runs AWS Backup jobs for continuity-kit tier backups',
      managedPolicies: [
        'service-role/AWSBackupServiceRolePolicyForBackup',
        'service-role/AWSBackupServiceRolePolicyForRestores',
        'AWSBackupServiceRolePolicyForS3Backup',
        'AWSBackupServiceRolePolicyForS3Restore',
      ].map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
    });
  }
}

function renderRule(
  scope: Construct,
  rule: BackupRuleSpec,
  recoveryVault: backup.IBackupVault | undefined,
): backup.BackupPlanRule {
  let copyActions: backup.BackupPlanCopyActionProps[] | undefined;
  if (rule.copyToRecoveryRegion) {
    if (!recoveryVault) {
      throw new Error(
        `rule '${rule.name}' of ${scope.node.path} copies to the recovery Region, but no ` +
          'recoveryVault was given; pass the recovery-Region vault',
      );
    }
    copyActions = [
      {
        destinationBackupVault: recoveryVault,
        deleteAfter: Duration.days(rule.copyToRecoveryRegion.deleteAfterDays),
      },
    ];
  }
  return new backup.BackupPlanRule({
    ruleName: rule.name,
    scheduleExpression: events.Schedule.expression(rule.scheduleExpression),
    startWindow: Duration.minutes(rule.startWindowMinutes),
    completionWindow: Duration.minutes(rule.completionWindowMinutes),
    deleteAfter: Duration.days(rule.deleteAfterDays),
    moveToColdStorageAfter:
      rule.moveToColdStorageAfterDays === undefined
        ? undefined
        : Duration.days(rule.moveToColdStorageAfterDays),
    enableContinuousBackup: rule.enableContinuousBackup,
    copyActions,
  });
}

/** Groups rules by the exact set of store kinds they select, keeping plan order. */
function groupByKinds(rules: readonly BackupRuleSpec[]): BackupRuleSpec[][] {
  const groups = new Map<string, BackupRuleSpec[]>();
  for (const rule of rules) {
    const key = storeKindsOf(rule.storeKinds).sort().join(',');
    const group = groups.get(key) ?? [];
    group.push(rule);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function storeKindsOf(kinds: readonly ResourceKind[]): StoreKind[] {
  return kinds.filter((k): k is StoreKind => (STORE_KINDS as readonly string[]).includes(k));
}

/**
 * ARN patterns per store kind, so a rule group only selects the kinds it was planned for.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html
 */
const ARN_PATTERNS: Readonly<Record<StoreKind, readonly string[]>> = {
  dynamodb: ['arn:aws:dynamodb:*:*:table/*'],
  s3: ['arn:aws:s3:::*'],
  rds: ['arn:aws:rds:*:*:db:*'],
  aurora: ['arn:aws:rds:*:*:cluster:*'],
  efs: ['arn:aws:elasticfilesystem:*:*:file-system/*'],
  ebs: ['arn:aws:ec2:*:*:volume/*'],
};

function resourcePatterns(kinds: readonly ResourceKind[]): string[] {
  const stores = storeKindsOf(kinds);
  if (stores.length === 0 || STORE_KINDS.every((k) => stores.includes(k))) {
    return ['*'];
  }
  return [...new Set(stores.flatMap((k) => ARN_PATTERNS[k]))];
}
