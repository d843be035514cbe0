import { locationOf } from '../continuity-rule';
import type { ServiceStore } from '../objectives/restore-within-rto';
import type { ContinuityRule } from '../continuity-rule';

/** RR-BKP3: where a region objective is declared, every store has a copy or replica outside its Region. */
export const regionCopyExists: ContinuityRule<ServiceStore> = {
  id: 'RR-BKP3',
  name: 'regionCopyExists',
  title:
    'Where a region objective is declared, every store is replicated or copied to another Region',
  violation:
    'A store of a service with a region objective has neither a cross-Region copy action nor cross-Region replication',
  rationale:
    'When the primary Region is unavailable, so are the store and every recovery point kept there; only data already in another Region can be recovered.',
  fix: 'add a copy action to a vault in the recovery Region, or replicate the store there (global table, Aurora global database, S3 replication, EFS replication, RDS cross-Region read replica)',
  severity: 'warning',
  docsUrl: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/cross-region-backup.html',
  subjects: (context) =>
    context.services
      .filter((s) => s.declared.region !== undefined)
      .flatMap((service) => service.stores.map((store) => ({ service, store }))),
  locate: ({ service, store }) => ({
    service: service.spec.name,
    resource: locationOf(store, store.type),
  }),
  check: ({ service, store }, context) => {
    const p = service.storeProtection.get(store.id);
    if (!p) {
      return {
        status: 'unknown',
        disruption: 'region',
        message: `the protection of ${store.id} could not be built`,
      };
    }
    const elsewhere = [
      ...p.replicas.map((r) => r.region),
      ...p.backups.flatMap((b) => [b.vault.region, ...b.copies.map((c) => c.region)]),
    ].filter((region) => region !== p.region);
    if (elsewhere.length > 0) {
      return { status: 'compliant', disruption: 'region' };
    }
    const unknowns = service.unknowns.filter((u) => u.includes(store.id) || u.includes('copy'));
    if (unknowns.length > 0) {
      return {
        status: 'unknown',
        disruption: 'region',
        message: `${store.id}: ${unknowns.join('; ')}`,
      };
    }
    return {
      status: 'non-compliant',
      disruption: 'region',
      message: `${store.id} has no copy or replica outside ${p.region}, but service '${service.spec.name}' declares a region objective`,
      fix: `add a copy action to a vault in ${context.spec.regions.recovery} or replicate ${store.id} to ${context.spec.regions.recovery}`,
    };
  },
};
