import type { ContinuityPlan, ContinuitySpec, TierPlan } from '../model';
import { applyDependencies } from './apply-dependencies';
import { planService } from './plan-service';
import { planTier } from './plan-tier';

/**
 * The whole plan for a spec: one tier plan per tier in use, one service plan per service, with
 * predictions limited by dependencies for the shared-fate disruptions ({@link applyDependencies}).
 */
export function planContinuity(spec: ContinuitySpec): ContinuityPlan {
  const tiers: TierPlan[] = [];
  const seen = new Set<string>();
  for (const s of spec.services) {
    const tier = spec.tiers[s.tier];
    if (tier && !seen.has(tier.name)) {
      seen.add(tier.name);
      tiers.push(planTier(tier, spec.regions));
    }
  }
  const services = applyDependencies(
    spec.services.map((s) => planService(s, spec)),
    spec,
  );
  return { regions: spec.regions, tiers, services };
}
