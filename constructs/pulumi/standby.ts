import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

import { metricDimensions, metricRegion } from '../../lib/facts';
import type { AlarmDimensionRole } from '../../lib/facts';
import type {
  AlarmSignal,
  ComputeKind,
  ComputePlan,
  FailoverPlan,
  RegionPair,
} from '../../lib/model';
import type { MetricTarget } from './metric-targets';
import { DEFAULT_CONTAINER_IMAGE, DEFAULT_INSTANCE_TYPE, renderCompute } from './standby-compute';
import type { ComputeSide, StandbyNetwork } from './standby-compute';
import { continuityTags } from './tags';
import { TYPE_TOKENS } from './type-tokens';

/** DNS in front of a service: where the failover or latency records go and what they check. */
export interface StandbyDns {
  /** Hosted zone the records are created in. */
  readonly zoneId: pulumi.Input<string>;
  /** Record name clients use, e.g. `orders.shop.example.com`. */
  readonly recordName: pulumi.Input<string>;
  /** Host name serving the service in the primary Region (load balancer, API endpoint). */
  readonly primaryEndpoint: pulumi.Input<string>;
  /** Host name serving the service in the recovery Region. */
  readonly recoveryEndpoint: pulumi.Input<string>;
  /**
   * Path the HTTPS health checks request.
   *
   * @default '/health'
   */
  readonly healthCheckPath?: string;
}

/** Leave an optional child out explicitly. */
export interface Skip {
  readonly skip: true;
}

/** Arguments of {@link Standby}. */
export interface StandbyArgs {
  /** Service name (`continuity:service` tag). */
  readonly service: string;
  /** Tier name (`continuity:tier` tag). */
  readonly tier: string;
  /** Compute plans: capacity per Region. */
  readonly compute: readonly ComputePlan[];
  /**
   * Route 53 failover or latency routing plan.
   *
   * @default - no health checks or records
   */
  readonly failover?: FailoverPlan;
  /** Primary and recovery Regions; passed as `region` to every regional child. */
  readonly regions: RegionPair;
  /**
   * Provider for the primary Region (and Route 53, which is global).
   *
   * @default - the provider inherited from the parent
   */
  readonly primaryProvider?: aws.Provider;
  /**
   * Explicit provider for the recovery Region.
   *
   * @default - none; the component throws when the plan puts capacity there
   */
  readonly recoveryProvider?: aws.Provider;
  /**
   * Subnets per Region for ECS services and auto scaling groups.
   *
   * @default - none; required when the service has `ecs` or `asg` compute
   */
  readonly network?: { readonly primary: StandbyNetwork; readonly recovery: StandbyNetwork };
  /**
   * Records and health checks in front of the service; `{ skip: true }` leaves them out.
   *
   * @default - none; required (or skipped explicitly) when failover is planned
   */
  readonly dns?: StandbyDns | Skip;
  /**
   * Container image of created ECS services.
   *
   * @default DEFAULT_CONTAINER_IMAGE
   */
  readonly containerImage?: string;
  /**
   * Instance type of created auto scaling groups.
   *
   * @default DEFAULT_INSTANCE_TYPE
   */
  readonly instanceType?: string;
}

/** The resource created for one compute plan in each Region. */
export interface StandbyCompute {
  readonly plan: ComputePlan;
  readonly primary: pulumi.CustomResource;
  /** `undefined` when the plan redeploys from code (no recovery capacity defined). */
  readonly recovery?: pulumi.CustomResource;
}

/**
 * Compute in the primary Region and, per strategy, in the recovery Region (pilot light: defined
 * at capacity 0; warm standby: scaled down; active/active: full), with Route 53 health checks and
 * failover or latency records in front.
 *
 * Children: per compute `${name}-<logicalId or kind+n>` + `-task`/`-service`, `-template`/`-group`
 * or `-function` (the recovery side adds `-recovery`); `${name}-cluster` /
 * `${name}-recovery-cluster` for ECS; `${name}-lambda-role` (+ `-basic` attachment);
 * `${name}-primary-health`,
 * `${name}-recovery-health`, `${name}-primary-record`, `${name}-recovery-record`.
 */
export class Standby extends pulumi.ComponentResource {
  /** Compute per plan, in plan order. */
  public readonly compute: readonly StandbyCompute[];
  /** Health checks (primary first), when failover is rendered. */
  public readonly healthChecks: readonly aws.route53.HealthCheck[];
  /** Failover or latency records (primary first), when failover is rendered. */
  public readonly records: readonly aws.route53.Record[];
  /**
   * `health-check-status` metrics of the health checks, then the health metrics of the primary
   * compute (`asg-in-service-instances`, `lambda-errors`).
   */
  public readonly metricTargets: readonly MetricTarget[];

  public constructor(name: string, args: StandbyArgs, opts?: pulumi.ComponentResourceOptions) {
    super(TYPE_TOKENS.standby, name, {}, opts);
    const { regions } = args;
    const primaryOpts = {
      parent: this,
      ...(args.primaryProvider ? { provider: args.primaryProvider } : {}),
    };
    const needsRecovery = args.compute.some((c) => c.recoveryCapacity !== undefined);
    if (needsRecovery && args.recoveryProvider === undefined) {
      throw new Error(
        `service '${args.service}' plans standby capacity in ${regions.recovery}, but ` +
          'recoveryProvider is undefined; pass an aws.Provider for the recovery Region',
      );
    }
    const recoveryOpts = { parent: this, provider: args.recoveryProvider };
    const tags = continuityTags(args.service, args.tier);

    const clusters = new Map<string, aws.ecs.Cluster>();
    const cluster = (key: string, region: string, o: pulumi.CustomResourceOptions) => () => {
      const existing = clusters.get(key);
      if (existing) return existing;
      const created = new aws.ecs.Cluster(`${name}-${key}`, { region, tags }, o);
      clusters.set(key, created);
      return created;
    };
    let lambdaRole: aws.iam.Role | undefined;
    const defaults = {
      containerImage: args.containerImage ?? DEFAULT_CONTAINER_IMAGE,
      instanceType: args.instanceType ?? DEFAULT_INSTANCE_TYPE,
      lambdaRole: () => (lambdaRole ??= this.lambdaRole(name, primaryOpts)),
    };

    const counters = new Map<ComputeKind, number>();
    this.compute = args.compute.map((plan) => {
      const kind = plan.resource.kind as ComputeKind;
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      const base = `${name}-${plan.resource.logicalId ?? `${kind}${n}`}`;
      const side = (recovery: boolean): ComputeSide => ({
        prefix: recovery ? `${base}-recovery` : base,
        region: recovery ? regions.recovery : regions.primary,
        capacity: recovery ? (plan.recoveryCapacity ?? 0) : plan.primaryCapacity,
        maxCapacity: plan.primaryCapacity,
        opts: recovery ? recoveryOpts : primaryOpts,
        network: recovery ? args.network?.recovery : args.network?.primary,
        tags,
        ecsCluster: recovery
          ? cluster('recovery-cluster', regions.recovery, recoveryOpts)
          : cluster('cluster', regions.primary, primaryOpts),
      });
      return {
        plan,
        primary: renderCompute(kind, side(false), defaults),
        ...(plan.recoveryCapacity !== undefined
          ? { recovery: renderCompute(kind, side(true), defaults) }
          : {}),
      };
    });

    const routing = this.routing(name, args, primaryOpts);
    this.healthChecks = routing.healthChecks;
    this.records = routing.records;
    this.metricTargets = [
      ...routing.healthChecks.map((check, i): MetricTarget => ({
        signal: 'health-check-status',
        label: i === 0 ? 'primary' : 'recovery',
        region: metricRegion('health-check-status', regions),
        dimensions: metricDimensions('health-check-status', { healthCheck: check.id }),
      })),
      ...this.compute.flatMap((c, i) => computeMetricTargets(c, regions, i)),
    ];
    this.registerOutputs({
      healthCheckIds: this.healthChecks.map((h) => h.id),
      recordFqdns: this.records.map((r) => r.fqdn),
    });
  }

  private lambdaRole(name: string, opts: pulumi.CustomResourceOptions): aws.iam.Role {
    const role = new aws.iam.Role(
      `${name}-lambda-role`,
      {
        assumeRolePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'lambda.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
      },
      opts,
    );
    new aws.iam.RolePolicyAttachment(
      `${name}-lambda-role-basic`,
      { role: role.name, policyArn: aws.iam.ManagedPolicy.AWSLambdaBasicExecutionRole },
      opts,
    );
    return role;
  }

  private routing(
    name: string,
    args: StandbyArgs,
    opts: pulumi.CustomResourceOptions,
  ): { healthChecks: aws.route53.HealthCheck[]; records: aws.route53.Record[] } {
    const failover = args.failover;
    if (!failover) return { healthChecks: [], records: [] };
    const dns = args.dns;
    if (dns === undefined) {
      throw new Error(
        `service '${args.service}' plans ${failover.routing} routing, but dns is undefined; ` +
          'pass dns: { zoneId, recordName, primaryEndpoint, recoveryEndpoint } ' +
          'or dns: { skip: true }',
      );
    }
    if ('skip' in dns) return { healthChecks: [], records: [] };

    const sides = [
      { key: 'primary', endpoint: dns.primaryEndpoint, region: args.regions.primary },
      { key: 'recovery', endpoint: dns.recoveryEndpoint, region: args.regions.recovery },
    ] as const;
    const healthChecks = sides.map(
      (s) =>
        new aws.route53.HealthCheck(
          `${name}-${s.key}-health`,
          {
            type: 'HTTPS',
            fqdn: s.endpoint,
            port: 443,
            resourcePath: dns.healthCheckPath ?? '/health',
            requestInterval: failover.healthCheckIntervalSeconds,
            failureThreshold: failover.failureThreshold,
            tags: { ...continuityTags(args.service, args.tier), Name: `${args.service}-${s.key}` },
          },
          opts,
        ),
    );
    const records = sides.map(
      (s, i) =>
        new aws.route53.Record(
          `${name}-${s.key}-record`,
          {
            zoneId: dns.zoneId,
            name: dns.recordName,
            type: 'CNAME',
            ttl: failover.ttlSeconds,
            records: [s.endpoint],
            setIdentifier: s.key,
            healthCheckId: healthChecks[i]?.id,
            ...(failover.routing === 'failover'
              ? { failoverRoutingPolicies: [{ type: i === 0 ? 'PRIMARY' : 'SECONDARY' }] }
              : { latencyRoutingPolicies: [{ region: s.region }] }),
          },
          opts,
        ),
    );
    return { healthChecks, records };
  }
}

/** Health metrics of one compute's primary side: in-service instances, or function errors. */
function computeMetricTargets(
  compute: StandbyCompute,
  regions: RegionPair,
  index: number,
): MetricTarget[] {
  const label = compute.plan.resource.logicalId ?? `${compute.plan.resource.kind}${index + 1}`;
  const target = <S extends AlarmSignal>(
    signal: S,
    values: Readonly<Record<AlarmDimensionRole<S>, pulumi.Input<string>>>,
  ): MetricTarget => ({
    label,
    resource: compute.plan.resource,
    signal,
    region: metricRegion(signal, regions),
    dimensions: metricDimensions(signal, values),
  });
  if (compute.primary instanceof aws.autoscaling.Group) {
    return [target('asg-in-service-instances', { group: compute.primary.name })];
  }
  if (compute.primary instanceof aws.lambda.Function) {
    return [target('lambda-errors', { function: compute.primary.name })];
  }
  return [];
}
