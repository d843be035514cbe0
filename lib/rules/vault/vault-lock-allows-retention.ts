import { targetVaultOf } from '../../engine/backup-protection';
import { SOURCES } from '../../facts';
import { isUnresolved } from '../../model';
import { locationOf } from '../continuity-rule';
import type { BackupPlan, BackupRule, Known, Vault } from '../../model';
import type { ContinuityRule } from '../continuity-rule';

/** A backup rule (or one of its copy actions) writing into a locked vault. */
export interface LockedTarget {
  readonly plan: BackupPlan;
  readonly rule: BackupRule;
  readonly vault: Vault;
  /** `rule` or `copy action n`. */
  readonly what: string;
  readonly retentionDays: Known<number | undefined>;
}

/** RR-VLT3: the retention of every rule fits the lock bounds of the vault it writes to. */
export const vaultLockAllowsRetention: ContinuityRule<LockedTarget> = {
  id: 'RR-VLT3',
  name: 'vaultLockAllowsRetention',
  title:
    'Every backup rule and copy action keeps recovery points within the lock bounds of its vault',
  violation:
    'A backup rule or copy action keeps recovery points shorter than the vault lock\u2019s MinRetentionDays or longer than its MaxRetentionDays',
  rationale:
    'AWS Backup fails backup and copy jobs whose retention falls outside the vault lock\u2019s bounds, so no recovery point is made.',
  fix: 'set DeleteAfterDays within the vault lock\u2019s MinRetentionDays and MaxRetentionDays, or adjust the lock bounds',
  severity: 'error',
  docsUrl: SOURCES.backupVaultLock.url,
  subjects: (context) =>
    context.inventory.backupPlans.flatMap((plan) =>
      plan.rules.flatMap((rule) => {
        const out: LockedTarget[] = [];
        const target = targetVaultOf(rule, context.index);
        if (target?.lock) {
          out.push({
            plan,
            rule,
            vault: target,
            what: `backup rule '${rule.name}'`,
            retentionDays: rule.deleteAfterDays,
          });
        }
        rule.copyActions.forEach((copy, i) => {
          const dest =
            copy.destinationVault !== undefined
              ? context.index.vaults.get(copy.destinationVault)
              : undefined;
          if (dest?.lock) {
            out.push({
              plan,
              rule,
              vault: dest,
              what: `copy action ${i + 1} of backup rule '${rule.name}'`,
              retentionDays: copy.deleteAfterDays,
            });
          }
        });
        return out;
      }),
    ),
  locate: ({ plan }) => ({ resource: locationOf(plan, 'AWS::Backup::BackupPlan') }),
  check: ({ vault, what, retentionDays }) => {
    const lock = vault.lock;
    if (!lock) {
      return { status: 'not-applicable' };
    }
    const { minRetentionDays: min, maxRetentionDays: max } = lock;
    if (isUnresolved(min) || isUnresolved(max) || isUnresolved(retentionDays)) {
      return {
        status: 'unknown',
        message: `the retention of ${what} or the lock bounds of vault ${vault.id} are known only at deploy time`,
      };
    }
    if (retentionDays === undefined) {
      return max === undefined
        ? { status: 'compliant' }
        : {
            status: 'non-compliant',
            message: `${what} keeps recovery points forever, but vault ${vault.id} allows at most ${max} days`,
          };
    }
    if (min !== undefined && retentionDays < min) {
      return {
        status: 'non-compliant',
        message: `${what} keeps recovery points ${retentionDays} days < vault ${vault.id} lock minimum ${min} days`,
      };
    }
    if (max !== undefined && retentionDays > max) {
      return {
        status: 'non-compliant',
        message: `${what} keeps recovery points ${retentionDays} days > vault ${vault.id} lock maximum ${max} days`,
      };
    }
    return { status: 'compliant' };
  },
};
