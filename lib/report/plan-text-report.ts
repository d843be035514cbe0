import { alarmMetric } from '../facts';
import type { AlarmComparisonOperator } from '../facts';
import { planToAssessment } from './plan-assessment';
import { showDuration } from './show-duration';
import { toText } from './text-report';
import type { TextReportOptions } from './text-report';
import type {
  AlarmSpec,
  BackupRuleSpec,
  ComputePlan,
  ContinuityPlan,
  ServicePlan,
  StorePlan,
  TierPlan,
} from '../model/plan';
import type { ContinuitySpec } from '../model/spec';

/**
 * Renders a plan for people: per tier the backup rules and vault, per service the strategy,
 * stores, standby compute, failover, alarms and drills, then the predicted objectives against the
 * declared ones with the arithmetic (the same table and findings layout as `continuity check`).
 */
export function planToText(
  plan: ContinuityPlan,
  spec: Pick<ContinuitySpec, 'tiers'>,
  options: TextReportOptions = {},
): string {
  const lines = [
    `continuity plan: primary ${plan.regions.primary}, recovery ${plan.regions.recovery}`,
    '',
  ];
  for (const tier of plan.tiers) {
    lines.push(...tierLines(tier), '');
  }
  for (const service of plan.services) {
    lines.push(...serviceLines(service), '');
  }
  const predicted = toText(planToAssessment(plan, spec), {
    achievedLabel: 'predicted',
    explainAll: true,
    ...options,
  }).replace(/^continuity check: /, 'predicted: ');
  return `${lines.join('\n')}${predicted}`;
}

/** One line describing a backup rule, e.g. `hourly cron(0 * * * ? *): every 1h, ...`. */
export function describeBackupRule(rule: BackupRuleSpec): string {
  const parts = [
    `every ${showDuration(rule.intervalHours * 3600)}`,
    `start window ${showDuration(rule.startWindowMinutes * 60)}`,
    `completion window ${showDuration(rule.completionWindowMinutes * 60)}`,
    `keep ${rule.deleteAfterDays}d`,
  ];
  if (rule.moveToColdStorageAfterDays !== undefined) {
    parts.push(`cold storage after ${rule.moveToColdStorageAfterDays}d`);
  }
  if (rule.enableContinuousBackup) {
    parts.push('continuous backup');
  }
  if (rule.copyToRecoveryRegion !== undefined) {
    parts.push(`copy to recovery region (keep ${rule.copyToRecoveryRegion.deleteAfterDays}d)`);
  }
  parts.push(`selects ${rule.storeKinds.join(', ') || 'nothing'}`);
  return `${rule.name} ${rule.scheduleExpression}: ${parts.join(', ')}`;
}

/** One line describing a tier's vault settings. */
export function describeVault(tier: TierPlan): string {
  const v = tier.vault;
  const lock =
    v.lockMode === 'none'
      ? 'no lock'
      : `${v.lockMode} lock` +
        [
          v.minRetentionDays !== undefined ? ` min ${v.minRetentionDays}d` : '',
          v.maxRetentionDays !== undefined ? ` max ${v.maxRetentionDays}d` : '',
          v.changeableForDays !== undefined ? ` cooling-off ${v.changeableForDays}d` : '',
        ].join('');
  return `${lock}${v.denyDeleteRecoveryPoints ? ', denies backup:DeleteRecoveryPoint' : ''}`;
}

/** One line describing a store's planned protection. */
export function describeStore(store: StorePlan): string {
  const parts: string[] = [];
  if (store.pointInTimeRecovery) {
    parts.push(
      `point-in-time recovery${store.pitrRetentionDays !== undefined ? ` ${store.pitrRetentionDays}d` : ''}`,
    );
  }
  if (store.multiAz) {
    parts.push('multi-AZ');
  }
  if (store.versioning) {
    parts.push('versioning');
  }
  if (store.replication !== undefined) {
    parts.push(`replication ${store.replication}`);
  }
  parts.push(store.backedUp ? 'backed up by the tier plan' : 'not backed up');
  return `${store.resource.kind} ${store.resource.logicalId ?? '(by tag)'}: ${parts.join(', ')}`;
}

/** One line describing a compute resource's planned capacity. */
export function describeCompute(compute: ComputePlan): string {
  const recovery =
    compute.recoveryCapacity === undefined
      ? 'redeployed from code in the recovery region'
      : compute.recoveryCapacity === 0
        ? 'pilot light (scaled to 0) in the recovery region'
        : `${compute.recoveryCapacity} running in the recovery region`;
  return (
    `${compute.resource.kind} ${compute.resource.logicalId ?? '(by tag)'}: ` +
    `${compute.primaryCapacity} over ${compute.availabilityZones} AZs, ${recovery}`
  );
}

/** How each CloudWatch comparison operator reads in a report. */
const OPERATOR_SYMBOLS: Readonly<Record<AlarmComparisonOperator, string>> = {
  GreaterThanThreshold: '>',
  GreaterThanOrEqualToThreshold: '>=',
  LessThanThreshold: '<',
};

/**
 * One alarm and when it fires, in the direction of its metric (`ALARM_METRICS`): lag thresholds
 * are durations, failure thresholds counts; health and in-service instances fire below theirs.
 */
export function describeAlarm(alarm: AlarmSpec): string {
  const metric = alarmMetric(alarm.signal);
  const threshold =
    metric.thresholdUnit === 'seconds'
      ? showDuration(alarm.threshold)
      : String(metric.fixedThreshold ?? alarm.threshold);
  return `${alarm.signal} (${OPERATOR_SYMBOLS[metric.comparisonOperator]} ${threshold})`;
}

function tierLines(tier: TierPlan): string[] {
  return [
    `tier ${tier.tier}`,
    '  backup rules:',
    ...(tier.rules.length > 0
      ? tier.rules.map((r) => `    ${describeBackupRule(r)}`)
      : ['    none']),
    `  vault: ${describeVault(tier)}`,
    `  restore test every ${tier.restoreTestEveryDays}d`,
  ];
}

function serviceLines(service: ServicePlan): string[] {
  const lines = [
    `service ${service.service} (${service.tier}): ${service.strategy}, ` +
      `${service.regions.primary} -> ${service.regions.recovery}`,
  ];
  if (service.stores.length > 0) {
    lines.push('  stores:', ...service.stores.map((s) => `    ${describeStore(s)}`));
  }
  if (service.compute.length > 0) {
    lines.push('  compute:', ...service.compute.map((c) => `    ${describeCompute(c)}`));
  }
  if (service.failover !== undefined) {
    const f = service.failover;
    lines.push(
      `  failover: ${f.routing} routing, health check every ${f.healthCheckIntervalSeconds}s, ` +
        `${f.failureThreshold} failures, TTL ${f.ttlSeconds}s`,
    );
  }
  if (service.alarms.length > 0) {
    lines.push(`  alarms: ${service.alarms.map(describeAlarm).join(', ')}`);
  }
  if (service.faultInjection.length > 0) {
    lines.push(
      `  drills: ${service.faultInjection
        .map((d) => `${d.disruption} ${d.action} ${d.durationMinutes}min`)
        .join(', ')}`,
    );
  }
  return lines;
}
