import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

import { ALARM_METRICS } from '../../lib/facts';
import { parseMetricsInsights } from '../../lib/inventory/metrics-insights';
import { TAG_SERVICE } from '../../lib/model';
import type { Disruption, ServicePlan } from '../../lib/model';
import { experimentShapes, fisPermissions, MAX_STOP_CONDITIONS } from '../../lib/planner';
import type { ExperimentShape } from '../../lib/planner';
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
          stopConditions: this.stopConditions(shape, args),
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
  ): pulumi.Output<{ source: string; value?: string }[]> {
    const wanted = shape.stopOnSignals.map((s) => ALARM_METRICS[s]);
    const candidates = (args.alarms ?? []).map((a) =>
      pulumi.all([a.arn, a.namespace, a.metricName, a.tags, a.region, a.metricQueries]),
    );
    return pulumi
      .all([pulumi.all(candidates), pulumi.all([...(args.stopConditionAlarmArns ?? [])])])
      .apply(([alarms, extra]) => {
        const matching = alarms
          .filter(([, namespace, metricName, tags, region, queries]) => {
            // A Metrics Insights alarm names its metric in the query.
            const selected =
              namespace === undefined ? queriedMetric(queries) : { namespace, metricName };
            return (
              tags?.[TAG_SERVICE] === args.plan.service &&
              (region === undefined || region === args.region) &&
              wanted.some(
                (m) => m.namespace === selected?.namespace && m.metricName === selected.metricName,
              )
            );
          })
          .map(([arn]) => arn);
        const arns = [...new Set([...matching, ...extra])];
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
    const partition = aws.getPartitionOutput({}, child).partition;
    for (const policy of managedPolicies) {
      new aws.iam.RolePolicyAttachment(
        `${name}-role-${policy}`,
        {
          role: role.name,
          policyArn: pulumi.interpolate`arn:${partition}:iam::aws:policy/service-role/${policy}`,
        },
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
