import { achieveAll, meets, shortfall } from '../objectives';
import {
  COMPUTE_KINDS,
  InputError,
  STORE_KINDS,
  STRATEGIES,
  type ContinuitySpec,
  type Disruption,
  type ResourceRef,
  type ServicePlan,
  type ServiceSpec,
  type StorePlan,
  type Strategy,
} from '../model';
import { planAlarms } from './plan-monitoring';
import { planFaultInjection } from './plan-drills';
import { planCompute, planFailover } from './plan-compute';
import { planFinding } from './plan-findings';
import { planTierWithTemplates } from './plan-tier';
import {
  computeProtectionFromPlan,
  failoverProtectionFromPlan,
  protectionFromPlan,
  resourceName,
} from './protection-from-plan';
import { searchDesign, type DesignContext } from './search-design';
import { declaredDisruptions } from './tier-settings';

const isStore = (r: ResourceRef): boolean => (STORE_KINDS as readonly string[]).includes(r.kind);
const isCompute = (r: ResourceRef): boolean =>
  (COMPUTE_KINDS as readonly string[]).includes(r.kind);

/**
 * The store design the search chose, by everything its outcome depends on
 * ({@link designContextKey}, the store's kind and declared size): the search builds each
 * candidate's protection from those alone, and names only label explanations. Services alike
 * (same tier and compute, stores of one kind that declare the same size or none) share one
 * search. Bounded like the tier plans' cache.
 */
const storeDesigns = new Map<string, StorePlan>();
const MAX_STORE_DESIGNS = 5000;

/**
 * What the store search depends on besides the store: the tier and Regions (which fix the
 * tier's backup rules and vault, see `planTierWithTemplates`), the compute the service would
 * run, without the names that label it, and its DNS failover.
 */
function designContextKey(ctx: DesignContext): string {
  return JSON.stringify([
    ctx.tier,
    ctx.regions,
    ctx.compute.map((c) => ({ ...c, name: undefined })),
    ctx.failover ?? null,
  ]);
}

/** Strategies to try for a tier, cheapest first, starting at the tier's own strategy. */
function strategiesFor(strategy: Strategy | undefined, hasCompute: boolean): readonly Strategy[] {
  if (!hasCompute) return [strategy ?? 'backup-restore'];
  return STRATEGIES.slice(strategy ? STRATEGIES.indexOf(strategy) : 0);
}

/**
 * The cheapest plan for one service that meets every objective its tier declares.
 *
 * Candidates go from cheap to expensive: strategy (backup and restore → pilot light → warm
 * standby → active/active, starting at the tier's declared strategy), then the health check
 * interval (30 s, then 10 s), and per store the cheapest store design under the tier's backup
 * rules (point-in-time recovery, Multi-AZ, versioning, then replication). Each candidate is
 * judged by the objective calculator; the first that meets everything wins. When none does, the
 * candidate missing least is returned with one `RR-PLAN1` error finding per unmet objective.
 *
 * @throws InputError when the service names a tier the spec does not define
 */
export function planService(service: ServiceSpec, spec: ContinuitySpec): ServicePlan {
  const tier = spec.tiers[service.tier];
  if (!tier) {
    throw new InputError([
      {
        path: `services.${service.name}.tier`,
        message: `tier '${service.tier}' is not defined; use one of ${Object.keys(spec.tiers).join(', ')}`,
      },
    ]);
  }
  const regions = spec.regions;
  const { plan: tierPlan } = planTierWithTemplates(tier, regions);
  const stores = service.resources.filter(isStore);
  const computes = service.resources.filter(isCompute);
  const declared: Disruption[] = declaredDisruptions(tier);

  let best: { plan: ServicePlan; miss: number } | undefined;
  for (const strategy of strategiesFor(tier.strategy, computes.length > 0)) {
    for (const interval of strategy === 'backup-restore' || computes.length === 0
      ? ([30] as const)
      : ([30, 10] as const)) {
      const compute = computes.map((r) => planCompute(r, strategy));
      const failover = computes.length ? planFailover(strategy, interval) : undefined;
      const ctx = {
        tier,
        regions,
        compute: compute.map((c, i) =>
          computeProtectionFromPlan(c, regions, resourceName(c.resource, i)),
        ),
        ...(failover ? { failover: failoverProtectionFromPlan(failover) } : {}),
      };
      const context = designContextKey(ctx);
      const storePlans = stores.map((r, i) => {
        const key = `${context}|${r.kind}|${r.sizeGiB ?? ''}`;
        let design = storeDesigns.get(key);
        if (design === undefined) {
          design = searchDesign(
            ctx,
            { ...r, ...(r.logicalId ? {} : { logicalId: resourceName(r, i) }) },
            [{ choice: null, rules: tierPlan.rules, cost: 0 }],
            tierPlan.vault,
          ).plan;
          if (storeDesigns.size >= MAX_STORE_DESIGNS) storeDesigns.clear();
          storeDesigns.set(key, design);
        }
        return { ...design, resource: r };
      });
      const alarms = planAlarms(tier, tierPlan, storePlans, failover !== undefined, compute);
      const draft: ServicePlan = {
        service: service.name,
        tier: tier.name,
        strategy,
        regions,
        stores: storePlans,
        compute,
        ...(failover ? { failover } : {}),
        alarms,
        faultInjection: planFaultInjection(tier, strategy, storePlans, compute, alarms),
        predicted: {},
        findings: [],
      };
      const predicted = achieveAll(protectionFromPlan(draft, tierPlan), declared);
      const miss = declared.reduce(
        (sum, d) => sum + shortfall(predicted[d], tier.objectives[d]!),
        0,
      );
      const plan = { ...draft, predicted };
      if (declared.every((d) => meets(predicted[d], tier.objectives[d]!))) return plan;
      if (!best || miss < best.miss) best = { plan, miss };
    }
  }
  const plan = best!.plan;
  const protection = protectionFromPlan(plan, tierPlan);
  const findings = declared
    .filter((d) => !meets(plan.predicted[d], tier.objectives[d]!))
    .map((d) =>
      planFinding(
        service.name,
        tier.name,
        d,
        tier.objectives[d]!,
        plan.predicted[d],
        protection,
        plan.strategy,
      ),
    );
  return { ...plan, findings };
}
