import { BACKUP_RESOURCE_TYPES } from '../facts/backup-resource-types';
import type {
  AlarmSignal,
  AlarmSpec,
  BackupRuleSpec,
  ComputePlan,
  Disruption,
  FaultInjectionSpec,
  RecoveryTier,
  RegionPair,
  RestoreTestingSpec,
  StoreKind,
  StorePlan,
  Strategy,
  TierPlan,
} from '../model';
import { ALARM_SIGNALS } from '../model';

/**
 * Restore-test schedules from the most to the least frequent, each with its worst-case gap in
 * days. AWS Backup restore testing takes a cron expression
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/restore-testing.html); a month is
 * counted as 31 days so a cadence is never looser than the tier asks.
 */
const RESTORE_TEST_SCHEDULES = [
  { intervalDays: 1, scheduleExpression: 'cron(0 5 ? * * *)' },
  { intervalDays: 7, scheduleExpression: 'cron(0 5 ? * SUN *)' },
  { intervalDays: 31, scheduleExpression: 'cron(0 5 1 * ? *)' },
  { intervalDays: 92, scheduleExpression: 'cron(0 5 1 1/3 ? *)' },
  { intervalDays: 184, scheduleExpression: 'cron(0 5 1 1/6 ? *)' },
  { intervalDays: 366, scheduleExpression: 'cron(0 5 1 1 ? *)' },
] as const;

/** Hours a restore test may wait to start: the AWS default of a day. */
const START_WINDOW_HOURS = 24;
/** Hours a restored resource is kept for validation before AWS Backup deletes it. */
const VALIDATION_WINDOW_HOURS = 1;
/** Test the newest recovery point of the last week (daily rules always have one). */
const SELECTION_WINDOW_DAYS = 7;

/**
 * The least frequent cron schedule whose worst-case gap is at most `everyDays` (daily when even
 * that is too loose).
 */
export function restoreTestSchedule(everyDays: number): {
  scheduleExpression: string;
  intervalDays: number;
} {
  const fitting = RESTORE_TEST_SCHEDULES.filter((s) => s.intervalDays <= everyDays);
  const chosen = fitting[fitting.length - 1] ?? RESTORE_TEST_SCHEDULES[0];
  return { scheduleExpression: chosen.scheduleExpression, intervalDays: chosen.intervalDays };
}

/** The tier's restore-time target in minutes: its `application` RTO, else its smallest RTO. */
export function maxRestoreMinutesOf(tier: RecoveryTier): number | undefined {
  const rtos = Object.values(tier.objectives).map((o) => o.rtoSeconds);
  const seconds =
    tier.objectives.application?.rtoSeconds ?? (rtos.length ? Math.min(...rtos) : undefined);
  return seconds === undefined ? undefined : Math.max(1, Math.ceil(seconds / 60));
}

/**
 * Restore testing for a tier: a schedule at least as frequent as `drillEveryDays`, the newest
 * recovery point of the last week (continuous ones too when a rule keeps them), restored
 * resources kept an hour for validation, and the `application` RTO as the restore-time target.
 */
export function planRestoreTesting(
  tier: RecoveryTier,
  rules: readonly BackupRuleSpec[],
): RestoreTestingSpec {
  const minRetention = Math.min(...rules.map((r) => r.deleteAfterDays), SELECTION_WINDOW_DAYS);
  const maxRestoreMinutes = maxRestoreMinutesOf(tier);
  return {
    ...restoreTestSchedule(tier.drillEveryDays),
    startWindowHours: START_WINDOW_HOURS,
    selectionWindowDays: Math.max(1, minRetention),
    recoveryPointTypes: rules.some((r) => r.enableContinuousBackup)
      ? ['SNAPSHOT', 'CONTINUOUS']
      : ['SNAPSHOT'],
    validationWindowHours: VALIDATION_WINDOW_HOURS,
    ...(maxRestoreMinutes === undefined ? {} : { maxRestoreMinutes }),
  };
}

/** A tier plan's restore testing: as planned, else derived from `restoreTestEveryDays` alone. */
export function restoreTestingOf(plan: TierPlan): RestoreTestingSpec {
  if (plan.restoreTesting) return plan.restoreTesting;
  return {
    ...restoreTestSchedule(plan.restoreTestEveryDays),
    startWindowHours: START_WINDOW_HOURS,
    selectionWindowDays: SELECTION_WINDOW_DAYS,
    recoveryPointTypes: plan.rules.some((r) => r.enableContinuousBackup)
      ? ['SNAPSHOT', 'CONTINUOUS']
      : ['SNAPSHOT'],
    validationWindowHours: VALIDATION_WINDOW_HOURS,
  };
}

/** How an AWS FIS action picks its targets and which parameters it takes. */
export interface FisActionTarget {
  /** Key of the target in the action's `targets` map (fixed per action by AWS FIS). */
  readonly key: string;
  /** FIS resource type, e.g. `aws:ec2:subnet`. */
  readonly resourceType: string;
  /** How the target is narrowed to the drilled Availability Zone, if at all. */
  readonly zonal?: 'subnet-parameter' | 'instance-filter';
}

/**
 * Targets of the FIS actions continuity-kit plans, from the AWS FIS actions reference
 * (https://docs.aws.amazon.com/fis/latest/userguide/fis-actions-reference.html) and target
 * resource types (https://docs.aws.amazon.com/fis/latest/userguide/action-sequence.html).
 */
export const FIS_ACTION_TARGETS: Readonly<Record<string, FisActionTarget>> = {
  'aws:network:disrupt-connectivity': {
    key: 'Subnets',
    resourceType: 'aws:ec2:subnet',
    zonal: 'subnet-parameter',
  },
  'aws:ec2:stop-instances': {
    key: 'Instances',
    resourceType: 'aws:ec2:instance',
    zonal: 'instance-filter',
  },
  'aws:rds:reboot-db-instances': { key: 'DBInstances', resourceType: 'aws:rds:db' },
  'aws:rds:failover-db-cluster': { key: 'Clusters', resourceType: 'aws:rds:cluster' },
  'aws:network:route-table-disrupt-cross-region-connectivity': {
    key: 'Subnets',
    resourceType: 'aws:ec2:subnet',
  },
  'aws:dynamodb:global-table-pause-replication': {
    key: 'Tables',
    resourceType: 'aws:dynamodb:global-table',
  },
  'aws:s3:bucket-pause-replication': { key: 'Buckets', resourceType: 'aws:s3:bucket' },
};

/** The target of a planned action; throws for an action continuity-kit does not know. */
export function fisActionTarget(action: string): FisActionTarget {
  const target = FIS_ACTION_TARGETS[action];
  if (!target) {
    throw new Error(
      `fault injection action '${action}' has no known target; use one of ${Object.keys(FIS_ACTION_TARGETS).join(', ')}`,
    );
  }
  return target;
}

/** `PT30M` for 30 minutes: FIS takes ISO 8601 durations. */
export function isoMinutes(minutes: number): string {
  return `PT${minutes}M`;
}

/**
 * Parameters of a planned FIS action: the duration (as `startInstancesAfterDuration` for stopped
 * instances), `scope: all` for subnet disruption, the recovery Region for cross-Region actions,
 * and a forced Multi-AZ failover for RDS reboots. Failovers take no duration.
 */
export function fisActionParameters(
  spec: FaultInjectionSpec,
  regions: RegionPair,
): Record<string, string> {
  const duration = isoMinutes(spec.durationMinutes);
  switch (spec.action) {
    case 'aws:network:disrupt-connectivity':
      return { duration, scope: 'all' };
    case 'aws:ec2:stop-instances':
      return { startInstancesAfterDuration: duration };
    case 'aws:rds:reboot-db-instances':
      return { forceFailover: 'true' };
    case 'aws:rds:failover-db-cluster':
      return {};
    case 'aws:network:route-table-disrupt-cross-region-connectivity':
    case 'aws:s3:bucket-pause-replication':
      return { duration, region: regions.recovery };
    default:
      return { duration };
  }
}

/**
 * The Availability Zone a drill takes out: the primary Region's `a` zone, which every Region has.
 * Renderers let users pick another.
 */
export function drillAvailabilityZone(regions: RegionPair): string {
  return `${regions.primary}a`;
}

/** Signals of an AWS Backup job failing: they say nothing about the service being hurt. */
const JOB_SIGNALS: readonly AlarmSignal[] = [
  'backup-job-failed',
  'copy-job-failed',
  'restore-job-failed',
];

/** Signals that show the service is hurt (all but a job failing), usable as stop conditions. */
const IMPACT_SIGNALS: ReadonlySet<AlarmSignal> = new Set(
  ALARM_SIGNALS.filter((signal) => !JOB_SIGNALS.includes(signal)),
);

/** Signals a drill action trips by design; stopping on them would end the drill at once. */
const TRIPPED_BY: Readonly<Record<string, readonly AlarmSignal[]>> = {
  'aws:dynamodb:global-table-pause-replication': ['dynamodb-replication-latency'],
  'aws:s3:bucket-pause-replication': ['s3-replication-latency', 's3-replication-failed'],
};

/** Minutes of the AZ drill: the default of the AWS FIS AZ Availability: Power Interruption scenario. */
const AZ_DRILL_MINUTES = 30;
/** Minutes of cross-Region isolation. */
const REGION_ISOLATION_MINUTES = 60;
/** Minutes replication stays paused. */
const REPLICATION_PAUSE_MINUTES = 30;

/**
 * AWS FIS drills for a service, per disruption its tier covers.
 *
 * `az` follows the AWS FIS "AZ Availability: Power Interruption" scenario
 * (https://docs.aws.amazon.com/fis/latest/userguide/az-availability-scenario.html) for what the
 * service has: subnet connectivity loss in one zone (`aws:network:disrupt-connectivity`), stopped
 * instances of Auto Scaling groups (`aws:ec2:stop-instances`), and failover of Multi-AZ RDS
 * (`aws:rds:reboot-db-instances` with forced failover) and Aurora (`aws:rds:failover-db-cluster`).
 * `region` isolates the primary Region's subnets from the recovery Region
 * (`aws:network:route-table-disrupt-cross-region-connectivity`) and pauses DynamoDB global table
 * and S3 replication, like the "Cross-Region: Connectivity" scenario; it is planned only when the
 * strategy keeps something running in the recovery Region (backup and restore has nothing to fail
 * over to, and is drilled by restore tests). `application` and `account` are drilled by restore
 * tests. Each drill stops on the service's impact alarms except those it trips by design.
 *
 * A drill with no such alarm is not planned: an experiment nothing can stop keeps hurting the
 * service after users feel it. Impact alarms come from replication lag, Route 53 health checks
 * and compute health (Auto Scaling in-service instances, Lambda errors; see `planAlarms`), so a
 * service with only backed-up stores and no such compute (or only ECS) gets restore tests alone.
 */
export function planFaultInjection(
  tier: RecoveryTier,
  strategy: Strategy,
  stores: readonly StorePlan[],
  compute: readonly ComputePlan[],
  alarms: readonly AlarmSpec[],
): FaultInjectionSpec[] {
  const drills: { disruption: Disruption; action: string; durationMinutes: number }[] = [];
  if (tier.objectives.az) {
    drills.push({
      disruption: 'az',
      action: 'aws:network:disrupt-connectivity',
      durationMinutes: AZ_DRILL_MINUTES,
    });
    if (compute.some((c) => c.resource.kind === 'asg')) {
      drills.push({
        disruption: 'az',
        action: 'aws:ec2:stop-instances',
        durationMinutes: AZ_DRILL_MINUTES,
      });
    }
    if (stores.some((s) => s.resource.kind === 'rds' && s.multiAz)) {
      drills.push({
        disruption: 'az',
        action: 'aws:rds:reboot-db-instances',
        durationMinutes: AZ_DRILL_MINUTES,
      });
    }
    if (stores.some((s) => s.resource.kind === 'aurora')) {
      drills.push({
        disruption: 'az',
        action: 'aws:rds:failover-db-cluster',
        durationMinutes: AZ_DRILL_MINUTES,
      });
    }
  }
  if (tier.objectives.region && strategy !== 'backup-restore') {
    drills.push({
      disruption: 'region',
      action: 'aws:network:route-table-disrupt-cross-region-connectivity',
      durationMinutes: REGION_ISOLATION_MINUTES,
    });
    if (stores.some((s) => s.replication?.startsWith('dynamodb'))) {
      drills.push({
        disruption: 'region',
        action: 'aws:dynamodb:global-table-pause-replication',
        durationMinutes: REPLICATION_PAUSE_MINUTES,
      });
    }
    if (stores.some((s) => s.replication?.startsWith('s3'))) {
      drills.push({
        disruption: 'region',
        action: 'aws:s3:bucket-pause-replication',
        durationMinutes: REPLICATION_PAUSE_MINUTES,
      });
    }
  }
  const planned = [...new Set(alarms.map((a) => a.signal))].filter((s) => IMPACT_SIGNALS.has(s));
  return drills
    .map((d) => {
      const tripped = new Set(
        drills
          .filter((o) => o.disruption === d.disruption)
          .flatMap((o) => TRIPPED_BY[o.action] ?? []),
      );
      return { ...d, stopOnSignals: planned.filter((s) => !tripped.has(s)) };
    })
    .filter((d) => d.stopOnSignals.length > 0);
}

/** AWS Backup restore testing resource type per store kind: {@link BACKUP_RESOURCE_TYPES}. */
export const RESTORE_TESTING_RESOURCE_TYPES: Readonly<Record<StoreKind, string>> =
  BACKUP_RESOURCE_TYPES;

/**
 * A restore testing plan or selection name: letters, digits and underscores, at most 50
 * characters (longer names keep a hash of the rest).
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateRestoreTestingPlan.html
 */
export function restoreTestingName(raw: string): string {
  const clean = raw.replace(/[^A-Za-z0-9_]/g, '_');
  if (clean.length <= 50) return clean;
  let h = 2166136261;
  for (let i = 0; i < clean.length; i++) h = Math.imul(h ^ clean.charCodeAt(i), 16777619) >>> 0;
  return `${clean.slice(0, 41)}_${h.toString(16).padStart(8, '0')}`;
}

/**
 * Alarm period for AWS Backup job counts, which AWS Backup publishes every 5 minutes.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/cloudwatch.html
 */
const JOB_METRIC_PERIOD_SECONDS = 300;
/**
 * CloudWatch evaluates at most a day of sub-hour periods, and 7 days of hourly ones.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
 */
const MAX_SHORT_EVALUATION_SECONDS = 86_400;
const MAX_HOURLY_EVALUATION_PERIODS = 168;

/**
 * The restore-time alarm for a target: `AWS/Backup` `NumberOfRestoreJobsRunning` (Minimum) at or
 * above 1 through every period of the target. AWS Backup publishes no restore duration metric,
 * so this is the closest CloudWatch signal: a restore running through the whole target.
 */
export function restoreTimeAlarmShape(maxRestoreMinutes: number): {
  readonly namespace: 'AWS/Backup';
  readonly metricName: 'NumberOfRestoreJobsRunning';
  readonly statistic: 'Minimum';
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly threshold: 1;
} {
  const seconds = maxRestoreMinutes * 60;
  const short = seconds <= MAX_SHORT_EVALUATION_SECONDS;
  const periodSeconds = short ? JOB_METRIC_PERIOD_SECONDS : 3600;
  const periods = Math.max(1, Math.ceil(seconds / periodSeconds));
  return {
    namespace: 'AWS/Backup',
    metricName: 'NumberOfRestoreJobsRunning',
    statistic: 'Minimum',
    periodSeconds,
    evaluationPeriods: short ? periods : Math.min(periods, MAX_HOURLY_EVALUATION_PERIODS),
    threshold: 1,
  };
}
