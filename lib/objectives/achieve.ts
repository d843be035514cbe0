import { weakestBasis } from '../facts';
import type { Achievement, Basis, Disruption, ServiceProtection } from '../model';
import { achieveCompute, trafficSwitch } from './achieve-compute';
import { achieveStore } from './achieve-store';
import { LazyAchievement, fmt } from './recovery-path';

/**
 * What a service achieves for one disruption, worst case.
 *
 * RPO is the worst over its stores. RTO is the worst over its stores and its compute (they
 * recover in parallel) plus, for `region`, the time to move traffic: DNS failover detection
 * (interval × failure threshold + TTL), or a manual cut-over when no failover records exist.
 * `null` when any store cannot recover. `basis` is the weakest basis of the numbers used.
 */
export function achieve(protection: ServiceProtection, disruption: Disruption): Achievement {
  const stores: Achievement[] = [];
  let lost = false;
  for (const s of protection.stores) {
    const a = achieveStore(s, disruption, protection.recoveryRegion);
    stores.push(a);
    lost ||= a.rpoSeconds === null || a.rtoSeconds === null;
  }
  if (lost) {
    return new LazyAchievement(null, null, 'estimate', () => {
      const explanation = [`not recoverable from ${disruption} loss`];
      for (const s of stores) {
        if (s.rpoSeconds === null || s.rtoSeconds === null) explanation.push(...s.explanation);
      }
      return explanation;
    });
  }
  const hasCompute = protection.compute.length > 0;
  if (stores.length === 0 && !hasCompute) {
    return {
      rpoSeconds: 0,
      rtoSeconds: 0,
      basis: 'estimate',
      explanation: ['no store and no compute declared: nothing to recover'],
    };
  }
  const compute = achieveCompute(protection.compute, disruption);
  const traffic =
    disruption === 'region' ? trafficSwitch(protection.failover, hasCompute) : undefined;
  // without compute there is no traffic to move (trafficSwitch: 0 s, no line)
  const switches = traffic !== undefined && hasCompute;
  let rpo = 0;
  let storeRto = 0;
  let basis: Basis | undefined;
  for (const s of stores) {
    rpo = Math.max(rpo, s.rpoSeconds as number);
    storeRto = Math.max(storeRto, s.rtoSeconds as number);
    basis = basis === undefined ? s.basis : weakestBasis(basis, s.basis);
  }
  if (hasCompute) basis = basis === undefined ? compute.basis : weakestBasis(basis, compute.basis);
  if (switches) basis = basis === undefined ? traffic.basis : weakestBasis(basis, traffic.basis);
  const rto = Math.max(storeRto, compute.rtoSeconds) + (traffic?.rtoSeconds ?? 0);
  return new LazyAchievement(rpo, rto, basis ?? 'estimate', () => {
    const explanation = [
      `RPO ${fmt(rpo)} = worst of ${stores.length} store(s)`,
      switches
        ? `RTO ${fmt(rto)} = ${fmt(traffic.rtoSeconds)} traffic switch + max(stores ${fmt(storeRto)}, compute ${fmt(compute.rtoSeconds)})`
        : `RTO ${fmt(rto)} = max(stores ${fmt(storeRto)}, compute ${fmt(compute.rtoSeconds)})`,
    ];
    for (const s of stores) explanation.push(...s.explanation);
    explanation.push(...compute.explain());
    if (traffic) explanation.push(...traffic.explain());
    return explanation;
  });
}

/** {@link achieve} for several disruptions. */
export function achieveAll(
  protection: ServiceProtection,
  disruptions: readonly Disruption[],
): Partial<Record<Disruption, Achievement>> {
  const out: Partial<Record<Disruption, Achievement>> = {};
  for (const d of disruptions) out[d] = achieve(protection, d);
  return out;
}
