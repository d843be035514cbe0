import { metricDimensionKey, metricKey } from '../../engine/index-inventory';
import { storeArn } from '../../engine/store-arn';
import { replicationLagMetrics } from '../../facts';
import { locationOf } from '../continuity-rule';
import type { AssessmentContext, ServiceContext } from '../../engine/assessment-context';
import type { Store, StoreReplica } from '../../model';
import type { ContinuityRule } from '../continuity-rule';

/** One replica of a service's store. */
export interface ReplicatedStore {
  readonly service?: ServiceContext;
  readonly store: Store;
  readonly replica: StoreReplica;
}

function names(context: AssessmentContext, store: Store, replica: StoreReplica): Set<string> {
  const ids = new Set<string>([store.id]);
  const own = storeArn(store, context.index.resources.get(store.id))?.name;
  if (own !== undefined) {
    ids.add(own);
  }
  if (replica.target !== undefined) {
    ids.add(replica.target);
    const target = context.index.stores.get(replica.target);
    const targetName = target
      ? storeArn(target, context.index.resources.get(target.id))?.name
      : undefined;
    if (targetName !== undefined) {
      ids.add(targetName);
    }
  }
  return ids;
}

/** RR-MON2: replication lag of every replicated store raises an alarm. */
export const replicationLagAlarmed: ContinuityRule<ReplicatedStore> = {
  id: 'RR-MON2',
  name: 'replicationLagAlarmed',
  title:
    'Replication of every replicated store is watched by a CloudWatch alarm with actions on its lag metric',
  violation: 'No alarm watches the replication lag of a replicated store',
  rationale:
    'Replication that falls behind or stops silently turns a seconds RPO into hours; the RPO only holds while someone is told when lag grows.',
  fix: 'add a CloudWatch alarm with an action on the replication lag metric (DynamoDB ReplicationLatency, S3 ReplicationLatency/OperationsFailedReplication, Aurora AuroraGlobalDBReplicationLag, RDS ReplicaLag, EFS TimeSinceLastSync)',
  severity: 'warning',
  docsUrl:
    'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html',
  subjects: (context) =>
    context.inventory.stores
      .filter((s) => s.replicaOf === undefined)
      .flatMap((store) => {
        const name = context.servicesOfResource.get(store.id)?.[0];
        const service =
          name === undefined ? undefined : context.serviceByName.get(name.toLowerCase());
        return store.replicas.map((replica) => ({
          ...(service ? { service } : {}),
          store,
          replica,
        }));
      }),
  locate: ({ service, store }) => ({
    resource: locationOf(store, store.type),
    ...(service ? { service: service.spec.name } : {}),
  }),
  check: ({ store, replica }, context) => {
    // The planned lag metrics and their equivalents, from ALARM_METRICS in lib/facts.
    const metrics = replicationLagMetrics(replica.mechanism);
    if (metrics.length === 0) {
      return { status: 'not-applicable' };
    }
    const ids = names(context, store, replica);
    // Indexed by metric and dimension value: an alarm watches the replication when one of its
    // dimension values names the store or its replica; one known only at deploy time might.
    let unknown = false;
    for (const { namespace, metricName } of metrics) {
      const metric = metricKey(namespace, metricName);
      for (const id of ids) {
        const alarms = context.index.alarmsByMetricDimension.get(metricDimensionKey(metric, id));
        if (alarms?.some((alarm) => alarm.hasActions)) {
          return { status: 'compliant' };
        }
      }
      unknown ||= (context.index.alarmsWithUnresolvedDimension.get(metric) ?? []).some(
        (alarm) => alarm.hasActions,
      );
    }
    if (unknown || context.index.alarmsWithUnresolvedMetric.length > 0) {
      return {
        status: 'unknown',
        message: `an alarm on the replication lag of ${store.id} depends on values known only at deploy time`,
      };
    }
    return {
      status: 'non-compliant',
      message: `no alarm with actions watches ${metrics.map((m) => m.metricName).join(' or ')} for the ${replica.mechanism} replication of ${store.id}`,
    };
  },
};
