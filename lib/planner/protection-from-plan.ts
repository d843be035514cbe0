import { STORE_SUPPORT } from '../facts';
import type {
  BackupProtection,
  BackupRuleSpec,
  ComputePlan,
  ComputeProtection,
  FailoverPlan,
  FailoverProtection,
  RecoveryPointLocation,
  RegionPair,
  ServicePlan,
  ServiceProtection,
  StoreKind,
  StorePlan,
  StoreProtection,
  TierPlan,
} from '../model';

/** Name shown in explanations for a planned resource. */
export function resourceName(
  ref: { readonly kind: string; readonly logicalId?: string },
  index: number,
): string {
  return ref.logicalId ?? `${ref.kind}#${index + 1}`;
}

function backupFromRule(
  rule: BackupRuleSpec,
  tierPlan: TierPlan,
  regions: RegionPair,
): BackupProtection {
  const lock = tierPlan.vault.lockMode;
  const vault: RecoveryPointLocation = {
    region: regions.primary,
    crossAccount: false,
    lock,
    retentionDays: rule.deleteAfterDays,
  };
  const copies: RecoveryPointLocation[] = rule.copyToRecoveryRegion
    ? [
        {
          region: regions.recovery,
          crossAccount: false,
          lock,
          retentionDays: rule.copyToRecoveryRegion.deleteAfterDays,
        },
      ]
    : [];
  return {
    ruleName: rule.name,
    continuous: rule.enableContinuousBackup,
    intervalSeconds: rule.intervalHours * 3600,
    startWindowSeconds: rule.startWindowMinutes * 60,
    completionWindowSeconds: rule.completionWindowMinutes * 60,
    vault,
    copies,
  };
}

/** What a planned store will have, as the objective calculator sees it. */
export function storeProtectionFromPlan(
  store: StorePlan,
  tierPlan: TierPlan,
  regions: RegionPair,
  name?: string,
): StoreProtection & { readonly name?: string } {
  const kind = store.resource.kind as StoreKind;
  const rules = store.backedUp ? tierPlan.rules.filter((r) => r.storeKinds.includes(kind)) : [];
  return {
    kind,
    region: regions.primary,
    ...(store.resource.sizeGiB !== undefined ? { sizeGiB: store.resource.sizeGiB } : {}),
    ...(name ? { name } : {}),
    multiAz: store.multiAz || STORE_SUPPORT[kind].multiAzByDefault,
    ...(store.pointInTimeRecovery
      ? { pointInTimeRecovery: { retentionDays: store.pitrRetentionDays ?? 35 } }
      : {}),
    ...(kind === 's3' ? { versioning: store.versioning } : {}),
    backups: rules.map((r) => backupFromRule(r, tierPlan, regions)),
    replicas: store.replication
      ? [
          {
            mechanism: store.replication,
            region: regions.recovery,
            // global table replicas get point-in-time recovery like their source
            ...(store.replication.startsWith('dynamodb')
              ? { pointInTimeRecovery: store.pointInTimeRecovery }
              : {}),
          },
        ]
      : [],
  };
}

/** What a planned compute resource will have. */
export function computeProtectionFromPlan(
  c: ComputePlan,
  regions: RegionPair,
  name?: string,
): ComputeProtection & { readonly name?: string } {
  return {
    kind: c.resource.kind as ComputeProtection['kind'],
    region: regions.primary,
    ...(name ? { name } : {}),
    primaryCapacity: c.primaryCapacity,
    availabilityZones: c.availabilityZones,
    ...(c.recoveryCapacity !== undefined ? { recoveryCapacity: c.recoveryCapacity } : {}),
  };
}

/** Route 53 failover as the calculator sees it. */
export function failoverProtectionFromPlan(f: FailoverPlan): FailoverProtection {
  return {
    healthCheckIntervalSeconds: f.healthCheckIntervalSeconds,
    failureThreshold: f.failureThreshold,
    ttlSeconds: f.ttlSeconds,
    routing: f.routing,
  };
}

/**
 * What a plan will have once deployed, for the objective calculator.
 *
 * `predicted = achieveAll(protectionFromPlan(plan, tierPlan), disruptions)`: the same calculator
 * the engine runs on real templates, which is why a prediction and an assessment agree.
 */
export function protectionFromPlan(plan: ServicePlan, tierPlan: TierPlan): ServiceProtection {
  return {
    stores: plan.stores.map((s, i) =>
      storeProtectionFromPlan(s, tierPlan, plan.regions, resourceName(s.resource, i)),
    ),
    compute: plan.compute.map((c, i) =>
      computeProtectionFromPlan(c, plan.regions, resourceName(c.resource, i)),
    ),
    ...(plan.failover ? { failover: failoverProtectionFromPlan(plan.failover) } : {}),
    recoveryRegion: plan.regions.recovery,
  };
}
