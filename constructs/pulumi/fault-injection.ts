import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

import { ALARM_METRICS } from '../../lib/facts';
import { parseMetricsInsights } from '../../lib/inventory/metrics-insights';
import { TAG_SERVICE } from '../../lib/model';
import type { Disruption, ServicePlan } from '../../lib/model';
import { experimentShapes, fisPermissions, MAX_STOP_CONDITIONS } from '../../lib/planner';
import type { ExperimentShape } from '../../lib/planner';
import { managedPolicyArn } from './aws-partition';
import { metricAlarmArgs } from './metric-alarm-args';
import { TYPE_TOKENS } from './type-tokens';

/** Arguments of {@link FaultInjection}. */
export interface FaultInjectionArgs {
  /** The service's plan; its `faultInjection` drills become experiment templates. */
  readonly plan: ServicePlan;
  /** Region the experiments run in (the primary Region); passed as `region` to every child. */
  readonly region: string;
  /**
   * Candidate stop alarms: those tagged `continuity:service=<service>`, in `region`, whose metric
   * is that of a signal a drill lists in `stopOnSignals` become its stop conditions.
   *
   * @default - none
   */
  readonly alarms?: readonly aws.cloudwatch.MetricAlarm[];
  /**
   * Further alarms (e.g. the service's error rate) that stop every experiment.
   *
   * @default - none
   */
  readonly stopConditionAlarmArns?: readonly pulumi.Input<string>[];
  /**
   * Availability Zone the `az` drill takes out.
   *
   * @default - the primary Region's `a` zone
   */
  readonly availabilityZone?: string;
  /**
   * Role AWS FIS assumes.
   *
   * @default - a new role with the AWS managed FIS policies the planned actions need
   */
  readonly roleArn?: pulumi.Input<string>;
  /**
   * CloudWatch Logs log group ARN (ending in `:*`) for experiment logs.
   *
   * @default - no experiment logging
   */
  readonly logGroupArn?: pulumi.Input<string>;
  /**
   * Provider for `region`.
   *
   * @default - the provider inherited from the parent
   */
  readonly provider?: aws.Provider;
}

/**
 * AWS FIS experiment templates for one service: one per disruption with planned drills,
 * targeting resources tagged `continuity:service=<service>` and stopped by the service's impact
 * alarms (`aws:cloudwatch:alarm`; `none` when there is none). Nothing runs until an experiment is
 * started.
 *
 * Children: `${name}-role` (+ `${name}-role-<policy>` attachments and `${name}-role-inline`)
 * unless `roleArn` is given; `${name}-<disruption>` per experiment template.
 */
export class FaultInjection extends pulumi.ComponentResource {
  /** Experiment templates by disruption. */
  public readonly experimentTemplates: Readonly<
    Partial<Record<Disruption, aws.fis.ExperimentTemplate>>
  >;
  /** ARN of the role AWS FIS assumes. */
  public readonly roleArn: pulumi.Output<string>;

  public constructor(
    name: string,
    args: FaultInjectionArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(TYPE_TOKENS.faultInjection, name, {}, opts);
    const child = { parent: this, ...(args.provider ? { provider: args.provider } : {}) };
    const shapes = experimentShapes(args.plan, args.availabilityZone);
    this.roleArn =
      args.roleArn === undefined
        ? this.createRole(
            name,
            shapes.flatMap((s) => s.actions.map((a) => a.actionId)),
            child,
          )
        : pulumi.output(args.roleArn);
    // Once per component, not per template: every template matches the same candidates.
    const candidates = (args.alarms ?? []).map(stopCandidate);
    const templates: Partial<Record<Disruption, aws.fis.ExperimentTemplate>> = {};
    for (const shape of shapes) {
      templates[shape.disruption] = new aws.fis.ExperimentTemplate(
        `${name}-${shape.disruption}`,
        {
          region: args.region,
          description: shape.description,
          roleArn: this.roleArn,
          targets: shape.targets.map((t) => ({
            name: t.name,
            resourceType: t.resourceType,
            selectionMode: t.selectionMode,
            resourceTags: Object.entries(t.resourceTags).map(([key, value]) => ({ key, value })),
            ...(t.filters.length
              ? { filters: t.filters.map((f) => ({ path: f.path, values: [...f.values] })) }
              : {}),
            ...(Object.keys(t.parameters).length ? { parameters: { ...t.parameters } } : {}),
          })),
          actions: shape.actions.map((a) => ({
            name: a.name,
            actionId: a.actionId,
            description: a.description,
            parameters: Object.entries(a.parameters).map(([key, value]) => ({ key, value })),
            target: { key: a.targetKey, value: a.targetName },
          })),
          stopConditions: this.stopConditions(shape, args, candidates),
          experimentOptions: {
            accountTargeting: 'single-account',
            emptyTargetResolutionMode: 'skip',
          },
          ...(args.logGroupArn
            ? {
                logConfiguration: {
                  logSchemaVersion: 2,
                  cloudwatchLogsConfiguration: { logGroupArn: args.logGroupArn },
                },
              }
            : {}),
          tags: { ...shape.tags },
        },
        child,
      );
    }
    this.experimentTemplates = templates;
    this.registerOutputs({
      experimentTemplateIds: Object.fromEntries(
        Object.entries(templates).map(([d, t]) => [d, t.id]),
      ),
    });
  }

  /** The shape's stop conditions: matching service alarms, then the extra ones (at most 5). */
  private stopConditions(
    shape: ExperimentShape,
    args: FaultInjectionArgs,
    candidates: readonly StopCandidate[],
  ): pulumi.Input<pulumi.Input<StopCondition>[]> {
    const wanted = shape.stopOnSignals.map((s) => ALARM_METRICS[s]);
    const matches = (alarm: AlarmMatchFacts): boolean => {
      const selected = alarm.metric;
      return (
        alarm.service === args.plan.service &&
        (alarm.region === undefined || alarm.region === args.region) &&
        wanted.some(
          (m) => m.namespace === selected?.namespace && m.metricName === selected.metricName,
        )
      );
    };
    const extra = args.stopConditionAlarmArns ?? [];
    const stopOn = (arns: readonly pulumi.Input<string>[]): StopCondition[] => {
      if (arns.length > MAX_STOP_CONDITIONS) {
        void pulumi.log.warn(
          `the ${shape.disruption} drill of '${args.plan.service}' has ${arns.length} stop alarms; AWS FIS ` +
            `allows ${MAX_STOP_CONDITIONS}, so only the first are used; combine the others into a composite alarm`,
          this,
        );
      }
      return arns.length === 0
        ? [{ source: 'none' }]
        : arns
            .slice(0, MAX_STOP_CONDITIONS)
            .map((value) => ({ source: 'aws:cloudwatch:alarm', value }));
    };
    // Alarms whose arguments are known are matched now. With no further ARNs (which could repeat
    // an alarm's) the list is known too: each entry waits only for its alarm's ARN, as when the
    // ARNs are written out, instead of one output over all of them.
    if (extra.length === 0 && candidates.every((c) => 'facts' in c)) {
      const matching = candidates.flatMap((c) => ('facts' in c && matches(c.facts) ? [c.arn] : []));
      // an alarm listed twice has one ARN output: list it once, as the resolved ARNs were
      return stopOn([...new Set(matching)]);
    }
    const arns = candidates.flatMap((c): pulumi.Output<string | undefined>[] => {
      if ('facts' in c) return matches(c.facts) ? [c.arn] : [];
      return [c.resolved.apply(([arn, facts]) => (matches(facts) ? arn : undefined))];
    });
    return pulumi.all([...arns, ...extra]).apply((values) => {
      const matching = values
        .slice(0, arns.length)
        .filter((arn): arn is string => arn !== undefined);
      return stopOn([...new Set([...matching, ...(values.slice(arns.length) as string[])])]);
    });
  }

  private createRole(
    name: string,
    actionIds: readonly string[],
    child: pulumi.CustomResourceOptions,
  ): pulumi.Output<string> {
    const { managedPolicies, inlineActions } = fisPermissions(actionIds);
    const role = new aws.iam.Role(
      `${name}-role`,
      {
        description: 'Runs continuity-kit AWS FIS drills',
        assumeRolePolicy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'fis.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
      },
      child,
    );
    for (const policy of managedPolicies) {
      new aws.iam.RolePolicyAttachment(
        `${name}-role-${policy}`,
        { role: role.name, policyArn: managedPolicyArn(child, `service-role/${policy}`) },
        child,
      );
    }
    if (inlineActions.length > 0) {
      // Pausing replication acts on tagged tables and buckets FIS resolves at run time.
      new aws.iam.RolePolicy(
        `${name}-role-inline`,
        {
          role: role.name,
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: [...inlineActions], Resource: '*' }],
          }),
        },
        child,
      );
    }
    return role.arn;
  }
}

/** One stop condition of an experiment template. */
interface StopCondition {
  readonly source: string;
  readonly value?: pulumi.Input<string>;
}

/** What a stop alarm is matched on: its service tag, Region and metric. */
interface AlarmMatchFacts {
  readonly service?: string;
  readonly region?: string;
  readonly metric?: { readonly namespace: string; readonly metricName?: string };
}

/** A candidate stop alarm: matched on its known arguments, or on its outputs. */
type StopCandidate =
  | { readonly arn: pulumi.Output<string>; readonly facts: AlarmMatchFacts }
  | { readonly resolved: pulumi.Output<[string, AlarmMatchFacts]> };

function stopCandidate(alarm: aws.cloudwatch.MetricAlarm): StopCandidate {
  const facts = knownMatchFacts(metricAlarmArgs(alarm));
  if (facts) return { arn: alarm.arn, facts };
  return {
    resolved: pulumi
      .all([
        alarm.arn,
        alarm.namespace,
        alarm.metricName,
        alarm.tags,
        alarm.region,
        alarm.metricQueries,
      ])
      .apply(([arn, namespace, metricName, tags, region, queries]): [string, AlarmMatchFacts] => [
        arn,
        {
          service: tags?.[TAG_SERVICE],
          region,
          // A Metrics Insights alarm names its metric in the query.
          metric: namespace === undefined ? queriedMetric(queries) : { namespace, metricName },
        },
      ]),
  };
}

/**
 * The match facts of an alarm created with plain namespace, metric, Region and service tag (the
 * provider echoes them as outputs); `undefined` when any of them is only known at deploy time.
 */
function knownMatchFacts(
  args: Readonly<aws.cloudwatch.MetricAlarmArgs> | undefined,
): AlarmMatchFacts | undefined {
  if (args === undefined) return undefined;
  const { namespace, metricName, region, tags } = args;
  if (typeof namespace !== 'string' || typeof metricName !== 'string') return undefined;
  if (typeof region !== 'string') return undefined;
  if (tags !== undefined && !isPlainRecord(tags)) return undefined;
  const service: unknown = tags?.[TAG_SERVICE];
  if (service !== undefined && typeof service !== 'string') return undefined;
  return { service, region, metric: { namespace, metricName } };
}

function isPlainRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !pulumi.Output.isInstance(value) &&
    !(value instanceof Promise)
  );
}

/** Namespace and metric a Metrics Insights alarm selects, if one of its queries is such a query. */
function queriedMetric(
  queries: readonly { readonly expression?: string }[] | undefined,
): { namespace: string; metricName: string } | undefined {
  for (const query of queries ?? []) {
    const selection =
      query.expression === undefined ? undefined : parseMetricsInsights(query.expression);
    if (selection) return { namespace: selection.namespace, metricName: selection.metricName };
  }
  return undefined;
}
