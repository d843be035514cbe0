import type {
  AlarmSignal,
  AlarmSpec,
  ComputePlan,
  RecoveryTier,
  ReplicationMechanism,
  StorePlan,
  TierPlan,
} from '../model';

const REPLICATION_SIGNAL: Partial<Record<ReplicationMechanism, AlarmSignal>> = {
  's3-crr': 's3-replication-latency',
  's3-crr-rtc': 's3-replication-latency',
  'dynamodb-global-table': 'dynamodb-replication-latency',
  'aurora-global-database': 'aurora-global-replication-lag',
  'rds-read-replica': 'rds-replica-lag',
  'efs-replication': 'efs-time-since-last-sync',
};

/**
 * Lag threshold for a replicated store: half the region RPO, so the alarm fires while there is
 * still time to act before the objective is breached (at least 1 s).
 */
export function lagThresholdSeconds(tier: RecoveryTier): number {
  const rpo = tier.objectives.region?.rpoSeconds ?? tier.objectives.application?.rpoSeconds ?? 3600;
  return Math.max(1, Math.floor(rpo / 2));
}

/**
 * Instances an Auto Scaling group keeps in service when one of its Availability Zones is lost:
 * its capacity less the largest share of one zone, at least 1. Fewer means the service is down
 * (or about to be), not just running on fewer zones, which an AZ drill causes by design.
 */
export function minInServiceInstances(compute: ComputePlan): number {
  const perZone = Math.ceil(compute.primaryCapacity / Math.max(1, compute.availabilityZones));
  return Math.max(1, compute.primaryCapacity - perZone);
}

/**
 * Health alarms on a service's compute, the signals that show users are hurt and so stop an
 * AWS FIS drill: Auto Scaling groups with fewer instances in service than survive the loss of one
 * zone (`GroupInServiceInstances`), and any Lambda function error (`Errors`). ECS services have
 * no such metric without Container Insights, so they get none.
 */
export function planComputeAlarms(compute: readonly ComputePlan[]): AlarmSpec[] {
  return compute.flatMap((c): AlarmSpec[] => {
    switch (c.resource.kind) {
      case 'asg':
        return [
          {
            signal: 'asg-in-service-instances',
            threshold: minInServiceInstances(c),
            resource: c.resource,
          },
        ];
      case 'lambda':
        return [{ signal: 'lambda-errors', threshold: 1, resource: c.resource }];
      default:
        return [];
    }
  });
}

/**
 * Alarms for a service: failed backup, copy and restore jobs (threshold 1 job), a lag alarm per
 * replicated store derived from the RPO, failed S3 replication operations, the health check
 * status when DNS failover exists, and the health of its Auto Scaling groups and Lambda functions
 * ({@link planComputeAlarms}).
 */
export function planAlarms(
  tier: RecoveryTier,
  tierPlan: TierPlan,
  stores: readonly StorePlan[],
  hasFailover: boolean,
  compute: readonly ComputePlan[] = [],
): AlarmSpec[] {
  const alarms: AlarmSpec[] = [];
  if (stores.some((s) => s.backedUp)) {
    alarms.push({ signal: 'backup-job-failed', threshold: 1 });
    if (
      tierPlan.rules.some(
        (r) => r.copyToRecoveryRegion && stores.some((s) => r.storeKinds.includes(s.resource.kind)),
      )
    ) {
      alarms.push({ signal: 'copy-job-failed', threshold: 1 });
    }
    alarms.push({ signal: 'restore-job-failed', threshold: 1 });
  }
  for (const s of stores) {
    if (!s.replication) continue;
    const signal = REPLICATION_SIGNAL[s.replication];
    if (signal) alarms.push({ signal, threshold: lagThresholdSeconds(tier), resource: s.resource });
    if (s.replication.startsWith('s3-'))
      alarms.push({ signal: 's3-replication-failed', threshold: 1, resource: s.resource });
  }
  if (hasFailover) alarms.push({ signal: 'health-check-status', threshold: 1 });
  alarms.push(...planComputeAlarms(compute));
  return alarms;
}
