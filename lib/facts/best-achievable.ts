import type { Basis, Disruption, Objective, StoreKind } from '../model';
import { CAPABILITIES, type Capability } from './capabilities';
import { weakestBasis } from './doc-source';
import { RESTORE_ESTIMATES } from './restore-estimates';

/** The best objective any mechanism gives, with the mechanisms that give it. */
export interface BestAchievable extends Objective {
  /** Ids of the capabilities giving the best RPO and the best RTO. */
  readonly mechanisms: readonly string[];
  readonly basis: Basis;
}

/** Capabilities that exist for a store kind and recover from a disruption. */
export function capabilitiesFor(kind: StoreKind, disruption: Disruption): readonly Capability[] {
  return (CAPABILITIES as readonly Capability[]).filter(
    (c) => c.storeKinds.includes(kind) && c.disruptions.includes(disruption),
  );
}

/**
 * The best worst-case RPO and RTO any mechanism can give a store kind for a disruption.
 *
 * RPO and RTO are minimised independently, so the result is a lower bound: an objective below
 * it is unreachable (e.g. region RPO 0 on S3, whose best is 15 min with Replication Time Control).
 * Restores count with their fixed part only (a store of size 0). `undefined` when no mechanism
 * recovers the kind from the disruption.
 */
export function bestAchievable(
  kind: StoreKind,
  disruption: Disruption,
): BestAchievable | undefined {
  const key = `${kind}/${disruption}`;
  if (!BEST.has(key)) {
    BEST.set(key, computeBest(kind, disruption));
  }
  return BEST.get(key);
}

/** {@link bestAchievable} per `kind/disruption`: the capability table is constant. */
const BEST = new Map<string, BestAchievable | undefined>();

function computeBest(kind: StoreKind, disruption: Disruption): BestAchievable | undefined {
  const caps = capabilitiesFor(kind, disruption);
  if (caps.length === 0) return undefined;
  const rtoOf = (c: Capability): number =>
    c.rto === 'restore' ? RESTORE_ESTIMATES[kind].baseSeconds : c.rto.seconds;
  const bestRpo = caps.reduce((a, b) => (b.rpo.seconds < a.rpo.seconds ? b : a));
  const bestRto = caps.reduce((a, b) => (rtoOf(b) < rtoOf(a) ? b : a));
  const rtoBasis = bestRto.rto === 'restore' ? 'estimate' : bestRto.rto.basis;
  return {
    rpoSeconds: bestRpo.rpo.seconds,
    rtoSeconds: rtoOf(bestRto),
    mechanisms: [...new Set([bestRpo.id, bestRto.id])],
    basis: weakestBasis(bestRpo.rpo.basis, rtoBasis),
  };
}
