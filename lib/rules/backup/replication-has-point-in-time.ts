import { locationOf } from '../continuity-rule';
import type { ServiceStore } from '../objectives/restore-within-rto';
import type { ContinuityRule } from '../continuity-rule';

/** RR-BKP5: a replicated store also has point-in-time protection when application objectives exist. */
export const replicationHasPointInTime: ContinuityRule<ServiceStore> = {
  id: 'RR-BKP5',
  name: 'replicationHasPointInTime',
  title:
    'A replicated store also has point-in-time recovery, versioning or backups when an application objective is declared',
  violation:
    'A store is protected by replication only, which copies corruption and deletes to the replica',
  rationale:
    'Replication (global tables, Aurora global database, S3 replication, EFS replication) faithfully copies a bad write or a delete within seconds, so it cannot recover from corruption.',
  fix: 'enable point-in-time recovery (or S3 versioning) on the store, or select it in an AWS Backup plan',
  severity: 'warning',
  docsUrl: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/point-in-time-recovery.html',
  subjects: (context) =>
    context.services
      .filter((s) => s.declared.application !== undefined)
      .flatMap((service) =>
        service.stores.filter((st) => st.replicas.length > 0).map((store) => ({ service, store })),
      ),
  locate: ({ service, store }) => ({
    service: service.spec.name,
    resource: locationOf(store, store.type),
  }),
  check: ({ service, store }) => {
    const p = service.storeProtection.get(store.id);
    if (
      p &&
      (p.pointInTimeRecovery !== undefined || p.versioning === true || p.backups.length > 0)
    ) {
      return { status: 'compliant', disruption: 'application' };
    }
    const unknowns = service.unknowns.filter((u) => u.includes(store.id));
    if (unknowns.length > 0) {
      return { status: 'unknown', disruption: 'application', message: unknowns.join('; ') };
    }
    return {
      status: 'non-compliant',
      disruption: 'application',
      message: `${store.id} is replicated (${store.replicas.map((r) => r.mechanism).join(', ')}) but has no point-in-time recovery, versioning or backup; replication copies corruption too`,
    };
  },
};
