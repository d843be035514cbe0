import { Annotations, Stack, Tags } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { publishedRegion } from '../../lib/facts';
import { TAG_SERVICE, TAG_TIER } from '../../lib/model';
import type { ComputePlan, FailoverPlan } from '../../lib/model';
import type { ComputeResource } from './compute-resource';
import { signalMetric } from './metric-targets';
import type { StoreMetric } from './protected-store';

/** DNS names in front of a service, for {@link StandbyProps.endpoint}. */
export interface StandbyEndpointOptions {
  /** Hosted zone that holds the service's record. */
  readonly zone: route53.IHostedZone;
  /** Record name, e.g. `checkout.example.com`. */
  readonly recordName: string;
  /** Domain name that serves the service in the primary Region. */
  readonly primaryDomainName: string;
  /** Domain name that serves the service in the recovery Region. */
  readonly recoveryDomainName: string;
  /**
   * Path the health checks request over HTTPS.
   *
   * @default '/'
   */
  readonly healthCheckPath?: string;
}

/** Properties of a {@link Standby}. */
export interface StandbyProps {
  /** Capacities planned for the compute (`ServicePlan.compute[n]`). */
  readonly plan: ComputePlan;
  /** Service the compute belongs to. */
  readonly service: string;
  /** Tier of the service. */
  readonly tier: string;
  /** The compute in the primary Region. */
  readonly primary: ComputeResource;
  /**
   * The same compute defined in the recovery Region.
   *
   * @default - none; only valid when the plan redeploys from code (no recovery capacity)
   */
  readonly recovery?: ComputeResource;
  /**
   * Route 53 health checks and records from the plan's failover settings.
   *
   * @default - no DNS failover
   */
  readonly failover?: FailoverPlan;
  /**
   * Where the failover records and health checks point; required with `failover`.
   *
   * @default - none
   */
  readonly endpoint?: StandbyEndpointOptions;
}

/**
 * Keeps compute on standby as the plan says: pilot light (defined in the recovery Region, zero
 * running capacity), warm standby (scaled down) or active/active (full capacity), with Route 53
 * health checks and failover (or latency) records in front.
 */
export class Standby extends Construct {
  /** Health check of the primary endpoint, when failover is planned. */
  public readonly primaryHealthCheck?: route53.CfnHealthCheck;
  /** Health check of the recovery endpoint, when failover is planned. */
  public readonly recoveryHealthCheck?: route53.CfnHealthCheck;
  /** The two records (primary first), when failover is planned. */
  public readonly records: readonly route53.CfnRecordSet[];

  public constructor(scope: Construct, id: string, props: StandbyProps) {
    super(scope, id);
    const { plan } = props;
    if (props.primary.kind !== plan.resource.kind) {
      throw new Error(
        `compute plan for ${plan.resource.kind} was given ${props.primary.kind} compute at ` +
          `${props.primary.construct.node.path}; pass the matching compute`,
      );
    }
    for (const compute of [props.primary, props.recovery]) {
      if (compute) {
        Tags.of(compute.construct).add(TAG_SERVICE, props.service);
        Tags.of(compute.construct).add(TAG_TIER, props.tier);
      }
    }
    props.primary.setCapacity(plan.primaryCapacity);
    if (plan.recoveryCapacity !== undefined) {
      if (props.recovery) {
        props.recovery.setCapacity(plan.recoveryCapacity);
      } else {
        Annotations.of(this).addError(
          `the plan keeps ${plan.recoveryCapacity} running ${plan.resource.kind} capacity in the ` +
            'recovery Region, but no recovery compute was given; pass recovery',
        );
      }
    }
    if (props.failover && !props.endpoint) {
      Annotations.of(this).addError(
        `the plan puts Route 53 ${props.failover.routing} routing in front of '${props.service}', ` +
          'but no endpoint was given; pass endpoint (zone, record name and both domain names)',
      );
    }
    const records: route53.CfnRecordSet[] = [];
    if (props.failover && props.endpoint) {
      const { failover, endpoint } = props;
      const names = { service: props.service, tier: props.tier };
      this.primaryHealthCheck = this.healthCheck(
        'PrimaryHealthCheck',
        failover,
        endpoint,
        endpoint.primaryDomainName,
        {
          ...names,
          side: 'primary',
        },
      );
      this.recoveryHealthCheck = this.healthCheck(
        'RecoveryHealthCheck',
        failover,
        endpoint,
        endpoint.recoveryDomainName,
        {
          ...names,
          side: 'recovery',
        },
      );
      const regions = [
        Stack.of(props.primary.construct).region,
        props.recovery ? Stack.of(props.recovery.construct).region : undefined,
      ];
      const sides = [
        {
          id: 'PrimaryRecord',
          name: endpoint.primaryDomainName,
          check: this.primaryHealthCheck,
          role: 'PRIMARY',
          region: regions[0],
        },
        {
          id: 'RecoveryRecord',
          name: endpoint.recoveryDomainName,
          check: this.recoveryHealthCheck,
          role: 'SECONDARY',
          region: regions[1],
        },
      ];
      for (const side of sides) {
        records.push(
          new route53.CfnRecordSet(this, side.id, {
            hostedZoneId: endpoint.zone.hostedZoneId,
            name: endpoint.recordName,
            type: 'CNAME',
            ttl: String(failover.ttlSeconds),
            resourceRecords: [side.name],
            setIdentifier: `${props.service}-${side.role.toLowerCase()}`,
            healthCheckId: side.check.attrHealthCheckId,
            failover: failover.routing === 'failover' ? side.role : undefined,
            region: failover.routing === 'latency' ? side.region : undefined,
          }),
        );
      }
    }
    this.records = records;
  }

  /**
   * Health check status of the primary (or recovery) endpoint: 1 healthy, 0 unhealthy, in the
   * Region Route 53 publishes it in (`ALARM_METRICS` in lib/facts).
   */
  public metricHealthCheckStatus(
    side: 'primary' | 'recovery' = 'primary',
  ): StoreMetric | undefined {
    const check = side === 'primary' ? this.primaryHealthCheck : this.recoveryHealthCheck;
    const signal = 'health-check-status';
    return check
      ? signalMetric(
          signal,
          { healthCheck: check.attrHealthCheckId },
          publishedRegion(signal, Stack.of(this).region),
        )
      : undefined;
  }

  private healthCheck(
    id: string,
    failover: FailoverPlan,
    endpoint: StandbyEndpointOptions,
    domainName: string,
    names: { readonly service: string; readonly tier: string; readonly side: string },
  ): route53.CfnHealthCheck {
    const { service, tier, side } = names;
    const check = new route53.CfnHealthCheck(this, id, {
      healthCheckConfig: {
        type: 'HTTPS',
        fullyQualifiedDomainName: domainName,
        resourcePath: endpoint.healthCheckPath ?? '/',
        port: 443,
        // 10 or 30 s; fast checks cost more but cut detection time.
        // https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating-values.html
        requestInterval: failover.healthCheckIntervalSeconds,
        failureThreshold: failover.failureThreshold,
      },
    });
    // The service tag ties the records to the service for `continuity check`, whatever the
    // endpoints are (load balancers, external names); Name labels the check in the console.
    Tags.of(check).add(TAG_SERVICE, service);
    Tags.of(check).add(TAG_TIER, tier);
    Tags.of(check).add('Name', `${service}-${side}`);
    return check;
  }
}
