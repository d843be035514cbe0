import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

import { STORE_KINDS } from '../../lib/model';
import type { BackupRuleSpec, ResourceKind, StoreKind, TierPlan } from '../../lib/model';
import { managedPolicyArn } from './aws-partition';
import { TIER_CONDITION_KEY } from './tags';
import { TYPE_TOKENS } from './type-tokens';

/**
 * AWS managed policies the backup role needs to back up and restore every supported store kind
 * (S3 has its own pair).
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/security-iam-awsmanpol.html
 */
export const BACKUP_ROLE_MANAGED_POLICIES = {
  backup: 'service-role/AWSBackupServiceRolePolicyForBackup',
  restore: 'service-role/AWSBackupServiceRolePolicyForRestores',
  's3-backup': 'AWSBackupServiceRolePolicyForS3Backup',
  's3-restore': 'AWSBackupServiceRolePolicyForS3Restore',
} as const;

/**
 * ARN pattern of each store kind, restricting a selection to the kinds its rules are planned for
 * (AWS Backup assigns resources matching `Resources` AND every `Conditions` entry).
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html
 */
export const RESOURCE_ARN_PATTERNS: Readonly<Record<StoreKind, string>> = {
  dynamodb: 'arn:aws:dynamodb:*:*:table/*',
  s3: 'arn:aws:s3:::*',
  rds: 'arn:aws:rds:*:*:db:*',
  aurora: 'arn:aws:rds:*:*:cluster:*',
  efs: 'arn:aws:elasticfilesystem:*:*:file-system/*',
  ebs: 'arn:aws:ec2:*:*:volume/*',
};

/** `Resources` of a selection: `*` when the group covers every store kind (or names none). */
export function selectionResources(kinds: readonly ResourceKind[]): string[] {
  const stores = kinds.filter((k): k is StoreKind =>
    (STORE_KINDS as readonly string[]).includes(k),
  );
  if (stores.length === 0 || STORE_KINDS.every((k) => stores.includes(k))) return ['*'];
  return [...new Set(stores.map((k) => RESOURCE_ARN_PATTERNS[k]))];
}

/** Arguments of {@link TierBackup}. */
export interface TierBackupArgs {
  /** The tier's plan: rules, vault settings. */
  readonly tier: TierPlan;
  /** Region the plan runs in; passed as `region` to every regional child. */
  readonly region: string;
  /** Name of the vault recovery points are written to (the tier's primary-region vault). */
  readonly vaultName: pulumi.Input<string>;
  /**
   * ARN of the recovery-region vault that copy actions write to.
   *
   * @default - none; the component throws when a rule plans a copy to the recovery Region
   */
  readonly recoveryVaultArn?: pulumi.Input<string>;
  /**
   * IAM role AWS Backup assumes for the selections.
   *
   * @default - a new role with the AWS Backup managed policies for backup and restore
   */
  readonly roleArn?: pulumi.Input<string>;
  /**
   * Provider for `region`.
   *
   * @default - the provider inherited from the parent
   */
  readonly provider?: aws.Provider;
  /**
   * Tags on the plans.
   *
   * @default - no tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Rules that select the same store kinds share one plan and one selection. */
interface RuleGroup {
  readonly suffix: string;
  readonly storeKinds: readonly ResourceKind[];
  readonly rules: readonly BackupRuleSpec[];
}

/**
 * One AWS Backup plan per tier (one per distinct set of selected store kinds), selecting every
 * resource tagged `continuity:tier=<tier>` with AND conditions, with copy actions to the
 * recovery-region vault.
 *
 * Children: `${name}-role` (+ `${name}-role-<policy>` attachments) unless `roleArn` is given;
 * `${name}-plan` and `${name}-selection` for the group of the plan's first rule;
 * `${name}-plan-<rule>` / `${name}-selection-<rule>` for each further group, named after its
 * first rule.
 */
export class TierBackup extends pulumi.ComponentResource {
  /** The backup role, when created here. */
  public readonly role?: aws.iam.Role;
  /** ARN of the role the selections use. */
  public readonly roleArn: pulumi.Output<string>;
  /** Backup plans, main plan first. */
  public readonly plans: readonly aws.backup.Plan[];
  /** Tag selections, one per plan, in the same order. */
  public readonly selections: readonly aws.backup.Selection[];

  public constructor(name: string, args: TierBackupArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TYPE_TOKENS.tierBackup, name, {}, opts);
    const { tier, region } = args;
    const child = { parent: this, ...(args.provider ? { provider: args.provider } : {}) };

    const copies = tier.rules.filter((r) => r.copyToRecoveryRegion !== undefined);
    if (copies.length > 0 && args.recoveryVaultArn === undefined) {
      throw new Error(
        `tier '${tier.tier}' rules ${copies.map((r) => `'${r.name}'`).join(', ')} copy to the ` +
          'recovery Region, but recoveryVaultArn is undefined; pass the recovery vault ARN',
      );
    }

    if (args.roleArn === undefined) {
      this.role = new aws.iam.Role(
        `${name}-role`,
        {
          description: `AWS Backup role for tier ${tier.tier}`,
          assumeRolePolicy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { Service: 'backup.amazonaws.com' },
                Action: 'sts:AssumeRole',
              },
            ],
          }),
        },
        child,
      );
      for (const [suffix, policy] of Object.entries(BACKUP_ROLE_MANAGED_POLICIES)) {
        new aws.iam.RolePolicyAttachment(
          `${name}-role-${suffix}`,
          { role: this.role.name, policyArn: managedPolicyArn(child, policy) },
          child,
        );
      }
      this.roleArn = this.role.arn;
    } else {
      this.roleArn = pulumi.output(args.roleArn);
    }

    const plans: aws.backup.Plan[] = [];
    const selections: aws.backup.Selection[] = [];
    for (const group of groupRules(tier.rules)) {
      const plan = new aws.backup.Plan(
        `${name}-plan${group.suffix}`,
        {
          region,
          rules: group.rules.map((rule) => renderRule(rule, args.vaultName, args.recoveryVaultArn)),
          tags: { ...args.tags },
        },
        child,
      );
      plans.push(plan);
      selections.push(
        new aws.backup.Selection(
          `${name}-selection${group.suffix}`,
          {
            region,
            planId: plan.id,
            iamRoleArn: this.roleArn,
            resources: selectionResources(group.storeKinds),
            // Conditions (AND), never selectionTags (ListOfTags, OR).
            conditions: [{ stringEquals: [{ key: TIER_CONDITION_KEY, value: tier.tier }] }],
          },
          child,
        ),
      );
    }
    this.plans = plans;
    this.selections = selections;

    this.registerOutputs({
      roleArn: this.roleArn,
      planIds: plans.map((p) => p.id),
      selectionIds: selections.map((s) => s.id),
    });
  }
}

/** Groups rules by the store kinds they select, in plan order (the first rule's group first). */
export function groupRules(rules: readonly BackupRuleSpec[]): readonly RuleGroup[] {
  const groups = new Map<string, { storeKinds: ResourceKind[]; rules: BackupRuleSpec[] }>();
  for (const rule of rules) {
    const kinds = [...rule.storeKinds].sort();
    const key = kinds.join(',');
    const group = groups.get(key) ?? { storeKinds: kinds, rules: [] };
    group.rules.push(rule);
    groups.set(key, group);
  }
  return [...groups.values()].map((g, i) => ({
    suffix: i === 0 ? '' : `-${g.rules[0]?.name ?? i}`,
    storeKinds: g.storeKinds,
    rules: g.rules,
  }));
}

/** Translates one planned rule field by field. */
function renderRule(
  rule: BackupRuleSpec,
  vaultName: pulumi.Input<string>,
  recoveryVaultArn: pulumi.Input<string> | undefined,
): aws.types.input.backup.PlanRule {
  const copy = rule.copyToRecoveryRegion;
  return {
    ruleName: rule.name,
    targetVaultName: vaultName,
    schedule: rule.scheduleExpression,
    startWindow: rule.startWindowMinutes,
    completionWindow: rule.completionWindowMinutes,
    enableContinuousBackup: rule.enableContinuousBackup,
    lifecycle: {
      deleteAfter: rule.deleteAfterDays,
      ...(rule.moveToColdStorageAfterDays !== undefined
        ? { coldStorageAfter: rule.moveToColdStorageAfterDays }
        : {}),
    },
    copyActions:
      copy && recoveryVaultArn !== undefined
        ? [
            {
              destinationVaultArn: recoveryVaultArn,
              lifecycle: { deleteAfter: copy.deleteAfterDays },
            },
          ]
        : [],
  };
}
