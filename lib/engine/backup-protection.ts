import { BACKUP_DEFAULTS } from '../facts';
import { isUnresolved } from '../model';
import { cronIntervalSeconds } from './cron-interval';
import { deployAccountOf } from './deploy-account';
import type { Coverage } from './assessment-context';
import type { InventoryIndex } from './index-inventory';
import type {
  BackupProtection,
  BackupRule,
  RecoveryPointLocation,
  Vault,
  VaultLockMode,
} from '../model';

/** Inputs that decide where recovery points land. */
export interface LocationContext {
  readonly index: InventoryIndex;
  /** Region assumed for a stack with no region (the spec's primary Region). */
  readonly defaultRegion: string;
  /**
   * Account the inventory deploys to, for backup plans whose entry has no known `account`.
   *
   * @default - unknown: only plans whose entry knows its account can make cross-account copies
   */
  readonly accountId?: string;
}

/** Lock mode of a vault: compliance when `ChangeableForDays` is set, governance otherwise. */
export function vaultLockMode(vault: Vault | undefined): VaultLockMode {
  if (!vault?.lock) {
    return 'none';
  }
  const days = vault.lock.changeableForDays;
  // An unknown cooling-off could be either mode; assume the weaker one (fail closed).
  return !isUnresolved(days) && days !== undefined ? 'compliance' : 'governance';
}

/** The vault a backup rule writes to, when it is in the inventory. */
export function targetVaultOf(rule: BackupRule, index: InventoryIndex): Vault | undefined {
  const target = rule.targetVault;
  if (isUnresolved(target)) {
    return undefined;
  }
  return index.vaults.get(target) ?? index.vaultsByName.get(target);
}

/** Result of normalizing one backup rule: the protection, or why it was left out. */
export type BackupProtectionResult =
  | { readonly protection: BackupProtection; readonly unknowns: readonly string[] }
  | { readonly protection?: undefined; readonly unknowns: readonly string[] };

/**
 * Normalizes one AWS Backup rule applying to a store into a {@link BackupProtection}.
 *
 * Absent schedule and windows take AWS's defaults ({@link BACKUP_DEFAULTS}). A value known only at
 * deploy time leaves the rule out (it is not counted as protection) and is named in `unknowns`;
 * an unknown copy destination leaves that copy out.
 */
export function backupProtection(coverage: Coverage, ctx: LocationContext): BackupProtectionResult {
  const { rule, plan } = coverage;
  const where = `backup rule '${rule.name}' of ${plan.id}`;
  const unknowns: string[] = [];
  const continuous = rule.enableContinuousBackup;
  const schedule = rule.scheduleExpression;
  const start = rule.startWindowMinutes;
  const completion = rule.completionWindowMinutes;
  const retention = rule.deleteAfterDays;
  if (
    isUnresolved(continuous) ||
    isUnresolved(schedule) ||
    isUnresolved(start) ||
    isUnresolved(completion)
  ) {
    return {
      unknowns: [`${where}: schedule, windows or continuous backup known only at deploy time`],
    };
  }
  if (isUnresolved(retention)) {
    return { unknowns: [`${where}: retention (DeleteAfterDays) known only at deploy time`] };
  }
  let intervalSeconds: number = BACKUP_DEFAULTS.schedule.seconds;
  if (schedule !== undefined) {
    const parsed = cronIntervalSeconds(schedule);
    if (parsed === undefined) {
      if (!continuous) {
        return { unknowns: [`${where}: schedule '${schedule}' cannot be assessed`] };
      }
    } else {
      intervalSeconds = parsed;
    }
  }
  const vault = targetVaultOf(rule, ctx.index);
  const vaultRegion = vault?.region ?? plan.region;
  const location: RecoveryPointLocation = {
    region: isUnresolved(vaultRegion) ? ctx.defaultRegion : vaultRegion,
    crossAccount: false,
    lock: vaultLockMode(vault),
    retentionDays: retention,
  };
  const copies: RecoveryPointLocation[] = [];
  for (const copy of rule.copyActions) {
    const region = copy.destinationRegion;
    const copyRetention = copy.deleteAfterDays;
    if (isUnresolved(region) || isUnresolved(copyRetention)) {
      unknowns.push(`${where}: copy destination or retention known only at deploy time`);
      continue;
    }
    const account = copy.destinationAccount;
    // The plan's own account (from the manifest or the Pulumi stack) beats the option: an
    // inventory can span accounts.
    const source = deployAccountOf(plan, ctx.accountId);
    const crossAccount =
      source !== undefined && account !== undefined && !isUnresolved(account) && account !== source;
    const destination =
      copy.destinationVault !== undefined ? ctx.index.vaults.get(copy.destinationVault) : undefined;
    copies.push({
      region,
      crossAccount,
      lock: vaultLockMode(destination),
      retentionDays: copyRetention,
    });
  }
  return {
    protection: {
      ruleName: rule.name,
      continuous,
      intervalSeconds,
      startWindowSeconds: start === undefined ? BACKUP_DEFAULTS.startWindow.seconds : start * 60,
      completionWindowSeconds:
        completion === undefined ? BACKUP_DEFAULTS.completionWindow.seconds : completion * 60,
      vault: location,
      copies,
    },
    unknowns,
  };
}
