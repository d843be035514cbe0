import { formatDuration } from '../duration/format-duration';
import { DISRUPTIONS } from '../model/disruption';
import type { ContinuitySpec, RecoveryTier, ServiceSpec } from '../model/spec';
import { BUILT_IN_TIERS, isBuiltInTier } from '../tiers/built-in-tiers';
import type {
  ContinuitySpecDocument,
  ObjectiveDocument,
  ServiceDocument,
  TierDocument,
} from './spec-document';

/**
 * A resolved spec as a plain JSON document that {@link parseSpec} turns back into an equal spec.
 *
 * Used to embed the spec in template metadata (`ContinuityKit::Spec`). Every tier is written in
 * full; a built-in tier lists `null` for what it no longer has, so overrides survive the trip.
 * Optional fields that are absent stay absent.
 */
export function specToJson(spec: ContinuitySpec): ContinuitySpecDocument {
  const tiers: Record<string, TierDocument> = {};
  for (const [name, tier] of Object.entries(spec.tiers)) {
    tiers[name] = tierToJson(tier, isBuiltInTier(name) ? BUILT_IN_TIERS[name] : undefined);
  }
  return {
    regions: { primary: spec.regions.primary, recovery: spec.regions.recovery },
    tiers,
    services: spec.services.map(serviceToJson),
    suppressions: spec.suppressions.map((s) => ({
      rule: s.rule,
      resource: s.resource,
      reason: s.reason,
      ...(s.expires !== undefined ? { expires: s.expires } : {}),
    })),
  };
}

function tierToJson(tier: RecoveryTier, builtIn: RecoveryTier | undefined): TierDocument {
  const doc: Record<string, unknown> = {};
  for (const disruption of DISRUPTIONS) {
    const objective = tier.objectives[disruption];
    if (objective !== undefined) {
      const written: ObjectiveDocument = {
        rto: formatDuration(objective.rtoSeconds),
        rpo: formatDuration(objective.rpoSeconds),
      };
      doc[disruption] = written;
    } else if (builtIn?.objectives[disruption] !== undefined) {
      doc[disruption] = null;
    }
  }
  for (const key of ['strategy', 'immutable', 'retentionDays', 'description'] as const) {
    if (tier[key] !== undefined) {
      doc[key] = tier[key];
    } else if (builtIn?.[key] !== undefined) {
      doc[key] = null;
    }
  }
  doc.reviewEvery = `${tier.reviewEveryDays}d`;
  doc.drillEvery = `${tier.drillEveryDays}d`;
  return doc as TierDocument;
}

function serviceToJson(service: ServiceSpec): ServiceDocument {
  return {
    name: service.name,
    tier: service.tier,
    owner: service.owner,
    dependsOn: [...service.dependsOn],
    contacts: [...service.contacts],
    ...(service.reviewedOn !== undefined ? { reviewedOn: service.reviewedOn } : {}),
    ...(service.lastDrill !== undefined ? { lastDrill: service.lastDrill } : {}),
    resources: service.resources.map((resource) => ({
      kind: resource.kind,
      ...(resource.logicalId !== undefined ? { logicalId: resource.logicalId } : {}),
      ...(resource.stack !== undefined ? { stack: resource.stack } : {}),
      ...(resource.sizeGiB !== undefined ? { sizeGiB: resource.sizeGiB } : {}),
    })),
  };
}
