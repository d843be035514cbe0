import { weakestBasis } from '../facts';
import type { Achievement, Basis, Disruption, ServiceProtection } from '../model';
import { achieveCompute, trafficSwitch } from './achieve-compute';
import { achieveStore } from './achieve-store';
import { fmt } from './recovery-path';

/**
 * What a service achieves for one disruption, worst case.
 *
 * RPO is the worst over its stores. RTO is the worst over its stores and its compute (they
 * recover in parallel) plus, for `region`, the time to move traffic: DNS failover detection
 * (interval × failure threshold + TTL), or a manual cut-over when no failover records exist.
 * `null` when any store cannot recover. `basis` is the weakest basis of the numbers used.
 */
export function achieve(protection: ServiceProtection, disruption: Disruption): Achievement {
  const stores = protection.stores.map((s) =>
    achieveStore(s, disruption, protection.recoveryRegion),
  );
  const compute = achieveCompute(protection.compute, disruption);
  const traffic =
    disruption === 'region'
      ? trafficSwitch(protection.failover, protection.compute.length > 0)
      : undefined;
  const lost = stores.filter((s) => s.rpoSeconds === null || s.rtoSeconds === null);
  if (lost.length > 0) {
    return {
      rpoSeconds: null,
      rtoSeconds: null,
      basis: 'estimate',
      explanation: [
        `not recoverable from ${disruption} loss`,
        ...lost.flatMap((s) => s.explanation),
      ],
    };
  }
  if (stores.length === 0 && protection.compute.length === 0) {
    return {
      rpoSeconds: 0,
      rtoSeconds: 0,
      basis: 'estimate',
      explanation: ['no store and no compute declared: nothing to recover'],
    };
  }
  const rpo = Math.max(0, ...stores.map((s) => s.rpoSeconds as number));
  const storeRto = Math.max(0, ...stores.map((s) => s.rtoSeconds as number));
  const parallel = Math.max(storeRto, compute.rtoSeconds);
  const rto = parallel + (traffic?.rtoSeconds ?? 0);
  const bases: Basis[] = [
    ...stores.map((s) => s.basis),
    ...(protection.compute.length ? [compute.basis] : []),
  ];
  if (traffic && traffic.explanation.length) bases.push(traffic.basis);
  const summary = [`RPO ${fmt(rpo)} = worst of ${stores.length} store(s)`];
  if (traffic && traffic.explanation.length) {
    summary.push(
      `RTO ${fmt(rto)} = ${fmt(traffic.rtoSeconds)} traffic switch + max(stores ${fmt(storeRto)}, compute ${fmt(compute.rtoSeconds)})`,
    );
  } else {
    summary.push(
      `RTO ${fmt(rto)} = max(stores ${fmt(storeRto)}, compute ${fmt(compute.rtoSeconds)})`,
    );
  }
  return {
    rpoSeconds: rpo,
    rtoSeconds: rto,
    basis: bases.length ? weakestBasis(...bases) : 'estimate',
    explanation: [
      ...summary,
      ...stores.flatMap((s) => s.explanation),
      ...compute.explanation,
      ...(traffic?.explanation ?? []),
    ],
  };
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
