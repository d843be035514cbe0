import {
  capability,
  copySeconds,
  DEFAULT_SIZE_GIB,
  restoreSeconds,
  RESTORE_ESTIMATES,
  STORE_SUPPORT,
  weakestBasis,
  type CapabilityId,
  type Fact,
} from '../facts';
import type {
  Achievement,
  BackupProtection,
  Disruption,
  RecoveryPointLocation,
  ReplicaProtection,
  ReplicationMechanism,
  StoreProtection,
} from '../model';
import { bestPath, fmt, notRecoverable, toAchievement, type RecoveryPath } from './recovery-path';
import { storeLabel, type Named } from './store-label';

/*
 * Every path computes its numbers at once but writes its explanation only when asked: a store
 * has several paths per disruption and only the best one is explained.
 */

/** The explanation line of restoring a store: `RTO ... = restore <what>: ...`. */
function restoreLine(store: StoreProtection, what: string): string {
  const e = RESTORE_ESTIMATES[store.kind];
  const size =
    store.sizeGiB === undefined
      ? `size unknown, ${DEFAULT_SIZE_GIB} GiB assumed`
      : `${store.sizeGiB} GiB`;
  return (
    `RTO ${fmt(restoreSeconds(store.kind, store.sizeGiB))} = restore ${what}: ${fmt(e.baseSeconds)} ` +
    `to create the ${store.kind} resource + ${size} at ${e.gibPerHour} GiB/h (estimate, no AWS restore SLA)`
  );
}

function factLine(fact: Fact, what: string): string {
  return `${fmt(fact.seconds)} = ${what}: ${fact.note} (${fact.basis})`;
}

/** Worst-case RPO of a snapshot rule. */
function snapshotRpoSeconds(b: BackupProtection): number {
  return b.intervalSeconds + b.startWindowSeconds + b.completionWindowSeconds;
}

function snapshotRpoLine(b: BackupProtection): string {
  return (
    `RPO ${fmt(snapshotRpoSeconds(b))} = ${fmt(b.intervalSeconds)} schedule + ${fmt(b.startWindowSeconds)} start window + ` +
    `${fmt(b.completionWindowSeconds)} completion window of rule '${b.ruleName}' ` +
    '(worst case: the job starts at the end of its start window and runs its whole completion window)'
  );
}

function continuousFact(store: StoreProtection): CapabilityId | undefined {
  if (!STORE_SUPPORT[store.kind].continuousBackup) return undefined;
  return store.kind === 's3' ? 'backup-continuous-s3' : 'backup-continuous-rds';
}

/** Paths through one rule's recovery point at one location. */
function backupPath(
  store: StoreProtection,
  b: BackupProtection,
  location: RecoveryPointLocation,
  isCopy: boolean,
  where: string,
): RecoveryPath {
  const cont = b.continuous && !isCopy ? continuousFact(store) : undefined;
  const ruleRpo = cont ? capability(cont).rpo.seconds : snapshotRpoSeconds(b);
  const copy = isCopy ? copySeconds(store.sizeGiB) : 0;
  return {
    rpoSeconds: ruleRpo + copy,
    rtoSeconds: restoreSeconds(store.kind, store.sizeGiB),
    // a restore is always an estimate, whatever the basis of the RPO
    basis: 'estimate',
    explain: () => {
      const lines: string[] = [];
      if (cont) {
        lines.push(
          `RPO ${factLine(capability(cont).rpo, `continuous backup of rule '${b.ruleName}'`)}`,
        );
      } else {
        lines.push(
          b.continuous && !isCopy
            ? `${snapshotRpoLine(b)}; ${store.kind} has no continuous backup, the rule takes snapshots`
            : snapshotRpoLine(b),
        );
      }
      if (isCopy) {
        lines.push(
          `RPO ${fmt(ruleRpo + copy)} includes ${fmt(copy)} for the copy to ${location.region} (estimate, copy jobs have no SLA)`,
        );
      }
      lines.push(restoreLine(store, `from ${where}`));
      return lines;
    },
  };
}

function pitrPath(store: StoreProtection, what: string): RecoveryPath | undefined {
  if (store.kind !== 'dynamodb' && store.kind !== 'rds' && store.kind !== 'aurora')
    return undefined;
  const id: CapabilityId = store.kind === 'dynamodb' ? 'dynamodb-pitr' : 'rds-pitr';
  const fact = capability(id).rpo;
  return {
    rpoSeconds: fact.seconds,
    rtoSeconds: restoreSeconds(store.kind, store.sizeGiB),
    basis: 'estimate',
    explain: () => [`RPO ${factLine(fact, what)}`, restoreLine(store, 'to a point in time')],
  };
}

function applicationPaths(store: StoreProtection): RecoveryPath[] {
  const paths: RecoveryPath[] = [];
  for (const b of store.backups)
    paths.push(backupPath(store, b, b.vault, false, `vault in ${b.vault.region}`));
  if (store.pointInTimeRecovery) {
    const p = pitrPath(
      store,
      `point-in-time recovery (${store.pointInTimeRecovery.retentionDays} days)`,
    );
    if (p) paths.push(p);
  }
  for (const r of store.replicas.filter((x) => x.pointInTimeRecovery)) {
    const p = pitrPath(store, `point-in-time recovery of the replica in ${r.region}`);
    if (p) paths.push(p);
  }
  if (store.versioning && store.kind === 's3') {
    const f = capability('s3-versioning').rpo;
    paths.push({
      rpoSeconds: f.seconds,
      rtoSeconds: restoreSeconds(store.kind, store.sizeGiB),
      basis: 'estimate',
      explain: () => [
        `RPO ${fmt(0)} = S3 Versioning: ${f.note}`,
        restoreLine(store, 'previous object versions'),
      ],
    });
  }
  return paths;
}

function azFailoverPath(store: StoreProtection): RecoveryPath | undefined {
  let id: CapabilityId | undefined;
  if (store.kind === 'dynamodb' || store.kind === 's3') id = 'regional-store';
  else if (store.kind === 'efs' && store.multiAz) id = 'regional-store';
  else if (store.kind === 'rds' && store.multiAz) id = 'rds-multi-az-instance';
  else if (store.kind === 'aurora')
    id = store.multiAz ? 'aurora-replica-failover' : 'aurora-recreate-writer';
  if (!id) return undefined;
  const c = capability(id);
  const rto = c.rto as Fact;
  return {
    rpoSeconds: c.rpo.seconds,
    rtoSeconds: rto.seconds,
    basis: weakestBasis(c.rpo.basis, rto.basis),
    explain: () => [
      `RPO ${fmt(c.rpo.seconds)} and RTO ${fmt(rto.seconds)} = ${c.title}: ${c.rpo.note}; ${rto.note} (${rto.basis})`,
    ],
  };
}

const REPLICA_CAPABILITY: Record<ReplicationMechanism, CapabilityId> = {
  'dynamodb-global-table': 'dynamodb-global-table',
  'dynamodb-global-table-strong': 'dynamodb-global-table-strong',
  's3-crr': 's3-crr',
  's3-crr-rtc': 's3-crr-rtc',
  'aurora-global-database': 'aurora-global-database',
  'rds-read-replica': 'rds-read-replica',
  'rds-backup-replication': 'rds-backup-replication',
  'efs-replication': 'efs-replication',
};

function replicaPath(store: StoreProtection, r: ReplicaProtection): RecoveryPath {
  const c = capability(REPLICA_CAPABILITY[r.mechanism]);
  const rto = c.rto;
  const rpoLine = `RPO ${fmt(c.rpo.seconds)} = ${c.title} to ${r.region}: ${c.rpo.note} (${c.rpo.basis})`;
  if (rto === 'restore') {
    return {
      rpoSeconds: c.rpo.seconds,
      rtoSeconds: restoreSeconds(store.kind, store.sizeGiB),
      basis: 'estimate',
      explain: () => [rpoLine, restoreLine(store, `from the replicated backups in ${r.region}`)],
    };
  }
  return {
    rpoSeconds: c.rpo.seconds,
    rtoSeconds: rto.seconds,
    basis: weakestBasis(c.rpo.basis, rto.basis),
    explain: () => [rpoLine, `RTO ${fmt(rto.seconds)} = ${rto.note} (${rto.basis})`],
  };
}

function regionPaths(store: StoreProtection, recoveryRegion: string): RecoveryPath[] {
  const paths: RecoveryPath[] = [];
  for (const r of store.replicas) {
    if (r.region === recoveryRegion && r.region !== store.region) paths.push(replicaPath(store, r));
  }
  for (const b of store.backups) {
    if (b.vault.region === recoveryRegion && b.vault.region !== store.region) {
      paths.push(backupPath(store, b, b.vault, false, `vault in ${b.vault.region}`));
    }
    for (const c of b.copies) {
      if (c.region === recoveryRegion && c.region !== store.region) {
        paths.push(backupPath(store, b, c, true, `the copy in ${c.region}`));
      }
    }
  }
  return paths;
}

/** Recovery points out of reach of a compromised account: locked vault or another account. */
function survivesAccount(l: RecoveryPointLocation): boolean {
  return l.crossAccount || l.lock !== 'none';
}

function accountPaths(store: StoreProtection): RecoveryPath[] {
  const paths: RecoveryPath[] = [];
  const withNote = (p: RecoveryPath, l: RecoveryPointLocation): RecoveryPath => ({
    ...p,
    explain: () => [
      ...p.explain(),
      l.crossAccount
        ? 'counts for account: the recovery point is in another account'
        : l.lock === 'compliance'
          ? 'counts for account: compliance-mode vault lock, nobody can delete it before it expires'
          : 'counts for account: governance-mode vault lock (a principal allowed to remove the lock could still delete it; use compliance mode or a cross-account copy for more)',
    ],
  });
  for (const b of store.backups) {
    if (survivesAccount(b.vault))
      paths.push(
        withNote(
          backupPath(store, b, b.vault, false, `locked vault in ${b.vault.region}`),
          b.vault,
        ),
      );
    for (const c of b.copies) {
      if (survivesAccount(c))
        paths.push(withNote(backupPath(store, b, c, true, `the protected copy in ${c.region}`), c));
    }
  }
  return paths;
}

const UNRECOVERABLE_FIX: Record<Disruption, string> = {
  application:
    'no backup, point-in-time recovery or versioning to restore from (replication copies corruption too)',
  az: 'not Multi-AZ and no backup or point-in-time recovery to restore in another Availability Zone',
  region: 'no replica and no backup copy in the recovery Region',
  account: 'no recovery point in a locked vault or in another account',
};

/**
 * What one store achieves for one disruption: its best recovery path (smallest RPO, then RTO).
 *
 * - `application`: backups, continuous backup, native point-in-time recovery, S3 versioning.
 *   Replication does not count: it copies the corruption.
 * - `az`: Regional services and Multi-AZ fail over with RPO 0; otherwise restore from backups.
 * - `region`: replicas in the recovery Region (RPO = replication lag, RTO = failover or
 *   promotion) or backup copies there (RPO = schedule + start window + completion window + copy).
 * - `account`: only recovery points in a locked vault (governance or compliance) or in another
 *   account.
 */
export function achieveStore(
  store: Named<StoreProtection>,
  disruption: Disruption,
  recoveryRegion: string,
): Achievement {
  // The engine asks for the same store several times (the service's objectives, then rules
  // RR-OBJ1 and RR-OBJ2); a protection is immutable, so its answers are kept with it.
  let byRegion = ACHIEVED.get(store);
  if (byRegion === undefined) {
    byRegion = new Map();
    ACHIEVED.set(store, byRegion);
  }
  let known = byRegion.get(recoveryRegion);
  if (known === undefined) {
    known = {};
    byRegion.set(recoveryRegion, known);
  }
  return (known[disruption] ??= computeAchievement(store, disruption, recoveryRegion));
}

/** Achievements of each store protection, by recovery Region and disruption. */
const ACHIEVED = new WeakMap<
  StoreProtection,
  Map<string, Partial<Record<Disruption, Achievement>>>
>();

function computeAchievement(
  store: Named<StoreProtection>,
  disruption: Disruption,
  recoveryRegion: string,
): Achievement {
  let paths: RecoveryPath[];
  switch (disruption) {
    case 'application':
      paths = applicationPaths(store);
      break;
    case 'az': {
      const failover = azFailoverPath(store);
      paths = failover ? [failover] : applicationPaths(store);
      break;
    }
    case 'region':
      paths = regionPaths(store, recoveryRegion);
      break;
    case 'account':
      paths = accountPaths(store);
      break;
  }
  const best = bestPath(paths);
  if (!best)
    return notRecoverable(
      `${storeLabel(store)} cannot recover from ${disruption} loss: ${UNRECOVERABLE_FIX[disruption]}`,
    );
  return toAchievement(best, store);
}
