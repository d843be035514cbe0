import { DISRUPTIONS } from '../model/disruption';
import type { RecoveryTier } from '../model/spec';
import { BUILT_IN_TIERS, isBuiltInTier } from '../tiers/built-in-tiers';
import type { SpecIssue } from './spec-issue';
import type { TierOverride } from './spec-schema';

/** Review and drill cadence of a custom tier that does not say (yearly, like bronze). */
export const DEFAULT_CADENCE_DAYS = 365;

/**
 * Merges the user's tiers into the built-in catalogue.
 *
 * A built-in name is overridden field by field (`null` removes an inherited value); a new name
 * starts empty, with yearly review and drill cadences. A tier that ends with no objective is an
 * issue.
 */
export function resolveTiers(overrides: ReadonlyMap<string, TierOverride>): {
  readonly tiers: Readonly<Record<string, RecoveryTier>>;
  readonly issues: readonly SpecIssue[];
} {
  const tiers: Record<string, RecoveryTier> = {};
  for (const [name, tier] of Object.entries(BUILT_IN_TIERS)) {
    tiers[name] = cloneTier(tier);
  }
  const issues: SpecIssue[] = [];
  for (const [name, override] of overrides) {
    const base: RecoveryTier = isBuiltInTier(name)
      ? cloneTier(BUILT_IN_TIERS[name])
      : {
          name,
          objectives: {},
          reviewEveryDays: DEFAULT_CADENCE_DAYS,
          drillEveryDays: DEFAULT_CADENCE_DAYS,
        };
    const tier = applyOverride(base, override);
    if (Object.keys(tier.objectives).length === 0) {
      issues.push({
        segments: ['tiers', name],
        message:
          `tier '${name}' declares no objectives; add at least one of ${DISRUPTIONS.join(', ')}, ` +
          'e.g. region: { rto: 4h, rpo: 1h }',
      });
    }
    tiers[name] = tier;
  }
  return { tiers, issues };
}

function applyOverride(base: RecoveryTier, override: TierOverride): RecoveryTier {
  const objectives = { ...base.objectives };
  for (const disruption of DISRUPTIONS) {
    const value = override[disruption];
    if (value === null) {
      delete objectives[disruption];
    } else if (value !== undefined) {
      objectives[disruption] = value;
    }
  }
  const tier: { -readonly [K in keyof RecoveryTier]: RecoveryTier[K] } = { ...base, objectives };
  for (const key of ['strategy', 'immutable', 'retentionDays', 'description'] as const) {
    const value = override[key];
    if (value === null) {
      delete tier[key];
    } else if (value !== undefined) {
      (tier as Record<string, unknown>)[key] = value;
    }
  }
  if (override.reviewEvery !== undefined) {
    tier.reviewEveryDays = override.reviewEvery;
  }
  if (override.drillEvery !== undefined) {
    tier.drillEveryDays = override.drillEvery;
  }
  return tier;
}

function cloneTier(tier: RecoveryTier): RecoveryTier {
  const objectives: RecoveryTier['objectives'] = Object.fromEntries(
    Object.entries(tier.objectives).map(([key, value]) => [key, { ...value }]),
  );
  return { ...tier, objectives };
}
