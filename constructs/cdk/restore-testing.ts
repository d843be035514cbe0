import { Duration, Stack } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { TAG_TIER } from '../../lib/model';
import type { StoreKind, TierPlan } from '../../lib/model';
import {
  RESTORE_TESTING_RESOURCE_TYPES,
  restoreTestingName,
  restoreTestingOf,
  restoreTimeAlarmShape,
} from '../../lib/planner';

/** Properties of a {@link RestoreTesting}. */
export interface RestoreTestingProps {
  /** The tier's plan; its `restoreTesting` gives the schedule, windows and restore-time target. */
  readonly plan: TierPlan;
  /** Vaults whose recovery points are tested (the tier's vault in this Region). */
  readonly vaults: readonly backup.IBackupVault[];
  /** Store kinds selected for testing, one restore testing selection each. */
  readonly storeKinds: readonly StoreKind[];
  /**
   * Role AWS Backup assumes to restore, and to delete what it restored.
   *
   * @default - a new role with the AWS managed restore policies
   */
  readonly role?: iam.IRole;
  /**
   * Restore metadata overrides per store kind, e.g. `{ rds: { dbsubnetgroupname: 'private' } }`
   * when the account has no default VPC. Keys are not case sensitive.
   * https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing-inferred-metadata.html
   *
   * @default - AWS Backup infers the metadata (default VPC and subnets for RDS and Aurora)
   */
  readonly restoreMetadataOverrides?: Readonly<
    Partial<Record<StoreKind, Readonly<Record<string, string>>>>
  >;
  /**
   * Topic the restore-time alarm notifies.
   *
   * @default - the alarm has no action
   */
  readonly alarmTopic?: sns.ITopic;
}

/**
 * AWS Backup restore testing for one tier: a restore testing plan (`Resource`) that restores the
 * newest recovery point of the tier's vaults on the planned schedule, one selection per store
 * kind picking resources tagged `continuity:tier=<tier>`, and an alarm when restore jobs keep
 * running longer than the tier's restore-time target.
 *
 * Failed restore jobs, restore tests included, are caught by the `RestoreJobFailed` EventBridge
 * rule of {@link ContinuityMonitoring}. AWS Backup publishes no restore duration metric, so the
 * restore-time alarm watches `NumberOfRestoreJobsRunning`: it fires when at least one restore job
 * has been running through every period of the target. Overlapping restores of several resources
 * can keep it running longer than any single job, so treat it as an early warning.
 */
export class RestoreTesting extends Construct {
  /** The restore testing plan. */
  public readonly restoreTestingPlan: backup.CfnRestoreTestingPlan;
  /** Selections by store kind. */
  public readonly selections: Readonly<
    Partial<Record<StoreKind, backup.CfnRestoreTestingSelection>>
  >;
  /** Role AWS Backup assumes for restore tests. */
  public readonly role: iam.IRole;
  /** Alarm when restores run longer than the restore-time target, if the tier has one. */
  public readonly restoreTimeAlarm?: cloudwatch.Alarm;
  /** Name of the restore testing plan. */
  public readonly restoreTestingPlanName: string;

  public constructor(scope: Construct, id: string, props: RestoreTestingProps) {
    super(scope, id);
    const spec = restoreTestingOf(props.plan);
    if (props.vaults.length === 0) {
      throw new Error(
        `restore testing of tier '${props.plan.tier}' got no vaults; pass the tier's vault in this Region`,
      );
    }
    this.role = props.role ?? this.createRole();
    this.restoreTestingPlanName = restoreTestingName(
      `${Stack.of(this).stackName}_${props.plan.tier}`,
    );
    this.restoreTestingPlan = new backup.CfnRestoreTestingPlan(this, 'Resource', {
      restoreTestingPlanName: this.restoreTestingPlanName,
      scheduleExpression: spec.scheduleExpression,
      startWindowHours: spec.startWindowHours,
      recoveryPointSelection: {
        algorithm: 'LATEST_WITHIN_WINDOW',
        includeVaults: props.vaults.map((v) => v.backupVaultArn),
        recoveryPointTypes: [...spec.recoveryPointTypes],
        selectionWindowDays: spec.selectionWindowDays,
      },
      tags: [{ key: TAG_TIER, value: props.plan.tier }],
    });
    const selections: Partial<Record<StoreKind, backup.CfnRestoreTestingSelection>> = {};
    for (const kind of [...new Set(props.storeKinds)]) {
      const type = RESTORE_TESTING_RESOURCE_TYPES[kind];
      const overrides = props.restoreMetadataOverrides?.[kind];
      const selection = new backup.CfnRestoreTestingSelection(this, `Selection${type}`, {
        restoreTestingPlanName: this.restoreTestingPlanName,
        restoreTestingSelectionName: restoreTestingName(`${props.plan.tier}_${type}`),
        protectedResourceType: type,
        iamRoleArn: this.role.roleArn,
        // The wildcard plus conditions selects every resource of the type carrying the tier tag.
        protectedResourceArns: ['*'],
        protectedResourceConditions: {
          stringEquals: [{ key: `aws:ResourceTag/${TAG_TIER}`, value: props.plan.tier }],
        },
        validationWindowHours: spec.validationWindowHours,
        ...(overrides ? { restoreMetadataOverrides: { ...overrides } } : {}),
      });
      // The selection names the plan by name, not by a reference CloudFormation could follow.
      selection.addResourceDependency(this.restoreTestingPlan);
      selections[kind] = selection;
    }
    this.selections = selections;
    if (spec.maxRestoreMinutes !== undefined) {
      this.restoreTimeAlarm = this.createRestoreTimeAlarm(props.plan.tier, spec.maxRestoreMinutes);
      if (props.alarmTopic)
        this.restoreTimeAlarm.addAlarmAction(new actions.SnsAction(props.alarmTopic));
    }
  }

  private createRestoreTimeAlarm(tier: string, maxRestoreMinutes: number): cloudwatch.Alarm {
    const shape = restoreTimeAlarmShape(maxRestoreMinutes);
    return new cloudwatch.Alarm(this, 'RestoreTimeAlarm', {
      alarmDescription:
        `continuity-kit: restore jobs running longer than the ${maxRestoreMinutes} min restore-time ` +
        `target of tier ${tier}`,
      metric: new cloudwatch.Metric({
        namespace: shape.namespace,
        metricName: shape.metricName,
        statistic: shape.statistic,
        period: Duration.seconds(shape.periodSeconds),
      }),
      threshold: shape.threshold,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: shape.evaluationPeriods,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }

  private createRole(): iam.Role {
    // The AWS managed restore policies cover restore testing, deleting restored resources
    // included. https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing.html
    return new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      description: 'Runs AWS Backup restore tests for continuity-kit',
      managedPolicies: [
        'service-role/AWSBackupServiceRolePolicyForRestores',
        'AWSBackupServiceRolePolicyForS3Restore',
      ].map((name) => iam.ManagedPolicy.fromAwsManagedPolicyName(name)),
    });
  }
}
