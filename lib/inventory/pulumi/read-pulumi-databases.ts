import { RESOURCE_DEFAULTS } from '../../facts/resource-defaults';
import type { ResourceId } from '../../model/inventory';
import { isUnresolved, Unresolved } from '../../model/unresolved';
import type { Known } from '../../model/unresolved';
import { settleAuroraMultiAz } from '../aurora-multi-az';
import type { InventoryBuilder, MutableStore } from '../inventory-builder';
import { attachmentsOf } from './pulumi-reader';
import type { PulumiLinker, PulumiReader } from './pulumi-reader';
import type { PulumiScope, ScopedRecord } from './pulumi-scope';
import { PULUMI_TYPES } from './pulumi-type-map';
import { pulumiBoolean, pulumiNumber, pulumiString } from './pulumi-values';

function automatedBackups(
  raw: unknown,
  absentDays: number,
): Pick<MutableStore, 'pointInTimeRecovery' | 'pitrRetentionDays'> {
  const days = pulumiNumber(raw) ?? absentDays;
  if (isUnresolved(days)) {
    return { pointInTimeRecovery: days };
  }
  return days > 0
    ? { pointInTimeRecovery: true, pitrRetentionDays: days }
    : { pointInTimeRecovery: false };
}

/** The id a reference property points at among `types`, trying the last `:` part of an ARN too. */
function referencedId(
  scope: PulumiScope,
  scoped: ScopedRecord,
  prop: string,
  types: readonly string[],
): Known<ResourceId | undefined> {
  const raw = scoped.props[prop];
  const ref = scope.reference(scoped, prop, raw, types);
  if (ref === undefined || isUnresolved(ref)) {
    return ref;
  }
  if ('id' in ref) {
    return ref.id;
  }
  const name = ref.literal.split(':').pop();
  const byName = name ? scope.reference(scoped, prop, name, types) : undefined;
  return byName && !isUnresolved(byName) && 'id' in byName ? byName.id : undefined;
}

/** Reads `aws:rds/instance:Instance` (and read replicas made with `replicateSourceDb`). */
export const readDbInstance: PulumiReader = ({ scoped, entry, cfnType }, scope, out) => {
  const p = scoped.props;
  const engine = pulumiString(p.engine);
  if (typeof engine === 'string' && engine.startsWith('aurora')) {
    return;
  }
  const isReplica = p.replicateSourceDb !== undefined && p.replicateSourceDb !== null;
  const source = isReplica
    ? referencedId(scope, scoped, 'replicateSourceDb', [PULUMI_TYPES.dbInstance])
    : undefined;
  const backupReplications = attachmentsOf(
    scope,
    scoped,
    'AutomaticBackupReplicationRegion',
    'sourceDbInstanceArn',
  );
  out.addStore({
    ...entry,
    kind: 'rds',
    type: cfnType,
    // a read replica is not assumed to keep backups unless it says so
    ...automatedBackups(
      p.backupRetentionPeriod,
      isReplica ? 0 : RESOURCE_DEFAULTS.rdsBackupRetentionDays,
    ),
    multiAz: pulumiBoolean(p.multiAz) ?? false,
    replicas: backupReplications.attached.map((r) => ({
      mechanism: 'rds-backup-replication' as const,
      region: scope.regionOf(r),
    })),
    encrypted: pulumiBoolean(p.storageEncrypted) ?? false,
    ...(typeof source === 'string' ? { replicaOf: source } : {}),
  });
};

/** Reads `aws:rds/cluster:Cluster`: Aurora, or a Multi-AZ DB cluster for other engines. */
export const readDbCluster: PulumiReader = ({ scoped, entry, cfnType }, _scope, out) => {
  const p = scoped.props;
  const engine = pulumiString(p.engine);
  const kind =
    typeof engine === 'string'
      ? engine.startsWith('aurora')
        ? 'aurora'
        : 'rds'
      : p.dbClusterInstanceClass === undefined
        ? 'aurora'
        : 'rds';
  out.addStore({
    ...entry,
    kind,
    type: cfnType,
    ...automatedBackups(p.backupRetentionPeriod, RESOURCE_DEFAULTS.rdsBackupRetentionDays),
    multiAz:
      kind === 'rds'
        ? // Multi-AZ DB clusters run a writer and two readable standbys in three AZs
          // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/multi-az-db-clusters-concepts.html
          true
        : // settled by linkAuroraClusters from the cluster's instances
          new Unresolved(`instances of ${entry.id}`),
    replicas: [],
    encrypted: pulumiBoolean(p.storageEncrypted) ?? false,
  });
};

/** Gives each read-replica source an `rds-read-replica` replica in the replica's Region. */
const linkReadReplicas: PulumiLinker = (_scope, out) => {
  for (const replica of out.stores) {
    const source =
      replica.type === 'AWS::RDS::DBInstance' && replica.replicaOf
        ? out.store(replica.replicaOf)
        : undefined;
    source?.replicas.push({
      mechanism: 'rds-read-replica',
      region: replica.region,
      target: replica.id,
    });
  }
};

/** Aurora Multi-AZ from the clusters' `aws.rds.ClusterInstance`s. */
function linkInstances(scope: PulumiScope, out: InventoryBuilder): void {
  settleAuroraMultiAz(
    out.stores.filter((s) => s.kind === 'aurora'),
    scope.ofType(PULUMI_TYPES.clusterInstance).map((instance) => {
      const cluster = referencedId(scope, instance, 'clusterIdentifier', [PULUMI_TYPES.dbCluster]);
      return {
        cluster: typeof cluster === 'string' ? cluster : undefined,
        zone: pulumiString(instance.props.availabilityZone),
      };
    }),
  );
}

/** The primary of a global database: the global cluster's source, or the one member with credentials. */
function primaryOf(
  scope: PulumiScope,
  source: ResourceId | undefined,
  members: readonly MutableStore[],
): MutableStore | undefined {
  const fromSource = members.find((m) => m.id === source);
  if (fromSource) {
    return fromSource;
  }
  // secondary clusters cannot set master credentials; the primary has them
  const withCredentials = members.filter((m) => {
    const p = scope.byId(m.id)?.props ?? {};
    return (
      p.masterUsername !== undefined ||
      p.manageMasterUserPassword !== undefined ||
      p.snapshotIdentifier !== undefined
    );
  });
  return withCredentials.length === 1 ? withCredentials[0] : undefined;
}

/** Links the members of Aurora global databases: the primary gets a replica per secondary. */
function linkGlobalDatabases(scope: PulumiScope, out: InventoryBuilder): void {
  const groups = new Map<string, { source?: ResourceId; members: MutableStore[] }>();
  const group = (key: string): { source?: ResourceId; members: MutableStore[] } => {
    const found = groups.get(key) ?? { members: [] };
    groups.set(key, found);
    return found;
  };
  for (const global of scope.ofType(PULUMI_TYPES.globalCluster)) {
    const source = referencedId(scope, global, 'sourceDbClusterIdentifier', [
      PULUMI_TYPES.dbCluster,
    ]);
    const store = typeof source === 'string' ? out.store(source) : undefined;
    if (store) {
      const g = group(global.id);
      g.source = store.id;
      g.members.push(store);
    }
  }
  for (const store of out.stores) {
    const scoped = store.type === 'AWS::RDS::DBCluster' ? scope.byId(store.id) : undefined;
    const raw = scoped?.props.globalClusterIdentifier;
    const ref =
      scoped && raw !== undefined
        ? scope.reference(scoped, 'globalClusterIdentifier', raw, [PULUMI_TYPES.globalCluster])
        : undefined;
    if (ref && !isUnresolved(ref)) {
      const g = group('id' in ref ? ref.id : `name:${ref.literal}`);
      if (!g.members.includes(store)) {
        g.members.push(store);
      }
    }
  }
  for (const { source, members } of groups.values()) {
    const primary = primaryOf(scope, source, members);
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

/** Settles Aurora Multi-AZ, links global databases and read replicas. */
export const DATABASE_LINKERS: readonly PulumiLinker[] = [
  linkReadReplicas,
  (scope, out) => linkInstances(scope, out),
  (scope, out) => linkGlobalDatabases(scope, out),
];
