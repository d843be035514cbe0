import { metricKey } from '../../engine/index-inventory';
import { regionOf } from '../../engine/service-protection';
import { ALARM_METRICS, BACKUP_JOB_DETAIL_TYPE } from '../../facts';
import { locationOf } from '../continuity-rule';
import type { BackupPlan, EventRule, InventoryEntry } from '../../model';
import type { ContinuityRule } from '../continuity-rule';

const BACKUP_JOB_FAILED = ALARM_METRICS['backup-job-failed'];

/** AWS Backup job-failure metrics (the planned one and its equivalents, from lib/facts). */
export const BACKUP_FAILURE_METRICS: readonly string[] = [
  BACKUP_JOB_FAILED.metricName,
  ...BACKUP_JOB_FAILED.equivalentMetrics,
];

function asList(value: unknown): readonly unknown[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  return Array.isArray(value) ? value : [value];
}

/**
 * Whether an `aws.backup` event pattern lets failed backup jobs through: detail-type absent or
 * `Backup Job State Change`, and `detail.state` absent or including `FAILED`
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/eventbridge.html).
 */
export function catchesFailedBackupJobs(rule: EventRule): boolean {
  const pattern = rule.eventPattern;
  if (!pattern || typeof pattern !== 'object' || !('source' in pattern)) {
    return false;
  }
  const detailTypes = asList(pattern['detail-type']);
  if (detailTypes && !detailTypes.includes(BACKUP_JOB_DETAIL_TYPE)) {
    return false;
  }
  const detail = pattern.detail;
  const states =
    detail && typeof detail === 'object'
      ? asList((detail as Record<string, unknown>).state)
      : undefined;
  return !states || states.includes('FAILED');
}

/** RR-MON1: failed backup jobs raise an alarm or an event someone receives. */
export const backupFailuresAlarmed: ContinuityRule<BackupPlan> = {
  id: 'RR-MON1',
  name: 'backupFailuresAlarmed',
  title:
    'Failed backup jobs raise a CloudWatch alarm with actions or an EventBridge rule with targets, in the plan\u2019s Region',
  violation: 'Nothing alerts anyone when a backup job of this plan fails',
  rationale:
    'A backup that silently stopped working is found at restore time; the RPO is then the age of the last job that worked.',
  fix: 'add a CloudWatch alarm on AWS/Backup NumberOfBackupJobsFailed with an alarm action, or an EventBridge rule for aws.backup "Backup Job State Change" FAILED events with a target',
  severity: 'warning',
  docsUrl: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/cloudwatch.html',
  subjects: (context) => context.inventory.backupPlans,
  locate: (plan) => ({ resource: locationOf(plan, 'AWS::Backup::BackupPlan') }),
  check: (plan, context) => {
    const primary = context.spec.regions.primary;
    const region = regionOf(plan, primary);
    const here = (e: InventoryEntry): boolean => regionOf(e, primary) === region;
    const alarmed = BACKUP_FAILURE_METRICS.some((m) =>
      (context.index.alarmsByMetric.get(metricKey(BACKUP_JOB_FAILED.namespace, m)) ?? []).some(
        (a) => a.hasActions && here(a),
      ),
    );
    const evented = context.index.backupEventRules.some(
      (e) => e.hasTargets && here(e) && catchesFailedBackupJobs(e),
    );
    if (alarmed || evented) {
      return { status: 'compliant' };
    }
    const maybe = [
      ...context.index.alarmsWithUnresolvedMetric,
      ...context.index.eventRulesWithUnresolvedPattern,
    ].filter(here);
    if (maybe.length > 0) {
      return {
        status: 'unknown',
        message: `no alarm or event rule on failed jobs of ${plan.id} is certain; ${maybe.map((m) => m.id).join(', ')} depend on values known only at deploy time`,
      };
    }
    return {
      status: 'non-compliant',
      message: `no alarm or event rule in ${region} reports failed backup jobs of ${plan.id}`,
    };
  },
};
