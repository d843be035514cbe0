import { TAG_SERVICE, isUnresolved } from '../model';
import type {
  Alarm,
  BackupPlan,
  BackupSelection,
  Compute,
  DnsRecord,
  EventRule,
  HealthCheck,
  Inventory,
  InventoryEntry,
  InventoryResource,
  ResourceId,
  Store,
  Vault,
} from '../model';

/** Stores and compute: the entries a service can be made of. */
export type MemberEntry = Store | Compute;

/** Lookup tables over an {@link Inventory}, built once per assessment. */
export interface InventoryIndex {
  readonly resources: ReadonlyMap<ResourceId, InventoryResource>;
  readonly stores: ReadonlyMap<ResourceId, Store>;
  readonly computes: ReadonlyMap<ResourceId, Compute>;
  /** Stores and compute by exact logical ID. */
  readonly membersByLogicalId: ReadonlyMap<string, readonly MemberEntry[]>;
  /** Stores and compute by logical ID without a CDK hash suffix (`OrdersTable` for `OrdersTableA1B2C3D4`). */
  readonly membersByLogicalIdBase: ReadonlyMap<string, readonly MemberEntry[]>;
  /** Stores and compute by construct path segment (built on first use: the last resort of a reference). */
  readonly membersByPathSegment: ReadonlyMap<string, readonly MemberEntry[]>;
  /**
   * Stores and compute by the lower-cased value of their `continuity:service` tag (the only tag
   * membership reads: indexing every tag of every resource cost memory for nothing).
   */
  readonly membersByServiceTag: ReadonlyMap<string, readonly MemberEntry[]>;
  /** Replica stores by the id of the store they copy. */
  readonly replicasBySource: ReadonlyMap<ResourceId, readonly Store[]>;
  readonly backupPlans: ReadonlyMap<ResourceId, BackupPlan>;
  /** Selections by plan id. */
  readonly selectionsByPlan: ReadonlyMap<ResourceId, readonly BackupSelection[]>;
  /** Selections whose plan is unknown until deploy. */
  readonly selectionsWithUnresolvedPlan: readonly BackupSelection[];
  readonly vaults: ReadonlyMap<ResourceId, Vault>;
  /** Vaults by literal name. */
  readonly vaultsByName: ReadonlyMap<string, Vault>;
  readonly healthChecks: ReadonlyMap<ResourceId, HealthCheck>;
  /**
   * Route 53 records by the resource they point at; a record whose health check is tagged
   * `continuity:service: <name>` also counts for every store and compute tagged the same (records
   * in front of a load balancer or an external endpoint name no member themselves).
   */
  readonly recordsByTarget: ReadonlyMap<ResourceId, readonly DnsRecord[]>;
  /** Alarms by `Namespace/MetricName`. */
  readonly alarmsByMetric: ReadonlyMap<string, readonly Alarm[]>;
  /** Alarms whose namespace or metric is unknown until deploy. */
  readonly alarmsWithUnresolvedMetric: readonly Alarm[];
  /**
   * Alarms by {@link metricDimensionKey} of their metric and each known dimension value (each
   * alarm once per distinct value).
   */
  readonly alarmsByMetricDimension: ReadonlyMap<string, readonly Alarm[]>;
  /** Alarms with at least one dimension value unknown until deploy, by `Namespace/MetricName`. */
  readonly alarmsWithUnresolvedDimension: ReadonlyMap<string, readonly Alarm[]>;
  /** EventBridge rules whose pattern has `source` `aws.backup`. */
  readonly backupEventRules: readonly EventRule[];
  /** EventBridge rules whose pattern is unknown until deploy. */
  readonly eventRulesWithUnresolvedPattern: readonly EventRule[];
}

/** Strips a CDK logical ID hash suffix (8 upper-case hex characters), if present. */
export function logicalIdBase(logicalId: string): string | undefined {
  const match = /^(.+?)[0-9A-F]{8}$/.exec(logicalId);
  return match ? match[1] : undefined;
}

/** Key of {@link InventoryIndex.alarmsByMetric}. */
export function metricKey(namespace: string, metricName: string): string {
  return `${namespace}/${metricName}`;
}

/** Key of {@link InventoryIndex.alarmsByMetricDimension}. */
export function metricDimensionKey(metric: string, dimensionValue: string): string {
  return `${metric}\u0000${dimensionValue}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

function pathSegments(entry: InventoryEntry): readonly string[] {
  const path = entry.location.path;
  return path ? path.split('/').filter((s) => s.length > 0) : [];
}

function indexPathSegments(members: readonly MemberEntry[]): Map<string, MemberEntry[]> {
  const bySegment = new Map<string, MemberEntry[]>();
  for (const entry of members) {
    for (const segment of new Set(pathSegments(entry))) {
      push(bySegment, segment, entry);
    }
  }
  return bySegment;
}

function eventPatternSources(pattern: Readonly<Record<string, unknown>>): readonly string[] {
  const source = pattern.source;
  if (typeof source === 'string') {
    return [source];
  }
  return Array.isArray(source) ? source.filter((s): s is string => typeof s === 'string') : [];
}

/** Builds the lookup tables for `inventory`, in one pass over each list. */
export function indexInventory(inventory: Inventory): InventoryIndex {
  const resources = new Map<ResourceId, InventoryResource>();
  for (const r of inventory.resources) {
    resources.set(r.id, r);
  }

  const stores = new Map<ResourceId, Store>();
  const computes = new Map<ResourceId, Compute>();
  const membersByLogicalId = new Map<string, MemberEntry[]>();
  const membersByLogicalIdBase = new Map<string, MemberEntry[]>();
  let membersByPathSegment: Map<string, MemberEntry[]> | undefined; // built on first use
  const membersByServiceTag = new Map<string, MemberEntry[]>();
  const replicasBySource = new Map<ResourceId, Store[]>();

  const addMember = (entry: MemberEntry): void => {
    push(membersByLogicalId, entry.location.logicalId, entry);
    const base = logicalIdBase(entry.location.logicalId);
    if (base !== undefined) {
      push(membersByLogicalIdBase, base, entry);
    }
    const service = entry.tags[TAG_SERVICE];
    if (service !== undefined && !isUnresolved(service)) {
      push(membersByServiceTag, service.toLowerCase(), entry);
    }
  };
  for (const s of inventory.stores) {
    stores.set(s.id, s);
    addMember(s);
    if (s.replicaOf !== undefined) {
      push(replicasBySource, s.replicaOf, s);
    }
  }
  for (const c of inventory.computes) {
    computes.set(c.id, c);
    addMember(c);
  }

  const backupPlans = new Map(inventory.backupPlans.map((p) => [p.id, p] as const));
  const selectionsByPlan = new Map<ResourceId, BackupSelection[]>();
  const selectionsWithUnresolvedPlan: BackupSelection[] = [];
  for (const sel of inventory.backupSelections) {
    if (isUnresolved(sel.plan)) {
      selectionsWithUnresolvedPlan.push(sel);
    } else {
      push(selectionsByPlan, sel.plan, sel);
    }
  }

  const vaults = new Map<ResourceId, Vault>();
  const vaultsByName = new Map<string, Vault>();
  for (const v of inventory.vaults) {
    vaults.set(v.id, v);
    if (typeof v.name === 'string') {
      vaultsByName.set(v.name, v);
    }
  }

  const healthChecks = new Map(inventory.healthChecks.map((h) => [h.id, h] as const));
  const recordsByTarget = new Map<ResourceId, DnsRecord[]>();
  for (const rec of inventory.dnsRecords) {
    const targets = new Set(rec.targets);
    const check =
      typeof rec.healthCheck === 'string' ? healthChecks.get(rec.healthCheck) : undefined;
    const service = check?.tags[TAG_SERVICE];
    if (typeof service === 'string') {
      for (const m of membersByServiceTag.get(service.toLowerCase()) ?? []) {
        targets.add(m.id);
      }
    }
    for (const t of targets) {
      push(recordsByTarget, t, rec);
    }
  }

  const alarmsByMetric = new Map<string, Alarm[]>();
  const alarmsWithUnresolvedMetric: Alarm[] = [];
  const alarmsByMetricDimension = new Map<string, Alarm[]>();
  const alarmsWithUnresolvedDimension = new Map<string, Alarm[]>();
  for (const a of inventory.alarms) {
    if (isUnresolved(a.namespace) || isUnresolved(a.metricName)) {
      alarmsWithUnresolvedMetric.push(a);
    } else if (a.namespace !== undefined && a.metricName !== undefined) {
      const metric = metricKey(a.namespace, a.metricName);
      push(alarmsByMetric, metric, a);
      const values = new Set<string>();
      let unresolved = false;
      for (const value of Object.values(a.dimensions)) {
        if (isUnresolved(value)) {
          unresolved = true;
        } else {
          values.add(value);
        }
      }
      for (const value of values) {
        push(alarmsByMetricDimension, metricDimensionKey(metric, value), a);
      }
      if (unresolved) {
        push(alarmsWithUnresolvedDimension, metric, a);
      }
    }
  }

  const backupEventRules: EventRule[] = [];
  const eventRulesWithUnresolvedPattern: EventRule[] = [];
  for (const e of inventory.eventRules) {
    if (isUnresolved(e.eventPattern)) {
      eventRulesWithUnresolvedPattern.push(e);
    } else if (e.eventPattern && eventPatternSources(e.eventPattern).includes('aws.backup')) {
      backupEventRules.push(e);
    }
  }

  return {
    resources,
    stores,
    computes,
    membersByLogicalId,
    membersByLogicalIdBase,
    get membersByPathSegment() {
      membersByPathSegment ??= indexPathSegments([...inventory.stores, ...inventory.computes]);
      return membersByPathSegment;
    },
    membersByServiceTag,
    replicasBySource,
    backupPlans,
    selectionsByPlan,
    selectionsWithUnresolvedPlan,
    vaults,
    vaultsByName,
    healthChecks,
    recordsByTarget,
    alarmsByMetric,
    alarmsWithUnresolvedMetric,
    alarmsByMetricDimension,
    alarmsWithUnresolvedDimension,
    backupEventRules,
    eventRulesWithUnresolvedPattern,
  };
}
