import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

import type { StoreKind, TierPlan } from '../../lib/model';
import {
  RESTORE_TESTING_RESOURCE_TYPES,
  restoreTestingName,
  restoreTestingOf,
  restoreTimeAlarmShape,
} from '../../lib/planner';
import { managedPolicyArn } from './aws-partition';
import type { Skip } from './standby';
import { TIER_CONDITION_KEY } from './tags';
import { BACKUP_ROLE_MANAGED_POLICIES } from './tier-backup';
import { TYPE_TOKENS } from './type-tokens';

/** Arguments of {@link RestoreTesting}. */
export interface RestoreTestingArgs {
  /** The tier's plan; its `restoreTesting` gives the schedule, windows and restore-time target. */
  readonly plan: TierPlan;
  /** Region the restore tests run in; passed as `region` to every regional child. */
  readonly region: string;
  /** ARNs of the vaults whose recovery points are tested (the tier's vault in `region`). */
  readonly vaultArns: readonly pulumi.Input<string>[];
  /** Store kinds selected for testing, one restore testing selection each. */
  readonly storeKinds: readonly StoreKind[];
  /**
   * Role AWS Backup assumes to restore, and to delete what it restored.
   *
   * @default - a new role with the AWS managed restore policies
   */
  readonly roleArn?: pulumi.Input<string>;
  /**
   * Restore metadata overrides per store kind, e.g. `{ rds: { dbsubnetgroupname: 'private' } }`.
   * https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing-inferred-metadata.html
   *
   * @default - AWS Backup infers the metadata (default VPC and subnets for RDS and Aurora)
   */
  readonly restoreMetadataOverrides?: Readonly<
    Partial<Record<StoreKind, Readonly<Record<string, string>>>>
  >;
  /**
   * The restore-time alarm: the topic it notifies, or `{ skip: true }` to leave it out (as when
   * monitoring is skipped).
   *
   * @default - an alarm with no action, when the tier has a restore-time target
   */
  readonly restoreTimeAlarm?: { readonly topicArn?: pulumi.Input<string> } | Skip;
  /**
   * Provider for `region`.
   *
   * @default - the provider inherited from the parent
   */
  readonly provider?: aws.Provider;
}

/**
 * AWS Backup restore testing for one tier: a restore testing plan restoring the newest recovery
 * point of the tier's vaults on the planned schedule, one selection per store kind picking
 * resources tagged `continuity:tier=<tier>`, and an alarm when restore jobs keep running through
 * the tier's restore-time target (`AWS/Backup` `NumberOfRestoreJobsRunning`; AWS Backup
 * publishes no restore duration). Failed restores are caught by the `restore-job-failed` event
 * rule of {@link ContinuityMonitoring}.
 *
 * Children: `${name}-role` (+ `${name}-role-restore`, `${name}-role-s3-restore`) unless `roleArn`
 * is given; `${name}-plan`; `${name}-<kind>` per store kind; `${name}-restore-time` when the tier
 * has a restore-time target and the alarm is not skipped.
 */
export class RestoreTesting extends pulumi.ComponentResource {
  /** The restore testing plan. */
  public readonly restoreTestingPlan: aws.backup.RestoreTestingPlan;
  /** Selections by store kind. */
  public readonly selections: Readonly<
    Partial<Record<StoreKind, aws.backup.RestoreTestingSelection>>
  >;
  /** ARN of the role the selections use. */
  public readonly roleArn: pulumi.Output<string>;
  /** Alarm when restores run longer than the restore-time target, if the tier has one. */
  public readonly restoreTimeAlarm?: aws.cloudwatch.MetricAlarm;

  public constructor(
    name: string,
    args: RestoreTestingArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(TYPE_TOKENS.restoreTesting, name, {}, opts);
    const { plan, region } = args;
    const spec = restoreTestingOf(plan);
    if (args.vaultArns.length === 0) {
      throw new Error(
        `restore testing '${name}' of tier '${plan.tier}' got no vaultArns; pass the tier's vault ARN in ${region}`,
      );
    }
    const child = { parent: this, ...(args.provider ? { provider: args.provider } : {}) };
    this.roleArn =
      args.roleArn === undefined ? this.createRole(name, child) : pulumi.output(args.roleArn);

    const planName = restoreTestingName(`${pulumi.getStack()}_${name}`);
    this.restoreTestingPlan = new aws.backup.RestoreTestingPlan(
      `${name}-plan`,
      {
        region,
        name: planName,
        scheduleExpression: spec.scheduleExpression,
        startWindowHours: spec.startWindowHours,
        recoveryPointSelection: {
          algorithm: 'LATEST_WITHIN_WINDOW',
          includeVaults: [...args.vaultArns],
          recoveryPointTypes: [...spec.recoveryPointTypes],
          selectionWindowDays: spec.selectionWindowDays,
        },
        tags: { 'continuity:tier': plan.tier },
      },
      child,
    );
    const selections: Partial<Record<StoreKind, aws.backup.RestoreTestingSelection>> = {};
    for (const kind of [...new Set(args.storeKinds)]) {
      const type = RESTORE_TESTING_RESOURCE_TYPES[kind];
      const overrides = args.restoreMetadataOverrides?.[kind];
      selections[kind] = new aws.backup.RestoreTestingSelection(
        `${name}-${kind}`,
        {
          region,
          name: restoreTestingName(`${plan.tier}_${type}`),
          restoreTestingPlanName: this.restoreTestingPlan.name,
          protectedResourceType: type,
          iamRoleArn: this.roleArn,
          // The wildcard plus conditions selects every resource of the type carrying the tier tag.
          protectedResourceArns: ['*'],
          protectedResourceConditions: {
            stringEquals: [{ key: TIER_CONDITION_KEY, value: plan.tier }],
          },
          validationWindowHours: spec.validationWindowHours,
          ...(overrides ? { restoreMetadataOverrides: { ...overrides } } : {}),
        },
        child,
      );
    }
    this.selections = selections;

    const alarmArgs = args.restoreTimeAlarm ?? {};
    if (spec.maxRestoreMinutes !== undefined && !('skip' in alarmArgs)) {
      const shape = restoreTimeAlarmShape(spec.maxRestoreMinutes);
      this.restoreTimeAlarm = new aws.cloudwatch.MetricAlarm(
        `${name}-restore-time`,
        {
          region,
          alarmDescription:
            `continuity-kit: restore jobs running longer than the ${spec.maxRestoreMinutes} min ` +
            `restore-time target of tier ${plan.tier}`,
          namespace: shape.namespace,
          metricName: shape.metricName,
          statistic: shape.statistic,
          period: shape.periodSeconds,
          evaluationPeriods: shape.evaluationPeriods,
          threshold: shape.threshold,
          comparisonOperator: 'GreaterThanOrEqualToThreshold',
          treatMissingData: 'notBreaching',
          ...(alarmArgs.topicArn ? { alarmActions: [alarmArgs.topicArn] } : {}),
          tags: { 'continuity:tier': plan.tier },
        },
        child,
      );
    }
    this.registerOutputs({ restoreTestingPlanName: this.restoreTestingPlan.name });
  }

  private createRole(name: string, child: pulumi.CustomResourceOptions): pulumi.Output<string> {
    const role = new aws.iam.Role(
      `${name}-role`,
      {
        description: 'Runs AWS Backup restore tests for continuity-kit',
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
    // The AWS managed restore policies cover restore testing, deleting restored resources included.
    for (const suffix of ['restore', 's3-restore'] as const) {
      new aws.iam.RolePolicyAttachment(
        `${name}-role-${suffix}`,
        {
          role: role.name,
          policyArn: managedPolicyArn(child, BACKUP_ROLE_MANAGED_POLICIES[suffix]),
        },
        child,
      );
    }
    return role.arn;
  }
}
