import type { ContinuitySpec, RecoveryTier, ResourceRef, ServiceSpec } from '../../../lib/model';
import { BUILT_IN_TIERS } from '../../../lib/tiers';

export const REGIONS = { primary: 'us-east-1', recovery: 'us-west-2' } as const;
export const MIN = 60;
export const H = 3600;

/** A service at a tier with the given resources. */
export function svc(
  name: string,
  tier: string,
  resources: ResourceRef[],
  dependsOn: string[] = [],
): ServiceSpec {
  return { name, tier, owner: 'team', dependsOn, resources, contacts: [] };
}

/** A spec with the built-in tiers plus extra ones. */
export function specWith(
  services: ServiceSpec[],
  extraTiers: Record<string, RecoveryTier> = {},
): ContinuitySpec {
  return {
    regions: REGIONS,
    tiers: { ...BUILT_IN_TIERS, ...extraTiers },
    services,
    suppressions: [],
  };
}

/** A custom tier with only the given objectives. */
export function tier(
  name: string,
  objectives: RecoveryTier['objectives'],
  change: Partial<RecoveryTier> = {},
): RecoveryTier {
  return { name, objectives, reviewEveryDays: 180, drillEveryDays: 90, ...change };
}
