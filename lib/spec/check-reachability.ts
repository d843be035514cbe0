import { formatDuration } from '../duration/format-duration';
import { bestAchievable } from '../facts';
import { DISRUPTIONS, STORE_KINDS } from '../model/disruption';
import type { StoreKind } from '../model/disruption';
import type { Basis } from '../model/protection';
import type { RecoveryTier } from '../model/spec';
import type { IndexedService } from './indexed-service';
import type { PathSegment } from './issue-path';
import type { SpecIssue } from './spec-issue';

const BASIS_WORDING: Readonly<Record<Basis, string>> = {
  sla: 'backed by an AWS SLA',
  'documented-typical': 'typical value documented by AWS',
  estimate: 'our estimate',
};

/**
 * Every declared objective is reachable for every store of the service by some AWS mechanism.
 *
 * Uses the capability table's lower bound (`bestAchievable` in `lib/facts`): an objective below it
 * cannot be met however the store is configured, e.g. a `region` RPO of 0 on S3, whose replication
 * is asynchronous. Compute resources hold no data and are not checked here.
 */
export function checkReachability(
  services: readonly IndexedService[],
  tiers: Readonly<Record<string, RecoveryTier>>,
): SpecIssue[] {
  const issues: SpecIssue[] = [];
  // Whether a tier's objectives are reachable depends only on the tier and the store kind, so a
  // pair that produced no issue once is not checked again for each resource.
  const reachable = new Map<RecoveryTier, Set<StoreKind>>();
  for (const { index, service } of services) {
    const tier = tiers[service.tier];
    if (tier === undefined) {
      continue;
    }
    let reachableKinds = reachable.get(tier);
    if (reachableKinds === undefined) {
      reachableKinds = new Set();
      reachable.set(tier, reachableKinds);
    }
    service.resources.forEach((resource, r) => {
      if (!(STORE_KINDS as readonly string[]).includes(resource.kind)) {
        return;
      }
      const kind = resource.kind as StoreKind;
      if (reachableKinds.has(kind)) {
        return;
      }
      const found = resourceIssues(tier, kind, resource.logicalId, service.name, [
        'services',
        index,
        'resources',
        r,
      ]);
      if (found.length === 0) {
        reachableKinds.add(kind);
      } else {
        issues.push(...found);
      }
    });
  }
  return issues;
}

function resourceIssues(
  tier: RecoveryTier,
  kind: StoreKind,
  logicalId: string | undefined,
  serviceName: string,
  segments: readonly PathSegment[],
): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const name = logicalId ? `${kind} '${logicalId}'` : kind;
  for (const disruption of DISRUPTIONS) {
    const wanted = tier.objectives[disruption];
    if (wanted === undefined) {
      continue;
    }
    const best = bestAchievable(kind, disruption);
    if (best === undefined) {
      issues.push({
        segments,
        message:
          `tier ${tier.name} declares a ${disruption} objective, but no AWS mechanism recovers ` +
          `${name} from that disruption; define a tier without a ${disruption} objective for ` +
          `service '${serviceName}', or move the data to a store that can be recovered`,
      });
      continue;
    }
    const gaps: string[] = [];
    if (wanted.rpoSeconds < best.rpoSeconds) {
      gaps.push(
        `rpo ${formatDuration(wanted.rpoSeconds)} (best possible ${formatDuration(best.rpoSeconds)})`,
      );
    }
    if (wanted.rtoSeconds < best.rtoSeconds) {
      gaps.push(
        `rto ${formatDuration(wanted.rtoSeconds)} (best possible ${formatDuration(best.rtoSeconds)})`,
      );
    }
    if (gaps.length > 0) {
      const bounds = [
        ...(best.rpoSeconds > 0 ? [`rpo >= ${formatDuration(best.rpoSeconds)}`] : []),
        ...(best.rtoSeconds > 0 ? [`rto >= ${formatDuration(best.rtoSeconds)}`] : []),
      ];
      issues.push({
        segments,
        message:
          `tier ${tier.name} promises ${disruption} ${gaps.join(' and ')}, which no AWS mechanism ` +
          `reaches for ${name} (best: ${best.mechanisms.join(', ')}; ${BASIS_WORDING[best.basis]}); ` +
          `put service '${serviceName}' on a tier whose ${disruption} objective has ${bounds.join(' and ')}, ` +
          'or keep this data in a store that can meet it',
      });
    }
  }
  return issues;
}
