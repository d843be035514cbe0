import type { RecoveryTier } from '../model/spec';
import { didYouMean } from '../regions/closest-match';
import type { IndexedService } from './indexed-service';
import type { SpecIssue } from './spec-issue';

/**
 * Per-service rules across the document: unique names (case-insensitive), known tiers, dates not
 * in the future, and no resource claimed twice.
 *
 * @param today - `YYYY-MM-DD` in UTC
 * @param brokenTiers - tiers declared with issues of their own; not reported again as unknown
 */
export function checkServices(
  services: readonly IndexedService[],
  tiers: Readonly<Record<string, RecoveryTier>>,
  today: string,
  brokenTiers: readonly string[] = [],
): SpecIssue[] {
  return [
    ...checkUniqueNames(services),
    ...checkTiers(services, tiers, brokenTiers),
    ...checkDates(services, today),
    ...checkClaims(services),
  ];
}

function checkUniqueNames(services: readonly IndexedService[]): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const seen = new Map<string, IndexedService>();
  for (const entry of services) {
    const key = entry.service.name.toLowerCase();
    const first = seen.get(key);
    if (first) {
      issues.push({
        segments: ['services', entry.index, 'name'],
        message:
          `service name '${entry.service.name}' is already used by services[${first.index}] ` +
          `('${first.service.name}'); names are compared case-insensitively, so rename one of them`,
      });
    } else {
      seen.set(key, entry);
    }
  }
  return issues;
}

function checkTiers(
  services: readonly IndexedService[],
  tiers: Readonly<Record<string, RecoveryTier>>,
  brokenTiers: readonly string[],
): SpecIssue[] {
  const names = Object.keys(tiers);
  return services
    .filter(
      ({ service }) => tiers[service.tier] === undefined && !brokenTiers.includes(service.tier),
    )
    .map(({ index, service }) => ({
      segments: ['services', index, 'tier'],
      message:
        `unknown tier '${service.tier}'${didYouMean(service.tier, names)}; ` +
        `use one of ${names.join(', ')}, or define it under tiers`,
    }));
}

function checkDates(services: readonly IndexedService[], today: string): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const { index, service } of services) {
    for (const key of ['reviewedOn', 'lastDrill'] as const) {
      const date = service[key];
      if (date !== undefined && date > today) {
        issues.push({
          segments: ['services', index, key],
          message: `date '${date}' is in the future (today is ${today}); write the date it actually happened`,
        });
      }
    }
  }
  return issues;
}

function checkClaims(services: readonly IndexedService[]): SpecIssue[] {
  const issues: SpecIssue[] = [];
  // Claims by logical id, each list in spec order, so a clash is found without scanning them all.
  const claims = new Map<string, Claim[]>();
  for (const { index, service } of services) {
    service.resources.forEach((resource, r) => {
      const { logicalId, stack } = resource;
      if (logicalId === undefined) {
        return;
      }
      const same = claims.get(logicalId);
      const clash = same?.find(
        (claim) => claim.stack === undefined || stack === undefined || claim.stack === stack,
      );
      if (clash) {
        const what = stack ? `${stack}/${logicalId}` : logicalId;
        const where = `services[${clash.index}].resources[${clash.resource}]`;
        issues.push({
          segments: ['services', index, 'resources', r, 'logicalId'],
          message:
            clash.service === service.name
              ? `resource '${what}' is listed twice in service '${service.name}' (also at ${where}); remove one`
              : `resource '${what}' is already claimed by service '${clash.service}' (${where}); ` +
                'a resource belongs to one service, so remove it here or set stack on both to tell them apart',
        });
        return;
      }
      const claim: Claim = { stack, service: service.name, index, resource: r };
      if (same === undefined) {
        claims.set(logicalId, [claim]);
      } else {
        same.push(claim);
      }
    });
  }
  return issues;
}

/** A resource claimed by a service: `services[index].resources[resource]`. */
interface Claim {
  readonly stack?: string;
  readonly service: string;
  readonly index: number;
  readonly resource: number;
}
