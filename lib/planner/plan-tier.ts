import {
  STORE_KINDS,
  type BackupRuleSpec,
  type RecoveryTier,
  type RegionPair,
  type StoreKind,
  type TierPlan,
} from '../model';
import { STORE_SUPPORT } from '../facts';
import {
  allRuleTemplates,
  MIN_COLD_DAYS,
  MOVE_TO_COLD_AFTER_DAYS,
  ruleBaseName,
  ruleCost,
  ruleSpec,
  templateKey,
  type RuleTemplate,
} from './rule-template';
import { planRestoreTesting } from './plan-drills';
import { searchDesign } from './search-design';
import { isImmutable, retentionDaysOf, vaultFor } from './tier-settings';

/** The rule template the tier uses for each store kind. */
export type TierTemplates = Readonly<Record<StoreKind, RuleTemplate>>;

const cache = new Map<string, { plan: TierPlan; templates: TierTemplates }>();

function coldFor(kind: StoreKind, t: RuleTemplate, retentionDays: number): boolean {
  return (
    STORE_SUPPORT[kind].coldStorage &&
    !t.continuous &&
    retentionDays >= MOVE_TO_COLD_AFTER_DAYS + MIN_COLD_DAYS
  );
}

/** Picks, per store kind, the rule template of the cheapest design meeting the tier (data only). */
export function tierTemplates(tier: RecoveryTier, regions: RegionPair): TierTemplates {
  const retention = retentionDaysOf(tier);
  const probeVault = {
    lockMode: isImmutable(tier) ? (tier.vaultLockMode ?? 'governance') : 'none',
    denyDeleteRecoveryPoints: false,
  } as const;
  const out = {} as Record<StoreKind, RuleTemplate>;
  for (const kind of STORE_KINDS) {
    const candidates = allRuleTemplates(STORE_SUPPORT[kind].continuousBackup).map((t) => ({
      choice: t,
      rules: [ruleSpec('candidate', t, retention, [kind], false)],
      cost: ruleCost(t),
    }));
    out[kind] = searchDesign(
      { tier, regions, compute: [] },
      { kind },
      candidates,
      probeVault,
    ).choice;
  }
  return out;
}

/**
 * The backup plan and vault shared by every service at a tier.
 *
 * Per store kind, the planner searches designs from cheap to expensive (daily snapshots → more
 * frequent snapshots → continuous backup → copies to the recovery Region, each with the
 * store-level options: point-in-time recovery, Multi-AZ, versioning, replication) and keeps the
 * backup rule of the cheapest design meeting every declared objective. Kinds that share a rule
 * share one `BackupRuleSpec`. Rules start within 60 minutes (the AWS minimum), continuous rules
 * keep at most 35 days, cold storage is used only where valid, and the vault lock bounds contain
 * every rule's retention.
 */
export function planTier(tier: RecoveryTier, regions: RegionPair): TierPlan {
  return planTierWithTemplates(tier, regions).plan;
}

/** {@link planTier} plus the per-kind templates it chose (cached per tier and regions). */
export function planTierWithTemplates(
  tier: RecoveryTier,
  regions: RegionPair,
): { plan: TierPlan; templates: TierTemplates } {
  const key = JSON.stringify([tier, regions]);
  const hit = cache.get(key);
  if (hit) return hit;
  const templates = tierTemplates(tier, regions);
  const retention = retentionDaysOf(tier);
  const groups = new Map<string, { t: RuleTemplate; cold: boolean; kinds: StoreKind[] }>();
  for (const kind of STORE_KINDS) {
    const t = templates[kind];
    const cold = coldFor(kind, t, retention);
    const k = templateKey(t, cold);
    const g = groups.get(k) ?? { t, cold, kinds: [] };
    g.kinds.push(kind);
    groups.set(k, g);
  }
  const used = new Set<string>();
  const rules: BackupRuleSpec[] = [];
  for (const g of groups.values()) {
    let name = ruleBaseName(g.t) + (g.cold ? '-cold' : '');
    if (used.has(name)) name = `${name}-${g.t.completionWindowMinutes}min`;
    used.add(name);
    rules.push(ruleSpec(name, g.t, retention, g.kinds, g.cold));
  }
  const plan: TierPlan = {
    tier: tier.name,
    rules,
    vault: vaultFor(tier, rules),
    restoreTestEveryDays: tier.drillEveryDays,
    restoreTesting: planRestoreTesting(tier, rules),
  };
  const result = { plan, templates };
  if (cache.size > 500) cache.clear();
  cache.set(key, result);
  return result;
}
