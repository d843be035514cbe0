import { Annotations, Stack } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { alarmMetric } from '../../lib/facts';
import type { AlarmSpec, ComputeKind, ServicePlan } from '../../lib/model';
import type { ComputeResource } from './compute-resource';
import type { ContinuityMonitoring } from './continuity-monitoring';
import { pascal } from './continuity-monitoring';
import { FaultInjection } from './fault-injection';
import type { ServiceAlarm } from './fault-injection';
import { ProtectedStore } from './protected-store';
import type { StoreMetric } from './protected-store';
import { Standby } from './standby';
import type { StandbyEndpointOptions } from './standby';
import type { StoreResource } from './store-resource';

/** Properties of a {@link ProtectedService}. */
export interface ProtectedServiceProps {
  /** The service's plan. */
  readonly plan: ServicePlan;
  /** Stores, in the order of `plan.stores`. */
  readonly stores: readonly StoreResource[];
  /** Primary-Region compute, in the order of `plan.compute`. */
  readonly compute: readonly ComputeResource[];
  /**
   * Recovery-Region stack deployed before this one (replication destinations), or a function
   * that returns it on first use.
   */
  readonly recoveryTargetScope: Construct | (() => Construct);
  /** Recovery-Region stack deployed after this one (replicas, standby, DNS failover). */
  readonly recoveryStack: Stack;
  /** VPC in the recovery Region, created on first use. */
  readonly recoveryVpc: () => ec2.IVpc;
  /**
   * Recovery-Region compute, in the order of `plan.compute`.
   *
   * @default - created with `createRecoveryCompute` where the plan keeps recovery capacity
   */
  readonly recoveryCompute?: readonly ComputeResource[];
  /** Creates recovery-Region compute the user did not supply. */
  readonly createRecoveryCompute: (id: string, kind: ComputeKind) => ComputeResource;
  /**
   * DNS names for the planned failover.
   *
   * @default - none; a planned failover gets a warning
   */
  readonly endpoint?: StandbyEndpointOptions;
  /** Monitoring in the primary Region. */
  readonly primaryMonitoring: ContinuityMonitoring;
  /** Monitoring in the recovery Region. */
  readonly recoveryMonitoring: ContinuityMonitoring;
  /**
   * Declared region RPO, drawn on the dashboard.
   *
   * @default - no dashboard
   */
  readonly rpoSeconds?: number;
}

/**
 * One service of a spec with its plan applied: protected stores, standby compute, alarms, a
 * dashboard, and the plan's findings as synthesis errors and warnings on this construct.
 */
export class ProtectedService extends Construct {
  /** The protected stores, in plan order. */
  public readonly stores: readonly ProtectedStore[];
  /** The standby of each compute resource, in plan order. */
  public readonly standbys: readonly Standby[];
  /** The plan applied. */
  public readonly plan: ServicePlan;
  /** Alarms created from the plan's alarm specs, in plan order. */
  public readonly alarms: ServiceAlarm[] = [];
  /** AWS FIS experiment templates of the planned drills, when there are any. */
  public readonly faultInjection?: FaultInjection;

  public constructor(scope: Construct, id: string, props: ProtectedServiceProps) {
    super(scope, id);
    const { plan } = props;
    this.plan = plan;
    for (const finding of plan.findings) {
      const text = `${finding.rule}: ${finding.message}; ${finding.fix}`;
      if (finding.severity === 'error' && !finding.suppressed) {
        Annotations.of(this).addError(text);
      } else {
        Annotations.of(this).addWarningV2(`continuity-kit:${finding.rule}`, text);
      }
    }
    const recoveryScope = new Construct(props.recoveryStack, `Service${pascal(plan.service)}`);
    this.stores = plan.stores.map(
      (storePlan, index) =>
        new ProtectedStore(
          Stack.of(props.stores[index]!.construct),
          `${pascal(plan.service)}Store${index + 1}`,
          {
            store: props.stores[index]!,
            plan: storePlan,
            service: plan.service,
            tier: plan.tier,
            recoveryRegion: plan.regions.recovery,
            recoveryTargetScope: props.recoveryTargetScope,
            recoveryReplicaScope: recoveryScope,
            recoveryVpc: needsRecoveryVpc(storePlan.replication) ? props.recoveryVpc() : undefined,
          },
        ),
    );
    this.standbys = plan.compute.map((computePlan, index) => {
      const primary = props.compute[index]!;
      const recovery =
        props.recoveryCompute?.[index] ??
        (computePlan.recoveryCapacity === undefined
          ? undefined
          : props.createRecoveryCompute(
              `${computePlan.resource.logicalId ?? `${pascal(plan.service)}Compute${index + 1}`}Standby`,
              computePlan.resource.kind as ComputeKind,
            ));
      // In the primary stack: Route 53 publishes health check metrics in us-east-1 only, so the
      // health-check alarm lives in a stack that deploys before the recovery stack; records and
      // health checks in the recovery stack would make the two stacks reference each other.
      // Failover itself runs on the Route 53 data plane, whichever stack created the records.
      // https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/monitoring-health-checks.html
      const standby = new Standby(this, `Standby${index + 1}`, {
        plan: computePlan,
        service: plan.service,
        tier: plan.tier,
        primary,
        recovery,
        // One record pair per service (its record name), as the Pulumi Standby renders it.
        failover: props.endpoint && index === 0 ? plan.failover : undefined,
        endpoint: index === 0 ? props.endpoint : undefined,
      });
      return standby;
    });
    if (plan.failover && !props.endpoint && plan.compute.length > 0) {
      Annotations.of(this).addWarningV2(
        'continuity-kit:failover-endpoint',
        `the plan puts Route 53 ${plan.failover.routing} routing in front of '${plan.service}', but no ` +
          'endpoint was given, so no records were created; pass endpoint to addService',
      );
    }
    this.addAlarms(props);
    if (plan.faultInjection.length > 0) {
      this.faultInjection = new FaultInjection(this, 'FaultInjection', {
        plan,
        alarms: this.alarms,
      });
    }
  }

  private addAlarms(props: ProtectedServiceProps): void {
    const lagMetrics: { label: string; metric: StoreMetric }[] = [];
    props.plan.alarms.forEach((spec, index) => {
      for (const metric of this.metricsFor(spec, props.compute)) {
        const monitoring = [props.primaryMonitoring, props.recoveryMonitoring].find(
          (m) => Stack.of(m).region === metric.region,
        );
        if (!monitoring) {
          Annotations.of(this).addWarningV2(
            'continuity-kit:alarm-region',
            `alarm ${spec.signal} needs a metric published in '${metric.region}', where no stack of this ` +
              'spec lives; create it there yourself',
          );
          continue;
        }
        const alarm = monitoring.addAlarm(
          `${pascal(props.plan.service)}Alarm${index + 1}${pascal(spec.signal)}`,
          spec,
          metric,
        );
        this.alarms.push({ signal: spec.signal, alarm });
        if (alarmMetric(spec.signal).thresholdUnit === 'seconds') {
          lagMetrics.push({ label: spec.signal, metric });
        }
      }
    });
    if (props.rpoSeconds !== undefined && lagMetrics.length > 0) {
      // In the recovery stack: it deploys last, so it may show metrics of both Regions.
      props.recoveryMonitoring.addServiceDashboard(
        props.plan.service,
        props.rpoSeconds,
        lagMetrics,
      );
    }
  }

  /** Metrics for an alarm spec: of its resource when named, else of every matching store or compute. */
  private metricsFor(spec: AlarmSpec, compute: readonly ComputeResource[]): StoreMetric[] {
    if (spec.signal === 'health-check-status') {
      return this.standbys.flatMap((s) =>
        s.metricHealthCheckStatus() ? [s.metricHealthCheckStatus()!] : [],
      );
    }
    if (spec.signal === 'asg-in-service-instances' || spec.signal === 'lambda-errors') {
      const ref = spec.resource;
      return compute.flatMap((c, i) => {
        const planned = this.plan.compute[i]?.resource;
        const named =
          !ref ||
          (planned?.kind === ref.kind &&
            (ref.logicalId === undefined || planned.logicalId === ref.logicalId));
        const metric = named ? c.metricHealth() : undefined;
        return metric ? [metric] : [];
      });
    }
    const ref = spec.resource;
    const stores = ref
      ? this.stores.filter((_, i) => {
          const planned = this.plan.stores[i]!.resource;
          return (
            planned.kind === ref.kind &&
            (ref.logicalId === undefined || planned.logicalId === ref.logicalId)
          );
        })
      : this.stores;
    return stores.flatMap((s) => {
      const metric = s.metricFor(spec.signal);
      return metric ? [metric] : [];
    });
  }
}

function needsRecoveryVpc(replication: string | undefined): boolean {
  return replication === 'rds-read-replica' || replication === 'aurora-global-database';
}
