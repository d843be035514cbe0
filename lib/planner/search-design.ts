import { achieve, meets, shortfall } from '../objectives';
import type {
  Achievement,
  BackupRuleSpec,
  ComputeProtection,
  Disruption,
  FailoverProtection,
  RecoveryTier,
  RegionPair,
  ResourceRef,
  StoreKind,
  StorePlan,
  TierPlan,
} from '../model';
import { storeProtectionFromPlan } from './protection-from-plan';
import { allStoreOptions, optionsCost, type StoreOptions } from './store-design';
import { declaredDisruptions, retentionDaysOf } from './tier-settings';

/** Everything fixed while the planner searches one store's design. */
export interface DesignContext {
  readonly tier: RecoveryTier;
  readonly regions: RegionPair;
  readonly compute: readonly ComputeProtection[];
  readonly failover?: FailoverProtection;
}

/** A store design found by the search. */
export interface DesignResult<T> {
  readonly choice: T;
  readonly plan: StorePlan;
  readonly achieved: Partial<Record<Disruption, Achievement>>;
  /** True when every declared objective is met. */
  readonly met: boolean;
  readonly cost: number;
  readonly shortfall: number;
}

/** The store plan for a resource under a set of options. */
export function storePlanFor(
  resource: ResourceRef,
  options: StoreOptions,
  tier: RecoveryTier,
): StorePlan {
  return {
    resource,
    pointInTimeRecovery: options.pointInTimeRecovery,
    ...(options.pointInTimeRecovery
      ? { pitrRetentionDays: Math.min(retentionDaysOf(tier), 35) }
      : {}),
    multiAz: options.multiAz,
    versioning: options.versioning,
    ...(options.replication ? { replication: options.replication } : {}),
    backedUp: true,
  };
}

/**
 * Evaluates one store plan against the tier with the calculator.
 *
 * With `stopAtFirstMiss`, stops at the first unmet objective (the search only needs `met`
 * then); `shortfall` is only complete without it.
 */
export function evaluate(
  ctx: DesignContext,
  plan: StorePlan,
  tierPlan: Pick<TierPlan, 'rules' | 'vault'>,
  stopAtFirstMiss = false,
): { achieved: Partial<Record<Disruption, Achievement>>; met: boolean; shortfall: number } {
  const store = storeProtectionFromPlan(
    plan,
    tierPlan as TierPlan,
    ctx.regions,
    plan.resource.logicalId,
  );
  const protection = {
    stores: [store],
    compute: ctx.compute,
    ...(ctx.failover ? { failover: ctx.failover } : {}),
    recoveryRegion: ctx.regions.recovery,
  };
  const achieved: Partial<Record<Disruption, Achievement>> = {};
  let met = true;
  let miss = 0;
  for (const d of declaredDisruptions(ctx.tier)) {
    const objective = ctx.tier.objectives[d]!;
    const a = achieve(protection, d);
    achieved[d] = a;
    if (!meets(a, objective)) {
      met = false;
      if (stopAtFirstMiss) break;
    }
    miss += shortfall(a, objective);
  }
  return { achieved, met, shortfall: miss };
}

/**
 * Cheapest design meeting every declared objective, else the one missing them least.
 *
 * `candidates` pairs each choice with its rules and cost; they are tried cheapest first.
 */
export function searchDesign<T>(
  ctx: DesignContext,
  resource: ResourceRef,
  candidates: readonly {
    readonly choice: T;
    readonly rules: readonly BackupRuleSpec[];
    readonly cost: number;
  }[],
  vault: TierPlan['vault'],
): DesignResult<T> {
  const kind = resource.kind as StoreKind;
  const all = candidates
    .flatMap((c) =>
      allStoreOptions(kind).map((o) => ({ ...c, options: o, total: c.cost + optionsCost(o) })),
    )
    .sort((a, b) => a.total - b.total);
  for (const c of all) {
    const plan = storePlanFor(resource, c.options, ctx.tier);
    const r = evaluate(ctx, plan, { rules: c.rules, vault }, true);
    if (r.met)
      return {
        choice: c.choice,
        plan,
        achieved: r.achieved,
        met: true,
        cost: c.total,
        shortfall: 0,
      };
  }
  // nothing meets every objective: keep the design that misses them least (cheapest on ties)
  let best: DesignResult<T> | undefined;
  for (const c of all) {
    const plan = storePlanFor(resource, c.options, ctx.tier);
    const r = evaluate(ctx, plan, { rules: c.rules, vault });
    if (!best || r.shortfall < best.shortfall) {
      best = {
        choice: c.choice,
        plan,
        achieved: r.achieved,
        met: false,
        cost: c.total,
        shortfall: r.shortfall,
      };
    }
  }
  return best!;
}
