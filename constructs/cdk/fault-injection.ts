import { Annotations, Lazy, Stack, Token } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as fis from 'aws-cdk-lib/aws-fis';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { AlarmSignal, Disruption, ServicePlan } from '../../lib/model';
import { experimentShapes, fisPermissions, MAX_STOP_CONDITIONS } from '../../lib/planner';
import type { ExperimentShape } from '../../lib/planner';
import { pascal } from './continuity-monitoring';

/** An alarm of a service with the signal it watches. */
export interface ServiceAlarm {
  /** What the alarm watches. */
  readonly signal: AlarmSignal;
  /** The alarm. */
  readonly alarm: cloudwatch.IAlarm;
}

/** Properties of a {@link FaultInjection}. */
export interface FaultInjectionProps {
  /** The service's plan; its `faultInjection` drills become experiment templates. */
  readonly plan: ServicePlan;
  /**
   * The service's alarms; those in this stack's Region whose signal a drill lists in
   * `stopOnSignals` become its stop conditions.
   *
   * @default - none; experiments get no stop condition until `addStopCondition` is called
   */
  readonly alarms?: readonly ServiceAlarm[];
  /**
   * Availability Zone the `az` drill takes out.
   *
   * @default - the primary Region's `a` zone
   */
  readonly availabilityZone?: string;
  /**
   * Role AWS FIS assumes to run the experiments.
   *
   * @default - a new role with the AWS managed FIS policies the planned actions need
   */
  readonly role?: iam.IRole;
  /**
   * Log group that receives experiment logs.
   *
   * @default - no experiment logging
   */
  readonly logGroup?: logs.ILogGroup;
}

/**
 * AWS FIS experiment templates for one service: one per disruption with planned drills
 * (`ExperimentAz`, `ExperimentRegion`), targeting resources tagged `continuity:service=<service>`
 * and stopped by the service's impact alarms (`aws:cloudwatch:alarm`).
 *
 * Templates only describe experiments; nothing runs until someone starts one (console, CLI
 * `aws fis start-experiment`, or a schedule). Subnets are selected by the service tag too: tag
 * the subnets a service runs in with `continuity:service=<service>` for the network drills to
 * act on them; actions whose targets resolve to nothing are skipped.
 */
export class FaultInjection extends Construct {
  /** Experiment templates by disruption. */
  public readonly experimentTemplates: Readonly<
    Partial<Record<Disruption, fis.CfnExperimentTemplate>>
  >;
  /** Role AWS FIS assumes. */
  public readonly role: iam.IRole;
  private readonly stopAlarmArns = new Map<Disruption, string[]>();

  public constructor(scope: Construct, id: string, props: FaultInjectionProps) {
    super(scope, id);
    const shapes = experimentShapes(props.plan, props.availabilityZone);
    const actionIds = shapes.flatMap((s) => s.actions.map((a) => a.actionId));
    this.role = props.role ?? this.createRole(actionIds);
    const region = Stack.of(this).region;
    const templates: Partial<Record<Disruption, fis.CfnExperimentTemplate>> = {};
    for (const shape of shapes) {
      const arns = (props.alarms ?? [])
        .filter((a) => shape.stopOnSignals.includes(a.signal))
        .filter((a) => Token.isUnresolved(region) || Stack.of(a.alarm).region === region)
        .map((a) => a.alarm.alarmArn);
      this.stopAlarmArns.set(shape.disruption, arns);
      templates[shape.disruption] = this.renderTemplate(shape, props.logGroup);
    }
    this.experimentTemplates = templates;
    this.node.addValidation({ validate: () => this.validateStopConditions() });
  }

  /** Adds an alarm (e.g. the service's error rate) that stops every experiment of the service. */
  public addStopCondition(alarm: cloudwatch.IAlarm): void {
    for (const arns of this.stopAlarmArns.values()) arns.push(alarm.alarmArn);
  }

  private renderTemplate(
    shape: ExperimentShape,
    logGroup: logs.ILogGroup | undefined,
  ): fis.CfnExperimentTemplate {
    const arns = this.stopAlarmArns.get(shape.disruption)!;
    return new fis.CfnExperimentTemplate(this, `Experiment${pascal(shape.disruption)}`, {
      description: shape.description,
      roleArn: this.role.roleArn,
      targets: Object.fromEntries(
        shape.targets.map((t) => [
          t.name,
          {
            resourceType: t.resourceType,
            resourceTags: { ...t.resourceTags },
            selectionMode: t.selectionMode,
            ...(t.filters.length
              ? { filters: t.filters.map((f) => ({ path: f.path, values: [...f.values] })) }
              : {}),
            ...(Object.keys(t.parameters).length ? { parameters: { ...t.parameters } } : {}),
          },
        ]),
      ),
      actions: Object.fromEntries(
        shape.actions.map((a) => [
          a.name,
          {
            actionId: a.actionId,
            description: a.description,
            ...(Object.keys(a.parameters).length ? { parameters: { ...a.parameters } } : {}),
            targets: { [a.targetKey]: a.targetName },
          },
        ]),
      ),
      // Read at synthesis, so stop conditions added later are included.
      stopConditions: Lazy.any({
        produce: () =>
          arns.length === 0
            ? [{ source: 'none' }]
            : arns
                .slice(0, MAX_STOP_CONDITIONS)
                .map((value) => ({ source: 'aws:cloudwatch:alarm', value })),
      }),
      experimentOptions: { accountTargeting: 'single-account', emptyTargetResolutionMode: 'skip' },
      ...(logGroup
        ? {
            logConfiguration: {
              logSchemaVersion: 2,
              cloudWatchLogsConfiguration: { LogGroupArn: logGroup.logGroupArn },
            },
          }
        : {}),
      tags: { ...shape.tags },
    });
  }

  private validateStopConditions(): string[] {
    for (const [disruption, arns] of this.stopAlarmArns) {
      if (arns.length === 0) {
        Annotations.of(this).addWarningV2(
          'continuity-kit:fis-no-stop-condition',
          `the ${disruption} experiment of this service has no stop condition (no planned impact alarm in ` +
            'this Region); call addStopCondition(alarm) with an alarm on the service\u2019s health',
        );
      } else if (arns.length > MAX_STOP_CONDITIONS) {
        Annotations.of(this).addWarningV2(
          'continuity-kit:fis-stop-conditions',
          `the ${disruption} experiment has ${arns.length} stop alarms; AWS FIS allows ${MAX_STOP_CONDITIONS}, ` +
            'so only the first ones are used; combine the others into a composite alarm',
        );
      }
    }
    return [];
  }

  private createRole(actionIds: readonly string[]): iam.Role {
    const { managedPolicies, inlineActions } = fisPermissions(actionIds);
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('fis.amazonaws.com'),
      description: 'Runs continuity-kit AWS FIS drills',
      managedPolicies: managedPolicies.map((name) =>
        iam.ManagedPolicy.fromAwsManagedPolicyName(`service-role/${name}`),
      ),
    });
    if (inlineActions.length > 0) {
      // Pausing replication acts on tagged tables and buckets FIS resolves at run time.
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: inlineActions, resources: ['*'] }),
      );
    }
    return role;
  }
}
