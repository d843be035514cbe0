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
 * then), trying `tryFirst` before the others when given; `missed` names the objective it
 * stopped at, and `shortfall` is only complete without it.
 */
export function evaluate(
  ctx: DesignContext,
  plan: StorePlan,
  tierPlan: Pick<TierPlan, 'rules' | 'vault'>,
  stopAtFirstMiss = false,
  tryFirst?: Disruption,
): {
  achieved: Partial<Record<Disruption, Achievement>>;
  met: boolean;
  shortfall: number;
  missed?: Disruption;
} {
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
  let first: Achievement | undefined;
  if (stopAtFirstMiss && tryFirst !== undefined && ctx.tier.objectives[tryFirst]) {
    first = achieve(protection, tryFirst);
    if (!meets(first, ctx.tier.objectives[tryFirst])) {
      return { achieved: { [tryFirst]: first }, met: false, shortfall: 0, missed: tryFirst };
    }
  }
  const achieved: Partial<Record<Disruption, Achievement>> = {};
  let met = true;
  let miss = 0;
  for (const d of declaredDisruptions(ctx.tier)) {
    const objective = ctx.tier.objectives[d]!;
    const a = d === tryFirst && first !== undefined ? first : achieve(protection, d);
    achieved[d] = a;
    if (!meets(a, objective)) {
      met = false;
      if (stopAtFirstMiss) return { achieved, met, shortfall: miss, missed: d };
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
  const options = allStoreOptions(kind);
  const optionCosts = options.map(optionsCost);
  const all: {
    choice: T;
    rules: readonly BackupRuleSpec[];
    options: StoreOptions;
    total: number;
  }[] = [];
  for (const c of candidates) {
    options.forEach((o, i) => {
      all.push({ choice: c.choice, rules: c.rules, options: o, total: c.cost + optionCosts[i]! });
    });
  }
  all.sort((a, b) => a.total - b.total);
  // candidates next to each other in cost mostly miss the same objective: ask it first
  let lastMiss: Disruption | undefined;
  for (const c of all) {
    const plan = storePlanFor(resource, c.options, ctx.tier);
    const r = evaluate(ctx, plan, { rules: c.rules, vault }, true, lastMiss);
    lastMiss = r.missed;
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
