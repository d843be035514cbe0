import { achieve, propagateDependencies } from '../objectives';
import { DISRUPTIONS } from '../model';
import { computeCoverage } from './backup-coverage';
import { singleAccountOf } from './deploy-account';
import { indexInventory } from './index-inventory';
import { resolveMembership } from './service-membership';
import { buildServiceProtection } from './service-protection';
import type { AssessmentContext, ServiceContext } from './assessment-context';
import type { InventoryIndex } from './index-inventory';
import type {
  Achievement,
  ContinuitySpec,
  Disruption,
  Inventory,
  RecoveryTier,
  ResourceId,
  ServiceSpec,
  Suppression,
} from '../model';

/** Options of {@link buildContext}. */
export interface ContextOptions {
  /**
   * Date the assessment runs.
   *
   * @default - now
   */
  readonly today?: Date;
  /**
   * Extra reasoned exceptions (cdk-nag acknowledgements), applied like spec suppressions.
   * Acknowledgements in the inventory (`inventory.acknowledgements`) apply as well, scoped to
   * their resource (see `applyAcknowledgements`).
   *
   * @default - none
   */
  readonly acknowledgements?: readonly Suppression[];
  /**
   * Account the inventory deploys to; copies to other accounts count for `account` objectives.
   * Each backup plan's own `account` (read from the cdk.out manifest or the Pulumi adapter's
   * option) wins over this.
   *
   * @default - the one account the inventory's entries name, if they name exactly one; else
   * only copies from plans whose entry knows its account can count as cross-account
   */
  readonly accountId?: string;
  /**
   * The index of this same inventory (`indexInventory`), when the caller already built one;
   * only the inventory's acknowledgements may differ, the index does not read them.
   *
   * @default - built from the inventory
   */
  readonly index?: InventoryIndex;
}

function notRecoverable(reason: string): Achievement {
  return { rtoSeconds: null, rpoSeconds: null, basis: 'estimate', explanation: [reason] };
}

/**
 * Achievements per disruption: the `declared` ones now (every report reads them), the others
 * when first read.
 */
function achievementsOf(
  declared: Readonly<Partial<Record<Disruption, unknown>>>,
  compute: (disruption: Disruption) => Achievement,
): Record<Disruption, Achievement> {
  const achievements = {} as Record<Disruption, Achievement>;
  for (const d of DISRUPTIONS) {
    if (declared[d] !== undefined) {
      achievements[d] = compute(d);
    } else {
      let known: Achievement | undefined;
      Object.defineProperty(achievements, d, {
        enumerable: true,
        get: () => (known ??= compute(d)),
      });
    }
  }
  return achievements;
}

/** Lower-cased names of the services that depend on one, and of those they reach. */
function dependencyClosure(services: readonly ServiceSpec[]): Set<string> {
  const involved = new Set<string>();
  const queue = services.filter((s) => s.dependsOn.length > 0).map((s) => s.name.toLowerCase());
  if (queue.length === 0) {
    return involved;
  }
  const byName = new Map(services.map((s) => [s.name.toLowerCase(), s] as const));
  for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
    if (!involved.has(key)) {
      involved.add(key);
      queue.push(...(byName.get(key)?.dependsOn ?? []).map((d) => d.toLowerCase()));
    }
  }
  return involved;
}

/** Indexes the inventory and works out membership, coverage, protection and achievements once. */
export function buildContext(
  spec: ContinuitySpec,
  inventory: Inventory,
  options: ContextOptions = {},
): AssessmentContext {
  const accountId = options.accountId ?? singleAccountOf(inventory);
  const index = options.index ?? indexInventory(inventory);
  const coverage = computeCoverage(inventory.stores, index);
  const membership = resolveMembership(spec, index);
  const servicesOfResource = new Map<ResourceId, string[]>();
  // One inputs object for every service, so backup rules are normalized once per assessment.
  const inputs = {
    index,
    coverage,
    defaultRegion: spec.regions.primary,
    recoveryRegion: spec.regions.recovery,
    ...(accountId !== undefined ? { accountId } : {}),
  };
  const partial = membership.map((m) => {
    for (const e of m.members) {
      const list = servicesOfResource.get(e.id);
      if (list) {
        list.push(m.service.name);
      } else {
        servicesOfResource.set(e.id, [m.service.name]); // a literal: `[]` then push reserves 17 slots
      }
    }
    const built = buildServiceProtection(m.members, m.sizeGiB, inputs);
    const tier: RecoveryTier | undefined = spec.tiers[m.service.tier];
    const own = achievementsOf(tier?.objectives ?? {}, (d) =>
      m.members.length === 0
        ? notRecoverable(
            `no resource of service '${m.service.name}' was found in the templates read`,
          )
        : achieve(built.protection, d),
    );
    return { m, tier, built, own };
  });
  // Only services on a dependency edge can be bounded by another; the rest keep their own
  // achievements, computed when first read (most reports read the declared disruptions only).
  const involved = dependencyClosure(spec.services);
  const own: Record<string, Record<Disruption, Achievement>> = {};
  const graph: Record<string, readonly string[]> = {};
  for (const p of partial) {
    if (involved.has(p.m.service.name.toLowerCase())) {
      own[p.m.service.name] = p.own;
      graph[p.m.service.name] = p.m.service.dependsOn;
    }
  }
  const propagated = propagateDependencies(own, graph);
  const services: ServiceContext[] = partial.map(({ m, tier, built, own }) => {
    const after = propagated.get(m.service.name.toLowerCase());
    return {
      spec: m.service,
      ...(tier ? { tier } : {}),
      declared: tier?.objectives ?? {},
      stores: built.stores,
      standbyStores: built.standbyStores,
      computes: built.computes,
      standbyComputes: built.standbyComputes,
      records: built.records,
      matched: m.matched,
      protection: built.protection,
      storeProtection: built.storeProtection,
      unknowns: built.unknowns,
      ownAchieved: own,
      achieved: after?.achieved ?? own,
      limitedBy: after?.limitedBy ?? {},
    };
  });
  return {
    spec,
    inventory,
    index,
    today: options.today ?? new Date(),
    ...(accountId !== undefined ? { accountId } : {}),
    services,
    serviceByName: new Map(services.map((s) => [s.spec.name.toLowerCase(), s] as const)),
    servicesOfResource,
    coverage,
    suppressions: [...spec.suppressions, ...(options.acknowledgements ?? [])],
  };
}
