import { backupProtection } from '../../engine/backup-protection';
import { STORE_SUPPORT } from '../../facts';
import { achieveStore } from '../../objectives';
import { locationOf, showSeconds } from '../continuity-rule';
import type { Coverage, ServiceContext } from '../../engine/assessment-context';
import type { Store } from '../../model';
import type { ContinuityRule } from '../continuity-rule';

/** One backup rule applying to one store of a service. */
export interface StoreBackupRule {
  readonly service: ServiceContext;
  readonly store: Store;
  readonly coverage: Coverage;
}

/** Every (service, source store, backup rule) triple. */
export function storeBackupRules(
  services: readonly ServiceContext[],
  coverage: ReadonlyMap<string, { readonly rules: readonly Coverage[] }>,
): StoreBackupRule[] {
  return services.flatMap((service) =>
    service.stores.flatMap((store) =>
      (coverage.get(store.id)?.rules ?? []).map((c) => ({ service, store, coverage: c })),
    ),
  );
}

/** RR-BKP1: where snapshots are the only recovery from corruption, they run often enough for the RPO. */
export const backupFrequencyWithinRpo: ContinuityRule<StoreBackupRule> = {
  id: 'RR-BKP1',
  name: 'backupFrequencyWithinRpo',
  title:
    'Where snapshot backups are a store\u2019s only recovery from corruption, schedule plus windows fit within the application RPO',
  violation:
    'A backup rule\u2019s interval plus start and completion windows is longer than the application RPO, and the store has no point-in-time recovery',
  rationale:
    'In the worst case a backup job starts at the end of its start window and finishes at the end of its completion window, so the newest recovery point can be that much older than the corruption.',
  fix: 'enable point-in-time recovery (or AWS Backup continuous backup), or schedule the rule more often with shorter start and completion windows',
  severity: 'warning',
  docsUrl:
    'https://docs.aws.amazon.com/aws-backup/latest/devguide/plan-options-and-configuration.html',
  subjects: (context) => storeBackupRules(context.services, context.coverage),
  locate: ({ service, coverage }) => ({
    service: service.spec.name,
    resource: locationOf(coverage.plan, 'AWS::Backup::BackupPlan'),
  }),
  check: ({ service, store, coverage }, context) => {
    const objective = service.declared.application;
    if (!objective) {
      return { status: 'not-applicable' };
    }
    const own = service.storeProtection.get(store.id);
    const continuousAvailable = STORE_SUPPORT[store.kind].continuousBackup;
    // S3 Versioning keeps every overwritten or deleted version in place: snapshots are not the
    // only recovery from corruption there.
    if (
      own?.pointInTimeRecovery ||
      own?.versioning === true ||
      (continuousAvailable && own?.backups.some((b) => b.continuous))
    ) {
      return { status: 'not-applicable', disruption: 'application' };
    }
    const built = backupProtection(coverage, {
      index: context.index,
      defaultRegion: context.spec.regions.primary,
      ...(context.accountId !== undefined ? { accountId: context.accountId } : {}),
    });
    if (!built.protection) {
      return { status: 'unknown', disruption: 'application', message: built.unknowns.join('; ') };
    }
    const region = own?.region ?? context.spec.regions.primary;
    const achieved = achieveStore(
      {
        kind: store.kind,
        region,
        ...(own?.sizeGiB !== undefined ? { sizeGiB: own.sizeGiB } : {}),
        multiAz: true,
        backups: [built.protection],
        replicas: [],
      },
      'application',
      context.spec.regions.recovery,
    );
    if (achieved.rpoSeconds !== null && achieved.rpoSeconds <= objective.rpoSeconds) {
      return { status: 'compliant', disruption: 'application' };
    }
    return {
      status: 'non-compliant',
      disruption: 'application',
      message: `backup rule '${coverage.rule.name}' gives ${store.id} a worst-case RPO of ${showSeconds(achieved.rpoSeconds)} > application RPO ${showSeconds(objective.rpoSeconds)} of tier '${service.spec.tier}': ${achieved.explanation.join('; ')}`,
    };
  },
};
