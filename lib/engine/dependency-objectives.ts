import { weakestBasis } from '../facts';
import { formatDuration } from '../duration';
import { DISRUPTIONS } from '../model';
import type { Achievement, Disruption } from '../model';

/** One service's own achievements and what it depends on. */
export interface DependencyNode {
  readonly name: string;
  readonly dependsOn: readonly string[];
  readonly own: Readonly<Record<Disruption, Achievement>>;
}

/** Achievements after dependencies, and which dependencies made them worse. */
export interface PropagatedAchievements {
  readonly achieved: Readonly<Record<Disruption, Achievement>>;
  readonly limitedBy: Readonly<Partial<Record<Disruption, readonly string[]>>>;
}

/** The worse of two achieved values; `null` (not recoverable) is the worst. */
function worse(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.max(a, b);
}

function show(seconds: number | null): string {
  return seconds === null ? 'not recoverable' : formatDuration(seconds);
}

/**
 * Applies dependencies: a service cannot recover sooner, or with less data loss, than the
 * services it needs to work.
 *
 * For each disruption, a service's achieved RTO and RPO become the worst of its own and those of
 * every service it depends on, directly or transitively (the dependency must be back before the
 * dependent service serves again, and data the dependency loses is lost to the dependent too).
 * The explanation says which dependency set the number. Names compare case-insensitively; unknown
 * names are ignored (spec validation reports them) and a cycle stops at the service already on
 * the path (spec validation reports cycles).
 */
export function propagateDependencies(
  nodes: readonly DependencyNode[],
): ReadonlyMap<string, PropagatedAchievements> {
  const byName = new Map(nodes.map((n) => [n.name.toLowerCase(), n] as const));
  const done = new Map<string, PropagatedAchievements>();
  const visiting = new Set<string>();

  const visit = (node: DependencyNode): PropagatedAchievements => {
    const key = node.name.toLowerCase();
    const cached = done.get(key);
    if (cached) {
      return cached;
    }
    visiting.add(key);
    const achieved = { ...node.own } as Record<Disruption, Achievement>;
    const limitedBy: Partial<Record<Disruption, string[]>> = {};
    for (const depName of node.dependsOn) {
      const dep = byName.get(depName.toLowerCase());
      if (!dep || visiting.has(dep.name.toLowerCase())) {
        continue;
      }
      const depAchieved = visit(dep).achieved;
      for (const d of DISRUPTIONS) {
        const mine = achieved[d];
        const theirs = depAchieved[d];
        const rto = worse(mine.rtoSeconds, theirs.rtoSeconds);
        const rpo = worse(mine.rpoSeconds, theirs.rpoSeconds);
        if (rto === mine.rtoSeconds && rpo === mine.rpoSeconds) {
          continue;
        }
        achieved[d] = {
          rtoSeconds: rto,
          rpoSeconds: rpo,
          basis: weakestBasis(mine.basis, theirs.basis),
          explanation: [
            ...mine.explanation,
            `limited by dependency '${dep.name}' (achieved RTO ${show(theirs.rtoSeconds)}, RPO ${show(theirs.rpoSeconds)})`,
          ],
        };
        (limitedBy[d] ??= []).push(dep.name);
      }
    }
    visiting.delete(key);
    const result = { achieved, limitedBy };
    done.set(key, result);
    return result;
  };

  for (const n of nodes) {
    visit(n);
  }
  return done;
}
