import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

import {
  alarmEvaluationPeriods,
  alarmMetric,
  alarmThreshold,
  BACKUP_EVENT_SOURCE,
  BACKUP_JOB_FAILURE_EVENTS,
} from '../../lib/facts';
import type { AlarmSpec, RegionPair, ResourceRef, ServicePlan } from '../../lib/model';
import { jsonWithOutputs } from './json-with-outputs';
import { newMetricAlarm } from './metric-alarm-args';
import type { MetricTarget } from './metric-targets';
import type { ProtectedStore } from './protected-store';
import type { Standby } from './standby';
import { TYPE_TOKENS } from './type-tokens';

/**
 * AWS Backup job states that mean no usable recovery point or restore.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/eventbridge.html
 */

/** A service to monitor: its plan and what was created for it. */
export interface MonitoredService {
  readonly plan: ServicePlan;
  /** The service's stores (their metrics feed the lag alarms). */
  readonly stores: readonly ProtectedStore[];
  /**
   * The service's standby (its health checks feed `health-check-status`).
   *
   * @default - none
   */
  readonly standby?: Standby;
}

/** Arguments of {@link ContinuityMonitoring}. */
export interface ContinuityMonitoringArgs {
  /** Primary and recovery Regions. */
  readonly regions: RegionPair;
  /** Services whose planned alarms are created, with one dashboard each. */
  readonly services: readonly MonitoredService[];
  /**
   * Provider for the primary Region.
   *
   * @default - the provider inherited from the parent
   */
  readonly primaryProvider?: aws.Provider;
  /** Explicit provider for the recovery Region (event rules and recovery-side alarms). */
  readonly recoveryProvider: aws.Provider;
  /**
   * E-mail addresses subscribed to every topic.
   *
   * @default - no subscriptions
   */
  readonly emails?: readonly string[];
}

/** One alarm created for a spec, with the metric target it watches. */
interface RenderedAlarm {
  readonly spec: AlarmSpec;
  readonly alarm: aws.cloudwatch.MetricAlarm;
  readonly target?: MetricTarget;
  readonly region: string;
}

interface RegionalTopic {
  readonly topic: aws.sns.Topic;
  readonly opts: pulumi.CustomResourceOptions;
}

/**
 * SNS topics, EventBridge rules for failed/expired AWS Backup jobs (both Regions), CloudWatch
 * alarms from each service's `AlarmSpec`s, and a dashboard per service.
 *
 * Children: `${name}-topic` / `${name}-recovery-topic` (+ `-policy`, `-email-<n>`), and
 * `${name}-us-east-1-topic` with provider `${name}-us-east-1` when Route 53 health check alarms
 * are needed outside us-east-1; `${name}-<backup|copy|restore>-job-failed` (+ `-target`) and
 * `${name}-recovery-<job>-job-failed`; `${name}-<service>-<signal>[-<label>]` alarms;
 * `${name}-<service>-dashboard`.
 */
export class ContinuityMonitoring extends pulumi.ComponentResource {
  /** Topics by Region. */
  public readonly topics: Readonly<Record<string, aws.sns.Topic>>;
  /** EventBridge rules, primary Region first. */
  public readonly eventRules: readonly aws.cloudwatch.EventRule[];
  /** Alarms, in service and plan order. */
  public readonly alarms: readonly aws.cloudwatch.MetricAlarm[];
  /** Alarms by service (those tagged `continuity:service=<service>`), in plan order. */
  public readonly alarmsByService: Readonly<Record<string, readonly aws.cloudwatch.MetricAlarm[]>>;
  /** Dashboards by service. */
  public readonly dashboards: Readonly<Record<string, aws.cloudwatch.Dashboard>>;

  private readonly args: ContinuityMonitoringArgs;
  private readonly regional = new Map<string, RegionalTopic>();

  public constructor(
    name: string,
    args: ContinuityMonitoringArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(TYPE_TOKENS.continuityMonitoring, name, {}, opts);
    this.args = args;
    const { regions } = args;

    const eventRules: aws.cloudwatch.EventRule[] = [];
    for (const region of [regions.primary, regions.recovery]) {
      const { topic, opts: o } = this.topicFor(name, region);
      const prefix = region === regions.primary ? name : `${name}-recovery`;
      for (const job of BACKUP_JOB_FAILURE_EVENTS) {
        const rule = new aws.cloudwatch.EventRule(
          `${prefix}-${job.job}-job-failed`,
          {
            region,
            description: `AWS Backup ${job.job} jobs that ${job.states.join('/').toLowerCase()}`,
            eventPattern: JSON.stringify({
              source: [BACKUP_EVENT_SOURCE],
              'detail-type': [job.detailType],
              detail: { state: job.states },
            }),
          },
          o,
        );
        new aws.cloudwatch.EventTarget(
          `${prefix}-${job.job}-job-failed-target`,
          { region, rule: rule.name, arn: topic.arn },
          o,
        );
        eventRules.push(rule);
      }
    }
    this.eventRules = eventRules;

    const alarms: aws.cloudwatch.MetricAlarm[] = [];
    const alarmsByService: Record<string, aws.cloudwatch.MetricAlarm[]> = {};
    const dashboards: Record<string, aws.cloudwatch.Dashboard> = {};
    for (const service of args.services) {
      // Plain loops rather than flatMap/map callbacks: Pulumi records the whole call stack of
      // every resource it registers, so each extra frame costs once per alarm.
      const rendered: RenderedAlarm[] = [];
      for (const spec of service.plan.alarms) this.alarmsFor(name, service, spec, rendered);
      const own = rendered.map((r) => r.alarm);
      alarms.push(...own);
      alarmsByService[service.plan.service] = own;
      dashboards[service.plan.service] = this.dashboard(name, service.plan, rendered);
    }
    this.alarms = alarms;
    this.alarmsByService = alarmsByService;
    this.dashboards = dashboards;
    this.topics = Object.fromEntries(
      [...this.regional.entries()].map(([region, t]) => [region, t.topic]),
    );
    this.registerOutputs({
      topicArns: Object.fromEntries(
        [...this.regional.entries()].map(([region, t]) => [region, t.topic.arn]),
      ),
    });
  }

  /** The topic of a Region, created on first use with its policy and subscriptions. */
  private topicFor(name: string, region: string): RegionalTopic {
    const existing = this.regional.get(region);
    if (existing) return existing;
    const { regions } = this.args;
    let opts: pulumi.CustomResourceOptions;
    let prefix: string;
    if (region === regions.primary) {
      prefix = name;
      opts = {
        parent: this,
        ...(this.args.primaryProvider ? { provider: this.args.primaryProvider } : {}),
      };
    } else if (region === regions.recovery) {
      prefix = `${name}-recovery`;
      opts = { parent: this, provider: this.args.recoveryProvider };
    } else {
      prefix = `${name}-${region}`;
      opts = { parent: this, provider: new aws.Provider(prefix, { region }, { parent: this }) };
    }
    const topic = new aws.sns.Topic(`${prefix}-topic`, { region }, opts);
    new aws.sns.TopicPolicy(
      `${prefix}-topic-policy`,
      {
        region,
        arn: topic.arn,
        policy: topic.arn.apply((arn) =>
          JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'AllowEventBridgeAndCloudWatch',
                Effect: 'Allow',
                Principal: { Service: ['events.amazonaws.com', 'cloudwatch.amazonaws.com'] },
                Action: 'sns:Publish',
                Resource: arn,
              },
            ],
          }),
        ),
      },
      opts,
    );
    (this.args.emails ?? []).forEach((email, i) => {
      new aws.sns.TopicSubscription(
        `${prefix}-topic-email-${i + 1}`,
        { region, topic: topic.arn, protocol: 'email', endpoint: email },
        opts,
      );
    });
    const created = { topic, opts };
    this.regional.set(region, created);
    return created;
  }

  /** The metric targets one alarm spec applies to. */
  private targetsFor(service: MonitoredService, spec: AlarmSpec): (MetricTarget | undefined)[] {
    // AWS Backup job counts are account-wide: one alarm, no resource.
    if (alarmMetric(spec.signal).source === 'backup-jobs') return [undefined];
    const targets = [
      ...service.stores.flatMap((s) => s.metricTargets),
      ...(service.standby?.metricTargets ?? []),
    ].filter((t) => t.signal === spec.signal && matches(t.resource, spec.resource));
    if (targets.length === 0) {
      throw new Error(
        `service '${service.plan.service}' plans a ${spec.signal} alarm` +
          (spec.resource ? ` on '${spec.resource.logicalId ?? spec.resource.kind}'` : '') +
          ', but no created resource publishes that metric; pass the store or standby that does',
      );
    }
    return spec.signal === 'health-check-status' ? targets.slice(0, 1) : targets;
  }

  /** Creates the alarms of one spec, appending them to `rendered`. */
  private alarmsFor(
    name: string,
    service: MonitoredService,
    spec: AlarmSpec,
    rendered: RenderedAlarm[],
  ): void {
    const metric = alarmMetric(spec.signal);
    for (const target of this.targetsFor(service, spec)) {
      const region = target?.region ?? this.args.regions.primary;
      const { topic, opts } = this.topicFor(name, region);
      const label = target ? `-${target.label}` : '';
      const alarm = newMetricAlarm(
        `${name}-${service.plan.service}-${spec.signal}${label}`,
        {
          region,
          alarmDescription:
            `${service.plan.service} (${service.plan.tier}): ${spec.signal} ` +
            `threshold ${spec.threshold}`,
          ...(target?.query === undefined
            ? {
                namespace: metric.namespace,
                metricName: metric.metricName,
                dimensions: target ? { ...target.dimensions } : {},
                statistic: metric.statistic,
                period: metric.periodSeconds,
              }
            : {
                // A Metrics Insights alarm: the query is its only metric.
                // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-alarms.html
                metricQueries: [
                  {
                    id: 'q1',
                    expression: target.query,
                    label: metric.metricName,
                    period: metric.periodSeconds,
                    returnData: true,
                  },
                ],
              }),
          evaluationPeriods: alarmEvaluationPeriods(spec.signal),
          threshold: alarmThreshold(spec),
          comparisonOperator: metric.comparisonOperator,
          treatMissingData: metric.treatMissingData,
          alarmActions: [topic.arn],
          okActions: [topic.arn],
          tags: {
            'continuity:service': service.plan.service,
            'continuity:tier': service.plan.tier,
          },
        },
        opts,
      );
      rendered.push({ spec, alarm, target, region });
    }
  }

  private dashboard(
    name: string,
    plan: ServicePlan,
    rendered: readonly RenderedAlarm[],
  ): aws.cloudwatch.Dashboard {
    const widgets = rendered.map(({ spec, target, region }, i) => {
      const metric = alarmMetric(spec.signal);
      const dims = Object.entries(target?.dimensions ?? {}).flat();
      return {
        type: 'metric',
        x: (i % 2) * 12,
        y: Math.floor(i / 2) * 6,
        width: 12,
        height: 6,
        properties: {
          title: `${spec.signal}${target ? ` (${target.label})` : ''}`,
          region,
          stat: metric.statistic,
          metrics:
            target?.query === undefined
              ? [[metric.namespace, metric.metricName, ...dims]]
              : [[{ expression: target.query, label: metric.metricName, id: 'q1' }]],
          annotations: {
            horizontal: [{ label: 'threshold from RPO', value: alarmThreshold(spec) }],
          },
        },
      };
    });
    return new aws.cloudwatch.Dashboard(
      `${name}-${plan.service}-dashboard`,
      {
        region: this.args.regions.primary,
        dashboardName: `${pulumi.getStack()}-${name}-${plan.service}`.replace(
          /[^A-Za-z0-9_-]/g,
          '-',
        ),
        dashboardBody: jsonWithOutputs({ widgets }),
      },
      this.topicFor(name, this.args.regions.primary).opts,
    );
  }
}

/** True when a metric's resource is the one an alarm spec names (or the spec names none). */
function matches(resource: ResourceRef | undefined, wanted: ResourceRef | undefined): boolean {
  if (wanted === undefined) return true;
  if (resource === undefined) return false;
  return (
    resource === wanted ||
    (resource.kind === wanted.kind &&
      resource.logicalId === wanted.logicalId &&
      resource.stack === wanted.stack)
  );
}
