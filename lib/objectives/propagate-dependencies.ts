import { weakestBasis } from '../facts';
import { LazyAchievement, fmt } from './recovery-path';
import type { Achievement, Basis, Disruption } from '../model';

/**
 * Disruptions that hit a service and everything it depends on at once, so a service recovers
 * no sooner, and keeps no more data, than its dependencies.
 *
 * `application` is not one: a bad deploy or corruption of one service is its own event, judged
 * by that service's own objectives.
 */
export const SHARED_FATE_DISRUPTIONS = [
  'az',
  'region',
  'account',
] as const satisfies readonly Disruption[];

/** One of {@link SHARED_FATE_DISRUPTIONS}. */
export type SharedFateDisruption = (typeof SHARED_FATE_DISRUPTIONS)[number];

/** True when dependencies bound a service's objectives for `disruption`. */
export function isSharedFate(disruption: Disruption): disruption is SharedFateDisruption {
  return (SHARED_FATE_DISRUPTIONS as readonly Disruption[]).includes(disruption);
}

/** Achievements per disruption, as the planner predicts or the engine measures them. */
export type AchievementsByDisruption = Readonly<Partial<Record<Disruption, Achievement>>>;

/** Names of the services each service needs to work, by service name. */
export type DependencyGraph = Readonly<Record<string, readonly string[]>>;

/** One service's achievements after its dependencies. */
export interface PropagatedAchievements<
  A extends AchievementsByDisruption = AchievementsByDisruption,
> {
  /** The service's own achievements, bounded by its dependencies for shared-fate disruptions. */
  readonly achieved: A;
  /** Dependencies (direct or transitive) whose values bound this service's, per disruption. */
  readonly limitedBy: Readonly<Partial<Record<Disruption, readonly string[]>>>;
}

/** Which service's own value sets a propagated RPO or RTO: the service itself or a dependency. */
interface Bound {
  readonly seconds: number | null;
  /** Name of the service whose own value this is. */
  readonly source: string;
  /** Services from the direct dependency down to {@link source} (empty when the service's own). */
  readonly path: readonly string[];
}

interface Propagated {
  readonly rpo: Bound;
  readonly rto: Bound;
  /** The weakest basis among the values that set {@link rpo} and {@link rto} so far. */
  readonly basis: Basis;
}

/** `a` is worse than `b`: `null` (not recoverable) is the worst. */
function isWorse(a: number | null, b: number | null): boolean {
  if (a === null) return b !== null;
  return b !== null && a > b;
}

function show(seconds: number | null): string {
  return seconds === null ? 'not recoverable' : fmt(seconds);
}

function via(bound: Bound): string {
  const through = bound.path.slice(0, -1);
  return through.length === 0
    ? `dependency '${bound.source}'`
    : `dependency '${bound.source}' via ${through.map((n) => `'${n}'`).join(' → ')}`;
}

/**
 * Bounds each service's achievements by those of the services it depends on, for the
 * {@link SHARED_FATE_DISRUPTIONS} only.
 *
 * For `az`, `region` and `account`, one event takes a service and its dependencies down together:
 * the service serves again only when every dependency does, and data a dependency loses is lost
 * to it too. So its RPO and RTO become the worst of its own and those of every service it
 * depends on, directly or transitively, and the explanation names the dependency (and the path
 * to it) that sets each value. `application` achievements are returned unchanged. The planner
 * (predicted) and the engine (achieved) both call this, so they cannot disagree.
 *
 * Names compare case-insensitively and results are keyed by lower-cased name. Unknown names are
 * ignored, and services on a dependency cycle all get the worst value of the cycle, without
 * looping (spec validation reports both); a dependency with no value for a disruption bounds
 * nothing.
 */
export function propagateDependencies<A extends AchievementsByDisruption>(
  own: Readonly<Record<string, A>>,
  dependsOn: DependencyGraph,
): ReadonlyMap<string, PropagatedAchievements<A>> {
  const names = new Map(Object.keys(own).map((n) => [n.toLowerCase(), n] as const));
  const edges = new Map<string, string[]>();
  for (const [name, deps] of Object.entries(dependsOn)) {
    const key = name.toLowerCase();
    if (!names.has(key)) continue;
    const known = deps.map((d) => d.toLowerCase()).filter((d) => names.has(d) && d !== key);
    edges.set(key, [...(edges.get(key) ?? []), ...known]);
  }
  const bounds = new Map<string, Partial<Record<Disruption, Propagated>>>();
  for (const [key, name] of names) {
    const mine = own[name] as AchievementsByDisruption;
    const out: Partial<Record<Disruption, Propagated>> = {};
    for (const d of SHARED_FATE_DISRUPTIONS) {
      const a = mine[d];
      if (!a) continue;
      out[d] = {
        rpo: { seconds: a.rpoSeconds, source: name, path: [] },
        rto: { seconds: a.rtoSeconds, source: name, path: [] },
        basis: a.basis,
      };
    }
    bounds.set(key, out);
  }
  // Relax until nothing changes: each value only ever gets worse and comes from a finite set of
  // own values, so this ends, and a cycle gives every service on it the worst value of the cycle
  // whatever the order (no memoized half-result as a depth-first walk would leave).
  let changed = true;
  while (changed) {
    changed = false;
    for (const [key, deps] of edges) {
      const out = bounds.get(key) as Partial<Record<Disruption, Propagated>>;
      for (const depKey of deps) {
        const theirs = bounds.get(depKey) as Partial<Record<Disruption, Propagated>>;
        const dep = names.get(depKey) as string;
        for (const d of SHARED_FATE_DISRUPTIONS) {
          const current = out[d];
          const other = theirs[d];
          if (!current || !other) continue;
          const rpoWorse = isWorse(other.rpo.seconds, current.rpo.seconds);
          const rtoWorse = isWorse(other.rto.seconds, current.rto.seconds);
          if (!rpoWorse && !rtoWorse) continue;
          out[d] = {
            rpo: rpoWorse ? { ...other.rpo, path: [dep, ...other.rpo.path] } : current.rpo,
            rto: rtoWorse ? { ...other.rto, path: [dep, ...other.rto.path] } : current.rto,
            basis: weakestBasis(current.basis, other.basis),
          };
          changed = true;
        }
      }
    }
  }

  const result = new Map<string, PropagatedAchievements<A>>();
  for (const [key, name] of names) {
    const mine = own[name] as A;
    const propagated = bounds.get(key) as Partial<Record<Disruption, Propagated>>;
    const achieved: Partial<Record<Disruption, Achievement>> = { ...mine };
    const limitedBy: Partial<Record<Disruption, string[]>> = {};
    for (const d of SHARED_FATE_DISRUPTIONS) {
      const p = propagated[d];
      const base = mine[d];
      if (!p || !base) continue;
      const bounds = [p.rpo, p.rto].filter((b) => b.path.length > 0);
      if (bounds.length === 0) continue;
      const line = (what: 'RPO' | 'RTO', bound: Bound, ownSeconds: number | null): string =>
        `${what} ${show(bound.seconds)} bound by ${via(bound)} (own ${what} ${show(ownSeconds)}; ` +
        `one ${d} event takes both down)`;
      achieved[d] = new LazyAchievement(
        p.rpo.seconds,
        p.rto.seconds,
        weakestBasis(base.basis, p.basis),
        () => [
          ...base.explanation,
          ...(p.rpo.path.length > 0 ? [line('RPO', p.rpo, base.rpoSeconds)] : []),
          ...(p.rto.path.length > 0 ? [line('RTO', p.rto, base.rtoSeconds)] : []),
        ],
      );
      limitedBy[d] = [...new Set(bounds.map((b) => b.source))];
    }
    result.set(key, { achieved: achieved as A, limitedBy });
  }
  return result;
}
