import { ROUTE53 } from '../facts';
import { isUnresolved } from '../model';
import { backupProtection } from './backup-protection';
import type { Named } from '../objectives';
import type { StoreCoverage } from './assessment-context';
import type { BackupProtectionResult, LocationContext } from './backup-protection';
import type { MemberEntry } from './index-inventory';
import type {
  BackupRule,
  Compute,
  ComputeProtection,
  DnsRecord,
  FailoverProtection,
  InventoryEntry,
  Known,
  ReplicaProtection,
  ResourceId,
  ServiceProtection,
  Store,
  StoreProtection,
} from '../model';

/** A service's members split by role, and its normalized protection. */
export interface BuiltProtection {
  /** Source stores in the primary Region (not replicas, not recovery-Region copies). */
  readonly stores: readonly Store[];
  /** Replica stores and stores in the recovery Region that belong to the service. */
  readonly standbyStores: readonly Store[];
  /** Compute in the primary Region. */
  readonly computes: readonly Compute[];
  /** Compute in the recovery Region (standby capacity). */
  readonly standbyComputes: readonly Compute[];
  /** Route 53 records that route to the service. */
  readonly records: readonly DnsRecord[];
  /** Protection built from the resources, passed to the objective calculator. */
  readonly protection: ServiceProtection;
  /** The protection of each source store, by id. */
  readonly storeProtection: ReadonlyMap<ResourceId, StoreProtection>;
  /** Settings left out of {@link protection} because they are unknown until deploy. */
  readonly unknowns: readonly string[];
}

/** Inputs to {@link buildServiceProtection}. */
export interface ProtectionInputs extends LocationContext {
  readonly recoveryRegion: string;
  readonly coverage: ReadonlyMap<ResourceId, StoreCoverage>;
}

/** Region of an entry; a stack with no region is assumed to deploy to the primary Region. */
export function regionOf(entry: InventoryEntry, defaultRegion: string): string {
  return isUnresolved(entry.region) ? defaultRegion : entry.region;
}

/** `value`, or `fallback` with a note in `unknowns` when it is known only at deploy time (`what` of `of`). */
function known<T>(value: Known<T>, fallback: T, unknowns: string[], what: string, of: string): T {
  if (isUnresolved(value)) {
    unknowns.push(
      `${what} of ${of} is known only at deploy time (${value.expression}); assumed ${String(fallback)}`,
    );
    return fallback;
  }
  return value;
}

interface BuiltRule {
  readonly result: BackupProtectionResult;
  /** The protection as JSON, to pass identical protections once. */
  readonly key: string;
}

const BUILT_RULES = new WeakMap<ProtectionInputs, Map<BackupRule, BuiltRule>>();

/** Backup rules already normalized with `inputs` (one assessment). */
function builtRules(inputs: ProtectionInputs): Map<BackupRule, BuiltRule> {
  let built = BUILT_RULES.get(inputs);
  if (built === undefined) {
    built = new Map();
    BUILT_RULES.set(inputs, built);
  }
  return built;
}

function storeProtection(
  store: Store,
  sizeGiB: number | undefined,
  inputs: ProtectionInputs,
  unknowns: string[],
): Named<StoreProtection> {
  const name = store.id;
  // Unknown settings are assumed off, so they never count as protection (fail closed).
  const multiAz = known(store.multiAz, false, unknowns, 'Multi-AZ', name);
  const pitr = known(store.pointInTimeRecovery, false, unknowns, 'point-in-time recovery', name);
  const pitrDays = store.pitrRetentionDays;
  const versioning =
    store.versioning === undefined
      ? undefined
      : known(store.versioning, false, unknowns, 'versioning', name);
  const replicas: ReplicaProtection[] = [];
  for (const r of store.replicas) {
    if (isUnresolved(r.region)) {
      unknowns.push(
        `Region of the ${r.mechanism} replica of ${name} is known only at deploy time; not counted`,
      );
      continue;
    }
    const replicaPitr =
      r.pointInTimeRecovery === undefined
        ? undefined
        : known(
            r.pointInTimeRecovery,
            false,
            unknowns,
            'point-in-time recovery of the replica',
            name,
          );
    replicas.push({
      mechanism: r.mechanism,
      region: r.region,
      ...(replicaPitr === undefined ? {} : { pointInTimeRecovery: replicaPitr }),
    });
  }
  const coverage = inputs.coverage.get(store.id);
  const backups = [];
  // Tag selections of many plans can cover one store with identical rules: normalize each rule
  // once per assessment and pass each distinct protection once (duplicates never change a path).
  const built = builtRules(inputs);
  const distinct = new Set<string>();
  for (const c of coverage?.rules ?? []) {
    let entry = built.get(c.rule);
    if (entry === undefined) {
      const result = backupProtection(c, inputs);
      entry = {
        result,
        key: result.protection === undefined ? '' : JSON.stringify(result.protection),
      };
      built.set(c.rule, entry);
    }
    unknowns.push(...entry.result.unknowns);
    if (entry.result.protection && !distinct.has(entry.key)) {
      distinct.add(entry.key);
      backups.push(entry.result.protection);
    }
  }
  for (const u of coverage?.uncertain ?? []) {
    unknowns.push(`${u.reason}; not counted as protection of ${name}`);
  }
  return {
    name: store.location.logicalId,
    kind: store.kind,
    region: regionOf(store, inputs.defaultRegion),
    ...(sizeGiB === undefined ? {} : { sizeGiB }),
    multiAz,
    ...(pitr
      ? {
          pointInTimeRecovery: {
            // The window length does not change the achieved RPO; an unknown window counts as the shortest.
            retentionDays: pitrDays === undefined || isUnresolved(pitrDays) ? 1 : pitrDays,
          },
        }
      : {}),
    ...(versioning === undefined ? {} : { versioning }),
    backups,
    replicas,
  };
}

function computeProtection(
  compute: Compute,
  standby: Compute | undefined,
  inputs: ProtectionInputs,
  unknowns: string[],
): Named<ComputeProtection> {
  const name = compute.id;
  const recovery =
    standby === undefined
      ? undefined
      : known(standby.desiredCapacity, 0, unknowns, 'desired capacity', standby.id);
  return {
    name: compute.location.logicalId,
    kind: compute.kind,
    region: regionOf(compute, inputs.defaultRegion),
    primaryCapacity: known(compute.desiredCapacity, 1, unknowns, 'desired capacity', name),
    availabilityZones: known(compute.availabilityZones, 1, unknowns, 'Availability Zones', name),
    ...(recovery === undefined ? {} : { recoveryCapacity: recovery }),
  };
}

function failoverProtection(
  records: readonly DnsRecord[],
  inputs: ProtectionInputs,
  unknowns: string[],
): FailoverProtection | undefined {
  for (const rec of records) {
    if (rec.routing === 'simple' || rec.healthCheck === undefined) {
      continue;
    }
    if (isUnresolved(rec.healthCheck)) {
      unknowns.push(
        `health check of record ${rec.id} is known only at deploy time; DNS failover not counted`,
      );
      continue;
    }
    const check = inputs.index.healthChecks.get(rec.healthCheck);
    if (!check) {
      unknowns.push(
        `health check ${rec.healthCheck} of record ${rec.id} is not in the templates read; DNS failover not counted`,
      );
      continue;
    }
    if (
      isUnresolved(check.requestIntervalSeconds) ||
      isUnresolved(check.failureThreshold) ||
      isUnresolved(rec.ttlSeconds)
    ) {
      unknowns.push(
        `timing of health check ${check.id} or record ${rec.id} is known only at deploy time; DNS failover not counted`,
      );
      continue;
    }
    return {
      healthCheckIntervalSeconds: check.requestIntervalSeconds,
      failureThreshold: check.failureThreshold,
      // Alias records take the target's TTL; AWS's load balancers use 60 s (ROUTE53.ttl).
      ttlSeconds: rec.ttlSeconds ?? ROUTE53.ttl.seconds,
      routing: rec.routing,
    };
  }
  return undefined;
}

function pairStandby(
  primary: readonly Compute[],
  standby: readonly Compute[],
): Map<ResourceId, Compute> {
  const pairs = new Map<ResourceId, Compute>();
  const free = [...standby];
  const take = (pred: (c: Compute) => boolean): Compute | undefined => {
    const i = free.findIndex(pred);
    return i < 0 ? undefined : free.splice(i, 1)[0];
  };
  for (const c of primary) {
    const match =
      take((s) => s.kind === c.kind && s.location.logicalId === c.location.logicalId) ??
      take((s) => s.kind === c.kind);
    if (match) {
      pairs.set(c.id, match);
    }
  }
  return pairs;
}

/**
 * Splits a service's members into primary and standby and normalizes what protects them.
 *
 * Replica stores (`replicaOf`) and stores in the recovery Region are standby copies, not data
 * sets of their own; compute in the recovery Region is standby capacity for the primary compute
 * of the same kind (same logical ID first). Route 53 records pointing at members give the DNS
 * failover timing.
 */
export function buildServiceProtection(
  members: readonly MemberEntry[],
  sizeGiB: ReadonlyMap<ResourceId, number>,
  inputs: ProtectionInputs,
): BuiltProtection {
  const unknowns: string[] = [];
  const stores: Store[] = [];
  const standbyStores: Store[] = [];
  const computes: Compute[] = [];
  const standbyComputes: Compute[] = [];
  for (const m of members) {
    const standby = regionOf(m, inputs.defaultRegion) === inputs.recoveryRegion;
    if ('replicas' in m) {
      (m.replicaOf !== undefined || standby ? standbyStores : stores).push(m);
    } else {
      (standby ? standbyComputes : computes).push(m);
    }
  }
  const storeProtections = new Map<ResourceId, StoreProtection>();
  for (const s of stores) {
    storeProtections.set(s.id, storeProtection(s, sizeGiB.get(s.id), inputs, unknowns));
  }
  const pairs = pairStandby(computes, standbyComputes);
  const compute = computes.map((c) => computeProtection(c, pairs.get(c.id), inputs, unknowns));
  const recordSet = new Map<ResourceId, DnsRecord>();
  if (inputs.index.recordsByTarget.size > 0) {
    for (const m of [...computes, ...standbyComputes, ...stores]) {
      for (const rec of inputs.index.recordsByTarget.get(m.id) ?? []) {
        recordSet.set(rec.id, rec);
      }
    }
  }
  const records = [...recordSet.values()];
  const failover = failoverProtection(records, inputs, unknowns);
  return {
    stores,
    standbyStores,
    computes,
    standbyComputes,
    records,
    storeProtection: storeProtections,
    protection: {
      stores: [...storeProtections.values()],
      compute,
      ...(failover ? { failover } : {}),
      recoveryRegion: inputs.recoveryRegion,
    },
    unknowns,
  };
}
