import type { ContinuitySpec, Objective, RecoveryTier } from '../model';

// AWS::ResilienceHub::ResiliencyPolicy, CloudFormation template reference:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-resiliencehub-resiliencypolicy.html
// Policy keys and the failure policy shape (rpoInSecs/rtoInSecs), Resilience Hub API reference:
// https://docs.aws.amazon.com/resilience-hub/latest/APIReference/API_ResiliencyPolicy.html

/** Resilience Hub's tier names, strictest first. */
export const RESILIENCE_HUB_TIERS = [
  'MissionCritical',
  'Critical',
  'Important',
  'CoreServices',
  'NonCritical',
] as const;

/** One of {@link RESILIENCE_HUB_TIERS}. */
export type ResilienceHubTier = (typeof RESILIENCE_HUB_TIERS)[number];

/** Resilience Hub's disruption types. */
export type ResilienceHubDisruption = 'Software' | 'Hardware' | 'AZ' | 'Region';

/** A failure policy as CloudFormation writes it. */
export interface FailurePolicy {
  readonly RtoInSecs: number;
  readonly RpoInSecs: number;
}

/** The CloudFormation resource for one tier. */
export interface ResiliencyPolicyResource {
  readonly Type: 'AWS::ResilienceHub::ResiliencyPolicy';
  readonly Properties: {
    readonly PolicyName: string;
    readonly PolicyDescription: string;
    readonly Tier: ResilienceHubTier;
    readonly Policy: Readonly<Partial<Record<ResilienceHubDisruption, FailurePolicy>>>;
    readonly Tags: Readonly<Record<string, string>>;
  };
}

/** A CloudFormation template with one resiliency policy per tier. */
export interface ResiliencyPolicyTemplate {
  readonly AWSTemplateFormatVersion: '2010-09-09';
  readonly Description: string;
  readonly Resources: Readonly<Record<string, ResiliencyPolicyResource>>;
}

const BUILT_IN_TIER_MAPPING: Readonly<Record<string, ResilienceHubTier>> = {
  platinum: 'MissionCritical',
  gold: 'Critical',
  silver: 'Important',
  bronze: 'NonCritical',
};

/**
 * Resilience Hub tier for one of our tiers: built-in tiers by name, custom tiers by how fast they
 * must recover from the loss of a Region (or, without a region objective, of the application).
 */
export function resilienceHubTier(tier: RecoveryTier): ResilienceHubTier {
  const builtIn = BUILT_IN_TIER_MAPPING[tier.name];
  if (builtIn) return builtIn;
  const rtoSeconds = (tier.objectives.region ?? tier.objectives.application)?.rtoSeconds;
  if (rtoSeconds === undefined) return 'NonCritical';
  if (rtoSeconds <= 15 * 60) return 'MissionCritical';
  if (rtoSeconds <= 60 * 60) return 'Critical';
  if (rtoSeconds <= 4 * 60 * 60) return 'Important';
  return 'NonCritical';
}

/**
 * The failure policies of one tier.
 *
 * `application` maps to Software, `az` to AZ, `region` to Region. Resilience Hub's Hardware
 * (loss of an instance or volume inside an AZ) is at most as disruptive as losing the whole AZ,
 * so it takes the `az` objective, or the `application` one when the tier declares no `az`.
 * Resilience Hub requires Software, Hardware and AZ; a tier that leaves one of them out gets its
 * `application` objective there (a promise the tier already makes for any in-Region failure).
 */
export function resiliencyPolicyOf(
  tier: RecoveryTier,
): Readonly<Partial<Record<ResilienceHubDisruption, FailurePolicy>>> {
  const o = tier.objectives;
  const fallback = o.application ?? o.az ?? o.region;
  const pick = (...candidates: (Objective | undefined)[]): FailurePolicy | undefined => {
    const found = candidates.find((c): c is Objective => c !== undefined);
    return found ? { RtoInSecs: found.rtoSeconds, RpoInSecs: found.rpoSeconds } : undefined;
  };
  const policy: Partial<Record<ResilienceHubDisruption, FailurePolicy>> = {};
  const software = pick(o.application, fallback);
  const hardware = pick(o.az, o.application, fallback);
  const az = pick(o.az, fallback);
  const region = pick(o.region);
  if (software) policy.Software = software;
  if (hardware) policy.Hardware = hardware;
  if (az) policy.AZ = az;
  if (region) policy.Region = region;
  return policy;
}

/** Logical ID for a tier's policy: PascalCase letters and digits only. */
function logicalIdOf(tierName: string): string {
  const words = tierName.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  return `${words.map((w) => w[0].toUpperCase() + w.slice(1)).join('')}ResiliencyPolicy`;
}

/**
 * Every tier of the spec as an AWS Resilience Hub resiliency policy, in one CloudFormation
 * template, so teams that also assess after deployment judge against the same objectives.
 *
 * @param tierNames - tiers to export; default every tier a service uses, or all when none does
 */
export function toResilienceHubTemplate(
  spec: ContinuitySpec,
  tierNames?: readonly string[],
): ResiliencyPolicyTemplate {
  const used = [...new Set(spec.services.map((s) => s.tier))];
  const names = tierNames ?? (used.length > 0 ? used : Object.keys(spec.tiers));
  const resources: Record<string, ResiliencyPolicyResource> = {};
  for (const name of [...names].sort()) {
    const tier = spec.tiers[name];
    if (!tier) continue;
    resources[logicalIdOf(name)] = {
      Type: 'AWS::ResilienceHub::ResiliencyPolicy',
      Properties: {
        PolicyName: `continuity-${name}`,
        PolicyDescription: (
          tier.description ?? `continuity-kit tier '${name}' (objectives per disruption)`
        ).slice(0, 500),
        Tier: resilienceHubTier(tier),
        Policy: resiliencyPolicyOf(tier),
        Tags: { 'continuity:tier': name },
      },
    };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'AWS Resilience Hub resiliency policies generated by continuity-kit from the spec',
    Resources: resources,
  };
}
