import type { BackupRuleSpec, Disruption, RecoveryTier, VaultSpec } from '../model';
import { BACKUP_DEFAULTS } from '../facts';
import { builtInRetentionDays } from '../tiers/built-in-tiers';

/** Days each recovery point is kept: the tier's own, else the built-in tier's of that name, else 14. */
export function retentionDaysOf(tier: RecoveryTier): number {
  return tier.retentionDays ?? builtInRetentionDays(tier.name) ?? 14;
}

/** True when the tier's vaults are locked: its own setting, else when it declares an `account` objective. */
export function isImmutable(tier: RecoveryTier): boolean {
  return tier.immutable ?? tier.objectives.account !== undefined;
}

/** Disruptions the tier declares objectives for, in {@link DISRUPTIONS} order. */
export function declaredDisruptions(tier: RecoveryTier): Disruption[] {
  return (['application', 'az', 'region', 'account'] as const).filter(
    (d) => tier.objectives[d] !== undefined,
  );
}

/**
 * Vault settings for a tier: governance-mode lock when immutable (compliance only when the tier
 * opts in with `vaultLockMode: compliance`, since it is irreversible after the cooling-off), lock
 * retention bounds that contain every rule's retention (a rule outside them fails its jobs).
 */
export function vaultFor(tier: RecoveryTier, rules: readonly BackupRuleSpec[]): VaultSpec {
  if (!isImmutable(tier)) return { lockMode: 'none', denyDeleteRecoveryPoints: false };
  const days = rules.flatMap((r) => [
    r.deleteAfterDays,
    ...(r.copyToRecoveryRegion ? [r.copyToRecoveryRegion.deleteAfterDays] : []),
  ]);
  const retention = retentionDaysOf(tier);
  const mode = tier.vaultLockMode ?? 'governance';
  return {
    lockMode: mode,
    minRetentionDays: days.length ? Math.min(...days) : retention,
    maxRetentionDays: days.length ? Math.max(...days) : retention,
    ...(mode === 'compliance'
      ? { changeableForDays: BACKUP_DEFAULTS.complianceMinChangeableForDays }
      : {}),
    denyDeleteRecoveryPoints: true,
  };
}
