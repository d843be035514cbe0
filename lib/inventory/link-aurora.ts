import type { ResourceId } from '../model/inventory';
import { isUnresolved } from '../model/unresolved';
import { settleAuroraMultiAz } from './aurora-multi-az';
import type { AuroraInstance } from './aurora-multi-az';
import type { InventoryBuilder, MutableStore } from './inventory-builder';
import { isRecord } from './raw';
import type { RawObject } from './raw';
import type { StackScope } from './stack-scope';
import { readReference, readString } from './values';

const GLOBAL_CLUSTER = 'AWS::RDS::GlobalCluster';

function propertiesOf(scope: StackScope, id: ResourceId): RawObject {
  const props = scope.index.resource(id)?.raw.Properties;
  return isRecord(props) ? props : {};
}

function scopeOf(
  scopes: ReadonlyMap<string, StackScope>,
  store: MutableStore,
): StackScope | undefined {
  return scopes.get(store.location.stack);
}

/**
 * True when a template has a resource of `type`. Most assemblies have no RDS resources, and then
 * the linkers need not look at every resource read.
 */
function anyOfType(scopes: ReadonlyMap<string, StackScope>, type: string): boolean {
  for (const scope of scopes.values()) {
    if (scope.stack.logicalIdsByType.has(type)) {
      return true;
    }
  }
  return false;
}

/** Settles `multiAz` of Aurora clusters from their `AWS::RDS::DBInstance`s. */
function linkInstances(out: InventoryBuilder, scopes: ReadonlyMap<string, StackScope>): void {
  const instances: AuroraInstance[] = [];
  const resources = anyOfType(scopes, 'AWS::RDS::DBInstance') ? out.resources : [];
  for (const resource of resources) {
    if (resource.type !== 'AWS::RDS::DBInstance') {
      continue;
    }
    const clusterRaw = resource.properties.DBClusterIdentifier;
    if (clusterRaw === undefined) {
      continue;
    }
    const scope = scopes.get(resource.location.stack);
    const ref = scope ? readReference(scope, clusterRaw, ['AWS::RDS::DBCluster']) : undefined;
    let clusterId = ref && !isUnresolved(ref) && 'id' in ref ? ref.id : undefined;
    if (scope && ref && !isUnresolved(ref) && 'literal' in ref) {
      const ids = scope.index.findByName('AWS::RDS::DBCluster', 'DBClusterIdentifier', ref.literal);
      clusterId = ids.length === 1 ? ids[0] : undefined;
    }
    const zone = scope ? readString(scope, resource.properties.AvailabilityZone) : undefined;
    instances.push({ cluster: clusterId, zone });
  }
  settleAuroraMultiAz(
    out.stores.filter((s) => s.kind === 'aurora' && s.type === 'AWS::RDS::DBCluster'),
    instances,
  );
}

/** Key of the global database a cluster belongs to: the GlobalCluster's id, or its literal name. */
function globalKey(scope: StackScope, store: MutableStore): string | undefined {
  const raw = propertiesOf(scope, store.id).GlobalClusterIdentifier;
  const ref = raw === undefined ? undefined : readReference(scope, raw, [GLOBAL_CLUSTER]);
  if (!ref || isUnresolved(ref)) {
    return undefined;
  }
  if ('id' in ref) {
    return ref.id;
  }
  const ids = scope.index.findByName(GLOBAL_CLUSTER, 'GlobalClusterIdentifier', ref.literal);
  return ids.length === 1 ? ids[0] : `name:${ref.literal}`;
}

/** The primary of a global database: the GlobalCluster's source, or the one member with credentials. */
function primaryOf(
  scopes: ReadonlyMap<string, StackScope>,
  key: string,
  members: readonly MutableStore[],
): MutableStore | undefined {
  const anyScope = scopeOf(scopes, members[0]);
  const global = anyScope && !key.startsWith('name:') ? anyScope.index.resource(key) : undefined;
  if (
    global &&
    isRecord(global.raw.Properties) &&
    global.raw.Properties.SourceDBClusterIdentifier !== undefined
  ) {
    const globalScope = scopes.get(global.stack.name);
    const ref = globalScope
      ? readReference(globalScope, global.raw.Properties.SourceDBClusterIdentifier, [
          'AWS::RDS::DBCluster',
        ])
      : undefined;
    const source =
      ref && !isUnresolved(ref) && 'id' in ref ? members.find((m) => m.id === ref.id) : undefined;
    if (source) {
      return source;
    }
  }
  // secondary clusters cannot set master credentials; the primary has them
  const withCredentials = members.filter((m) => {
    const scope = scopeOf(scopes, m);
    const p = scope ? propertiesOf(scope, m.id) : {};
    return (
      p.MasterUsername !== undefined ||
      p.ManageMasterUserPassword !== undefined ||
      p.SnapshotIdentifier !== undefined
    );
  });
  if (withCredentials.length === 1) {
    return withCredentials[0];
  }
  const inGlobalRegion = global ? members.filter((m) => m.region === global.stack.region) : [];
  return inGlobalRegion.length === 1 ? inGlobalRegion[0] : undefined;
}

/** Links the members of Aurora global databases: the primary gets a replica per secondary. */
function linkGlobalDatabases(out: InventoryBuilder, scopes: ReadonlyMap<string, StackScope>): void {
  const groups = new Map<string, MutableStore[]>();
  const join = (key: string, store: MutableStore): void => {
    const members = groups.get(key) ?? [];
    if (!members.includes(store)) {
      groups.set(key, [...members, store]);
    }
  };
  for (const store of out.stores) {
    const scope = store.type === 'AWS::RDS::DBCluster' ? scopeOf(scopes, store) : undefined;
    const key = scope ? globalKey(scope, store) : undefined;
    if (key) {
      join(key, store);
    }
  }
  // a global cluster created from an existing cluster names it as SourceDBClusterIdentifier
  const resources = anyOfType(scopes, GLOBAL_CLUSTER) ? out.resources : [];
  for (const resource of resources) {
    const scope =
      resource.type === GLOBAL_CLUSTER ? scopes.get(resource.location.stack) : undefined;
    const raw = resource.properties.SourceDBClusterIdentifier;
    const ref =
      scope && raw !== undefined ? readReference(scope, raw, ['AWS::RDS::DBCluster']) : undefined;
    const source = ref && !isUnresolved(ref) && 'id' in ref ? out.store(ref.id) : undefined;
    if (source) {
      join(resource.id, source);
    }
  }
  for (const [key, members] of groups) {
    const primary = primaryOf(scopes, key, members);
    for (const secondary of members) {
      if (!primary || secondary === primary) {
        continue;
      }
      secondary.replicaOf = primary.id;
      primary.replicas.push({
        mechanism: 'aurora-global-database',
        region: secondary.region,
        target: secondary.id,
      });
    }
  }
}

/** Settles Aurora Multi-AZ from instances and links Aurora global database members. */
export function linkAuroraClusters(
  out: InventoryBuilder,
  scopes: ReadonlyMap<string, StackScope>,
): void {
  linkInstances(out, scopes);
  linkGlobalDatabases(out, scopes);
}
