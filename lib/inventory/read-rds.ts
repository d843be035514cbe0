import { RESOURCE_DEFAULTS } from '../facts/resource-defaults';
import type { ResourceId } from '../model/inventory';
import { isUnresolved, Unresolved } from '../model/unresolved';
import type { Known } from '../model/unresolved';
import type { InventoryBuilder, MutableStore } from './inventory-builder';
import type { RawObject } from './raw';
import { linkAuroraClusters } from './link-aurora';
import type { ResourceReader, ServiceReaders } from './resource-reader';
import type { StackScope } from './stack-scope';
import {
  isWhole,
  readBoolean,
  readNumber,
  readPartialString,
  readReference,
  readString,
} from './values';
import { withEntry } from './with-entry';

/** RDS resource types. */
export const DB_INSTANCE = 'AWS::RDS::DBInstance';
/** RDS/Aurora cluster type. */
export const DB_CLUSTER = 'AWS::RDS::DBCluster';

/** PITR from `BackupRetentionPeriod` (0 disables automated backups). */
export function automatedBackups(
  scope: StackScope,
  raw: unknown,
  absentDays: number,
): Pick<MutableStore, 'pointInTimeRecovery' | 'pitrRetentionDays'> {
  const days = readNumber(scope, raw) ?? absentDays;
  if (isUnresolved(days)) {
    return { pointInTimeRecovery: days };
  }
  return days > 0
    ? { pointInTimeRecovery: true, pitrRetentionDays: days }
    : { pointInTimeRecovery: false };
}

/** The source instance of a read replica: a reference, or a literal identifier/ARN matched by name. */
function sourceInstance(scope: StackScope, raw: unknown): ResourceId | undefined {
  const ref = readReference(scope, raw, [DB_INSTANCE]);
  if (ref && !isUnresolved(ref) && 'id' in ref) {
    return ref.id;
  }
  // `arn:aws:rds:us-east-1:111111111111:db:orders` or `orders`
  const text = readPartialString(scope, raw);
  const name = text?.split(':').pop();
  const ids =
    name && isWhole(name) ? scope.index.findByName(DB_INSTANCE, 'DBInstanceIdentifier', name) : [];
  return ids.length === 1 ? ids[0] : undefined;
}

const readDbInstance: ResourceReader = (resource, scope, out) => {
  const p = resource.properties;
  // instances of a cluster are read with their cluster
  if (p.DBClusterIdentifier !== undefined) {
    return;
  }
  const engine = readString(scope, p.Engine);
  if (typeof engine === 'string' && engine.startsWith('aurora')) {
    return;
  }
  const isReplica = p.SourceDBInstanceIdentifier !== undefined;
  const backupRegion = readString(scope, p.AutomaticBackupReplicationRegion);
  const replicaOf = isReplica ? sourceInstance(scope, p.SourceDBInstanceIdentifier) : undefined;
  out.addStore(
    withEntry(resource, {
      kind: 'rds',
      type: resource.type,
      multiAz: readBoolean(scope, p.MultiAZ) ?? false,
      replicas:
        backupRegion === undefined
          ? []
          : [{ mechanism: 'rds-backup-replication', region: backupRegion }],
      encrypted: readBoolean(scope, p.StorageEncrypted) ?? false,
      // a read replica is not assumed to keep backups unless it says so
      ...automatedBackups(
        scope,
        p.BackupRetentionPeriod,
        isReplica ? 0 : RESOURCE_DEFAULTS.rdsBackupRetentionDays,
      ),
      ...(replicaOf ? { replicaOf } : {}),
    }),
  );
};

/** Aurora (engine `aurora*`) or a Multi-AZ DB cluster (RDS for MySQL/PostgreSQL). */
function clusterKind(scope: StackScope, p: RawObject): 'aurora' | 'rds' {
  const engine = readString(scope, p.Engine);
  if (typeof engine === 'string') {
    return engine.startsWith('aurora') ? 'aurora' : 'rds';
  }
  return p.DBClusterInstanceClass === undefined ? 'aurora' : 'rds';
}

const readDbCluster: ResourceReader = (resource, scope, out) => {
  const p = resource.properties;
  const kind = clusterKind(scope, p);
  const multiAz: Known<boolean> =
    kind === 'rds'
      ? // Multi-AZ DB clusters run a writer and two readable standbys in three AZs
        // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/multi-az-db-clusters-concepts.html
        true
      : // settled by linkAuroraClusters from the cluster's instances
        new Unresolved(`instances of ${resource.id}`);
  out.addStore(
    withEntry(resource, {
      kind,
      type: resource.type,
      multiAz,
      replicas: [],
      encrypted: readBoolean(scope, p.StorageEncrypted) ?? false,
      ...automatedBackups(scope, p.BackupRetentionPeriod, RESOURCE_DEFAULTS.rdsBackupRetentionDays),
    }),
  );
};

/** Gives each read-replica source an `rds-read-replica` replica in the replica's Region. */
function linkReadReplicas(out: InventoryBuilder): void {
  for (const replica of out.stores) {
    const source =
      replica.type === DB_INSTANCE && replica.replicaOf ? out.store(replica.replicaOf) : undefined;
    source?.replicas.push({
      mechanism: 'rds-read-replica',
      region: replica.region,
      target: replica.id,
    });
  }
}

/** RDS instances, Aurora clusters, Multi-AZ DB clusters and Aurora global databases. */
export const RDS_READERS: ServiceReaders = {
  readers: { [DB_INSTANCE]: readDbInstance, [DB_CLUSTER]: readDbCluster },
  linkers: [linkReadReplicas, linkAuroraClusters],
};
