import { backupFrequencyWithinRpo } from './backup/backup-frequency-within-rpo';
import { backupRetentionMeetsTier } from './backup/backup-retention-meets-tier';
import { backupSelectionsResolve } from './backup/backup-selections-resolve';
import { coldStorageLifecycleValid } from './backup/cold-storage-lifecycle-valid';
import { copiesLeaveRegion } from './backup/copies-leave-region';
import { regionCopyExists } from './backup/region-copy-exists';
import { replicationHasPointInTime } from './backup/replication-has-point-in-time';
import { rulesRunWithoutError } from './engine/rules-run-without-error';
import { declaredResourcesFound } from './inventory/declared-resources-found';
import { statefulResourceHasService } from './inventory/stateful-resource-has-service';
import { statefulResourceRetained } from './inventory/stateful-resource-retained';
import { backupFailuresAlarmed } from './monitoring/backup-failures-alarmed';
import { replicationLagAlarmed } from './monitoring/replication-lag-alarmed';
import { dependsOnTierAsStrict } from './objectives/depends-on-tier-as-strict';
import { restoreWithinRto } from './objectives/restore-within-rto';
import { serviceMeetsObjectives } from './objectives/service-meets-objectives';
import { drillOnTime } from './practice/drill-on-time';
import { planReviewedOnTime } from './practice/plan-reviewed-on-time';
import { suppressionsCurrent } from './practice/suppressions-current';
import { vaultHasCustomerManagedKey } from './vault/vault-has-customer-managed-key';
import { vaultLockAllowsRetention } from './vault/vault-lock-allows-retention';
import { vaultLockedWhereImmutable } from './vault/vault-locked-where-immutable';
import type { ContinuityRule } from './continuity-rule';

/** Every rule of the catalogue, in report order. Adding a rule means adding it here. */
export const allRules: readonly ContinuityRule<unknown>[] = [
  serviceMeetsObjectives,
  restoreWithinRto,
  dependsOnTierAsStrict,
  statefulResourceHasService,
  declaredResourcesFound,
  statefulResourceRetained,
  backupFrequencyWithinRpo,
  backupRetentionMeetsTier,
  regionCopyExists,
  copiesLeaveRegion,
  replicationHasPointInTime,
  coldStorageLifecycleValid,
  backupSelectionsResolve,
  vaultHasCustomerManagedKey,
  vaultLockedWhereImmutable,
  vaultLockAllowsRetention,
  backupFailuresAlarmed,
  replicationLagAlarmed,
  planReviewedOnTime,
  drillOnTime,
  suppressionsCurrent,
  rulesRunWithoutError,
];
