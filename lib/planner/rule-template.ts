import { BACKUP_DEFAULTS } from '../facts/backup-defaults';
import type { BackupRuleSpec, ResourceKind, StoreKind } from '../model';

/** The choices that make one AWS Backup rule, before it is named and shared. */
export interface RuleTemplate {
  /** Hours between scheduled starts; AWS Backup snapshots run at most hourly. */
  readonly intervalHours: number;
  /** Completion window, in minutes. */
  readonly completionWindowMinutes: number;
  /** Copy each recovery point to the recovery-Region vault. */
  readonly copy: boolean;
  /** Continuous backup (only for kinds that support it). */
  readonly continuous: boolean;
}

/**
 * Start window of every planned rule: the AWS minimum when set, 60 minutes.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupRuleInput.html
 */
export const START_WINDOW_MINUTES = 60;

/** Intervals the planner tries, loosest (cheapest) first; each divides a day. */
export const INTERVAL_HOURS = [24, 12, 6, 4, 2, 1] as const;

/** Completion windows the planner tries, most forgiving first. */
export const COMPLETION_WINDOW_MINUTES = [240, 120] as const;

/** Days cold storage starts after, when retention allows (delete-after >= move + 90 days). */
export const MOVE_TO_COLD_AFTER_DAYS = 30;

/** AWS Backup minimum stay in cold storage, days. */
export const MIN_COLD_DAYS = 90;

/** Cron expression (AWS Backup syntax, UTC) running every `intervalHours`. */
export function cronFor(intervalHours: number): string {
  if (intervalHours >= 24) return 'cron(0 5 * * ? *)';
  if (intervalHours === 1) return 'cron(0 * * * ? *)';
  return `cron(0 0/${intervalHours} * * ? *)`;
}

/** Relative cost of a rule template: more frequent, copied or continuous costs more. */
export function ruleCost(t: RuleTemplate): number {
  return (
    1 +
    Math.log2(24 / t.intervalHours) +
    (t.completionWindowMinutes < 240 ? 0.05 : 0) +
    (t.copy ? 3 : 0) +
    (t.continuous ? 4 : 0)
  );
}

/** Every template the planner considers. */
export function allRuleTemplates(continuousAllowed: boolean): readonly RuleTemplate[] {
  const out: RuleTemplate[] = [];
  for (const intervalHours of INTERVAL_HOURS) {
    for (const completionWindowMinutes of COMPLETION_WINDOW_MINUTES) {
      for (const copy of [false, true]) {
        for (const continuous of continuousAllowed ? [false, true] : [false]) {
          out.push({ intervalHours, completionWindowMinutes, copy, continuous });
        }
      }
    }
  }
  return out;
}

/** Stable key of a template, to group store kinds under one rule. */
export function templateKey(t: RuleTemplate, cold: boolean): string {
  return `${t.intervalHours}/${t.completionWindowMinutes}/${t.copy}/${t.continuous}/${cold}`;
}

/** `retentionDays` within the bounds AWS Backup allows for continuous backups (1 to 35 days). */
export function continuousRetention(retentionDays: number): number {
  const { min, max } = BACKUP_DEFAULTS.continuousRetentionDays;
  return Math.min(Math.max(retentionDays, min), max);
}

/** Builds the rule spec for a template. */
export function ruleSpec(
  name: string,
  t: RuleTemplate,
  retentionDays: number,
  storeKinds: readonly StoreKind[],
  cold: boolean,
): BackupRuleSpec {
  const deleteAfterDays = t.continuous ? continuousRetention(retentionDays) : retentionDays;
  return {
    name,
    scheduleExpression: cronFor(t.intervalHours),
    intervalHours: t.intervalHours,
    startWindowMinutes: START_WINDOW_MINUTES,
    completionWindowMinutes: t.completionWindowMinutes,
    deleteAfterDays,
    ...(cold ? { moveToColdStorageAfterDays: MOVE_TO_COLD_AFTER_DAYS } : {}),
    enableContinuousBackup: t.continuous,
    ...(t.copy ? { copyToRecoveryRegion: { deleteAfterDays: retentionDays } } : {}),
    storeKinds: [...storeKinds] as ResourceKind[],
  };
}

/** Base name of a rule, e.g. `every-12h-copy` or `continuous-1h`. */
export function ruleBaseName(t: RuleTemplate): string {
  return `${t.continuous ? 'continuous' : 'every'}-${t.intervalHours}h${t.copy ? '-copy' : ''}`;
}
