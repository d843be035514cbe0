import { targetVaultOf, vaultLockMode } from '../../engine/backup-protection';
import { SOURCES } from '../../facts';
import { isUnresolved } from '../../model';
import { locationOf, showKnown } from '../continuity-rule';
import type { ServiceContext } from '../../engine/assessment-context';
import type { BackupPlan, BackupRule, RecoveryTier, Vault } from '../../model';
import type { ContinuityRule } from '../continuity-rule';

/** A backup rule target of a service, and the vault it resolves to. */
export interface ServiceVault {
  readonly service: ServiceContext;
  readonly plan: BackupPlan;
  readonly rule: BackupRule;
  readonly vault?: Vault;
}

/** True when a tier requires locked vaults: `immutable`, or by default an `account` objective. */
export function requiresImmutability(tier: RecoveryTier | undefined): boolean {
  return tier !== undefined && (tier.immutable ?? tier.objectives.account !== undefined);
}

/**
 * RR-VLT2: vaults holding recovery points of immutable tiers are locked, in compliance mode when
 * the tier's `vaultLockMode` asks for it (governance mode otherwise, the tier default).
 */
export const vaultLockedWhereImmutable: ContinuityRule<ServiceVault> = {
  id: 'RR-VLT2',
  name: 'vaultLockedWhereImmutable',
  title:
    'Vaults that hold recovery points of a tier requiring immutability have a vault lock, in compliance mode when the tier asks for it',
  violation:
    'A vault receives recovery points of a tier that requires immutability, but has no vault lock (or a governance-mode lock where the tier requires compliance mode)',
  rationale:
    'A compromised account or ransomware deletes backups first; a vault lock stops recovery points being deleted before they expire. Governance mode can still be removed by principals with the right IAM permission; compliance mode cannot be removed by anyone once its cooling-off ends.',
  fix: 'add a vault lock (AWS::Backup::BackupVault LockConfiguration) whose MinRetentionDays/MaxRetentionDays include the rules\u2019 retention, with ChangeableForDays when the tier requires compliance mode',
  severity: 'error',
  docsUrl: SOURCES.backupVaultLock.url,
  subjects: (context) => {
    const seen = new Set<string>();
    const out: ServiceVault[] = [];
    for (const service of context.services) {
      if (!requiresImmutability(service.tier)) {
        continue;
      }
      for (const store of service.stores) {
        for (const c of context.coverage.get(store.id)?.rules ?? []) {
          const key = `${service.spec.name}#${c.plan.id}#${c.rule.name}`;
          if (!seen.has(key)) {
            seen.add(key);
            const vault = targetVaultOf(c.rule, context.index);
            out.push({ service, plan: c.plan, rule: c.rule, ...(vault ? { vault } : {}) });
          }
        }
      }
    }
    return out;
  },
  locate: ({ service, plan, vault }) => ({
    service: service.spec.name,
    resource: vault
      ? locationOf(vault, 'AWS::Backup::BackupVault')
      : locationOf(plan, 'AWS::Backup::BackupPlan'),
  }),
  check: ({ service, rule, vault }) => {
    if (!vault) {
      return {
        status: 'unknown',
        message: `target vault ${showKnown(rule.targetVault)} of backup rule '${rule.name}' is not in the templates read, so its lock cannot be checked`,
      };
    }
    const required = service.tier?.vaultLockMode ?? 'governance';
    const mode = vaultLockMode(vault);
    if (mode === 'compliance' || (mode === 'governance' && required === 'governance')) {
      return { status: 'compliant' };
    }
    if (vault.lock && isUnresolved(vault.lock.changeableForDays)) {
      return {
        status: 'unknown',
        message: `the lock mode of vault ${vault.id} is known only at deploy time`,
      };
    }
    return {
      status: 'non-compliant',
      message:
        mode === 'governance'
          ? `vault ${vault.id} has a governance-mode lock, but tier '${service.spec.tier}' requires a compliance-mode lock (vaultLockMode: compliance)`
          : `vault ${vault.id} has no vault lock, but tier '${service.spec.tier}' requires immutable recovery points`,
    };
  },
};
