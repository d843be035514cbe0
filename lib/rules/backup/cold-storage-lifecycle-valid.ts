import { BACKUP_DEFAULTS } from '../../facts';
import { isUnresolved } from '../../model';
import { locationOf } from '../continuity-rule';
import type { ServiceBackupRule } from './backup-retention-meets-tier';
import type { ContinuityRule } from '../continuity-rule';

const MIN_COLD_DAYS = BACKUP_DEFAULTS.minColdStorage.seconds / 86_400;

/** RR-BKP6: cold-storage lifecycles are ones AWS Backup accepts. */
export const coldStorageLifecycleValid: ContinuityRule<Omit<ServiceBackupRule, 'service'>> = {
  id: 'RR-BKP6',
  name: 'coldStorageLifecycleValid',
  title: `Backup rules that move recovery points to cold storage keep them there at least ${MIN_COLD_DAYS} days and do not use continuous backup`,
  violation: `A backup rule deletes recovery points less than ${MIN_COLD_DAYS} days after moving them to cold storage, or combines cold storage with continuous backup`,
  rationale:
    'AWS Backup rejects or fails such lifecycles, so the plan does not protect what it appears to protect.',
  fix: `set DeleteAfterDays to at least MoveToColdStorageAfterDays + ${MIN_COLD_DAYS}, and do not move continuous backups to cold storage`,
  severity: 'error',
  docsUrl: BACKUP_DEFAULTS.minColdStorage.source.url,
  subjects: (context) =>
    context.inventory.backupPlans.flatMap((plan) => plan.rules.map((rule) => ({ plan, rule }))),
  // A plan is shared by many services; its lifecycle findings are reported at the top level.
  locate: ({ plan }) => ({ resource: locationOf(plan, 'AWS::Backup::BackupPlan') }),
  check: ({ rule }) => {
    const cold = rule.moveToColdStorageAfterDays;
    const del = rule.deleteAfterDays;
    if (cold === undefined) {
      return { status: 'not-applicable' };
    }
    if (isUnresolved(cold) || isUnresolved(del) || isUnresolved(rule.enableContinuousBackup)) {
      return {
        status: 'unknown',
        message: `the lifecycle of backup rule '${rule.name}' is known only at deploy time`,
      };
    }
    if (rule.enableContinuousBackup) {
      return {
        status: 'non-compliant',
        message: `backup rule '${rule.name}' moves continuous backups to cold storage after ${cold} days`,
      };
    }
    if (del !== undefined && del < cold + MIN_COLD_DAYS) {
      return {
        status: 'non-compliant',
        message: `backup rule '${rule.name}' deletes after ${del} days < ${cold} days to cold storage + ${MIN_COLD_DAYS} days minimum in cold storage`,
      };
    }
    return { status: 'compliant' };
  },
};
