import { formatDuration } from '../duration/format-duration';
import type { Disruption } from '../model/disruption';
import type { RecoveryTier } from '../model/spec';
import { didYouMean } from '../regions/closest-match';
import { looserDisruptions } from '../tiers/looser-disruptions';
import type { IndexedService } from './indexed-service';
import type { SpecIssue } from './spec-issue';

/**
 * Dependencies name declared services, are at least as strict as the dependent, and form no cycle.
 *
 * @param knownNames - every service name in the document, including services with other issues,
 * so one mistake does not cascade into "unknown service" issues
 */
export function checkDependencies(
  services: readonly IndexedService[],
  tiers: Readonly<Record<string, RecoveryTier>>,
  knownNames: readonly string[],
): SpecIssue[] {
  const byName = new Map<string, IndexedService>();
  for (const entry of services) {
    if (!byName.has(entry.service.name)) {
      byName.set(entry.service.name, entry);
    }
  }
  const issues: SpecIssue[] = [];
  for (const { index, service } of services) {
    service.dependsOn.forEach((name, d) => {
      const segments = ['services', index, 'dependsOn', d];
      if (service.dependsOn.indexOf(name) !== d) {
        issues.push({
          segments,
          message: `service '${name}' is listed twice in dependsOn; remove one`,
        });
        return;
      }
      if (!knownNames.includes(name)) {
        issues.push({
          segments,
          message:
            `unknown service '${name}'${didYouMean(name, knownNames)}; ` +
            'declare it under services or remove the dependency',
        });
        return;
      }
      const dependency = byName.get(name);
      const own = tiers[service.tier];
      const theirs = dependency ? tiers[dependency.service.tier] : undefined;
      if (!dependency || !own || !theirs || name === service.name) {
        return;
      }
      const looser = looserDisruptions(theirs, own);
      if (looser.length > 0) {
        issues.push({
          segments,
          message:
            `service '${service.name}' (tier ${own.name}) depends on '${name}' (tier ${theirs.name}), ` +
            `which promises less on ${looser.map((x) => describeGap(x, theirs, own)).join('; ')}; ` +
            `put '${name}' on tier ${own.name} or a stricter one, or remove the dependency`,
        });
      }
    });
  }
  return [...issues, ...findCycles(byName)];
}

function describeGap(disruption: Disruption, theirs: RecoveryTier, own: RecoveryTier): string {
  const offered = theirs.objectives[disruption];
  const wanted = own.objectives[disruption];
  if (!offered || !wanted) {
    return `${disruption} (no objective declared)`;
  }
  const gaps: string[] = [];
  if (offered.rtoSeconds > wanted.rtoSeconds) {
    gaps.push(`rto ${formatDuration(offered.rtoSeconds)} > ${formatDuration(wanted.rtoSeconds)}`);
  }
  if (offered.rpoSeconds > wanted.rpoSeconds) {
    gaps.push(`rpo ${formatDuration(offered.rpoSeconds)} > ${formatDuration(wanted.rpoSeconds)}`);
  }
  return `${disruption} (${gaps.join(', ')})`;
}

function findCycles(byName: ReadonlyMap<string, IndexedService>): SpecIssue[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const cycles = new Map<string, string[]>();
  const visit = (name: string): void => {
    state.set(name, 'visiting');
    stack.push(name);
    for (const next of byName.get(name)?.service.dependsOn ?? []) {
      if (!byName.has(next)) {
        continue;
      }
      if (state.get(next) === 'visiting') {
        const cycle = stack.slice(stack.indexOf(next));
        const canonical = rotateToSmallest(cycle);
        cycles.set(canonical.join('\u0000'), canonical);
      } else if (state.get(next) === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of byName.keys()) {
    if (state.get(name) === undefined) {
      visit(name);
    }
  }
  return [...cycles.values()].map((cycle) => ({
    segments: ['services', byName.get(cycle[0])!.index, 'dependsOn'],
    message:
      `dependency cycle ${[...cycle, cycle[0]].join(' -> ')}; services cannot recover when each ` +
      'waits for the other, so remove one of these dependencies',
  }));
}

function rotateToSmallest(cycle: readonly string[]): string[] {
  let start = 0;
  cycle.forEach((name, i) => {
    if (name < cycle[start]) {
      start = i;
    }
  });
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}
