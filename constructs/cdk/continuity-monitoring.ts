import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import {
  alarmEvaluationPeriods,
  alarmMetric,
  alarmThreshold,
  BACKUP_EVENT_SOURCE,
  BACKUP_JOB_FAILURE_EVENTS,
} from '../../lib/facts';
import type { AlarmComparisonOperator } from '../../lib/facts';
import type { AlarmSpec } from '../../lib/model';
import type { StoreMetric } from './protected-store';

/** Properties of a {@link ContinuityMonitoring}. */
export interface ContinuityMonitoringProps {
  /**
   * Topic that alarms and job events notify.
   *
   * @default - a new topic encrypted with a new customer-managed key
   */
  readonly topic?: sns.ITopic;
  /**
   * Create EventBridge rules for failed, expired and aborted AWS Backup jobs, failed copy jobs and
   * failed restore jobs in this Region.
   *
   * @default true
   */
  readonly jobEvents?: boolean;
}

/**
 * AWS Backup job events (EventBridge `detail-type` and failure states).
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/eventbridge.html
 */
/** Construct id of the EventBridge rule for one kind of failed job (`BackupJobFailed`, ...). */
function jobRuleId(job: string): string {
  return `${job[0].toUpperCase()}${job.slice(1)}JobFailed`;
}

/** CloudWatch comparison operators as aws-cdk-lib names them. */
const COMPARISON_OPERATORS: Readonly<
  Record<AlarmComparisonOperator, cloudwatch.ComparisonOperator>
> = {
  GreaterThanThreshold: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
  GreaterThanOrEqualToThreshold: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
  LessThanThreshold: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
};

/** CloudWatch missing-data treatments as aws-cdk-lib names them. */
const TREAT_MISSING_DATA = {
  breaching: cloudwatch.TreatMissingData.BREACHING,
  notBreaching: cloudwatch.TreatMissingData.NOT_BREACHING,
} as const;

/**
 * Notifications and alarms for one Region: an encrypted SNS topic, EventBridge rules for failed
 * backup, copy and restore jobs, CloudWatch alarms from the plan's {@link AlarmSpec}s and a
 * dashboard per service that shows live replication lag against the declared RPO.
 */
export class ContinuityMonitoring extends Construct {
  /** Topic notified by every alarm and job event rule. */
  public readonly topic: sns.ITopic;
  /** Job event rules, by id (`BackupJobFailed`, `CopyJobFailed`, `RestoreJobFailed`). */
  public readonly jobRules: Readonly<Record<string, events.Rule>>;
  private readonly alarmAction: actions.SnsAction;

  public constructor(scope: Construct, id: string, props: ContinuityMonitoringProps = {}) {
    super(scope, id);
    this.topic = props.topic ?? this.createTopic();
    this.alarmAction = new actions.SnsAction(this.topic);
    const rules: Record<string, events.Rule> = {};
    if (props.jobEvents ?? true) {
      for (const job of BACKUP_JOB_FAILURE_EVENTS) {
        const id = jobRuleId(job.job);
        rules[id] = new events.Rule(this, id, {
          description: `continuity-kit: AWS Backup ${job.detailType} to ${job.states.join('/')}`,
          eventPattern: {
            source: [BACKUP_EVENT_SOURCE],
            detailType: [job.detailType],
            detail: { state: [...job.states] },
          },
          targets: [new targets.SnsTopic(this.topic)],
        });
      }
    }
    this.jobRules = rules;
  }

  /**
   * Creates the alarm a plan asks for on `metric`, in this construct's Region.
   *
   * The signal's direction, operator and missing-data treatment come from `ALARM_METRICS`
   * (lib/facts): lag thresholds are given in seconds and converted to the metric's unit, and the
   * alarm fires above them; failure counts (Lambda errors included) fire at or above the
   * threshold; health checks fire when the status drops below 1 (healthy), Auto Scaling groups
   * when fewer instances than the threshold are in service.
   */
  public addAlarm(id: string, spec: AlarmSpec, metric: StoreMetric): cloudwatch.Alarm {
    const region = Stack.of(this).region;
    if (metric.region !== region) {
      throw new Error(
        `alarm '${id}' watches a metric published in '${metric.region}', but ${this.node.path} is in ` +
          `'${region}'; CloudWatch alarms must live in the metric's Region`,
      );
    }
    const facts = alarmMetric(spec.signal);
    const isLag = facts.thresholdUnit === 'seconds';
    const isFloor = facts.comparison === 'below';
    const alarm = new cloudwatch.Alarm(this, id, {
      metric: metric.metric,
      alarmDescription:
        `continuity-kit ${spec.signal}` +
        (isLag
          ? ` above ${spec.threshold} s`
          : isFloor && facts.thresholdUnit === 'count'
            ? ` below ${spec.threshold}`
            : ''),
      // A lag metric converts with the given metric's unit (it may be the caller's own metric).
      threshold: isLag ? spec.threshold * metric.unitsPerSecond : alarmThreshold(spec),
      comparisonOperator: COMPARISON_OPERATORS[facts.comparisonOperator],
      evaluationPeriods: alarmEvaluationPeriods(spec.signal),
      treatMissingData: TREAT_MISSING_DATA[facts.treatMissingData],
    });
    alarm.addAlarmAction(this.alarmAction);
    alarm.addOkAction(this.alarmAction);
    return alarm;
  }

  /**
   * A dashboard for one service: each lag metric next to a line at the declared RPO.
   */
  public addServiceDashboard(
    service: string,
    rpoSeconds: number,
    metrics: readonly { readonly label: string; readonly metric: StoreMetric }[],
  ): cloudwatch.Dashboard {
    const dashboard = new cloudwatch.Dashboard(this, `Dashboard${pascal(service)}`);
    const widgets = metrics.map(
      ({ label, metric }) =>
        new cloudwatch.GraphWidget({
          title: `${service}: ${label}`,
          region: metric.region,
          left: [metric.metric],
          leftAnnotations: [
            { value: rpoSeconds * metric.unitsPerSecond, label: `declared RPO ${rpoSeconds} s` },
          ],
          width: 12,
        }),
    );
    dashboard.addWidgets(
      new cloudwatch.TextWidget({
        markdown: `# ${service}\nReplication lag against the declared RPO of ${rpoSeconds} s.`,
        width: 24,
        height: 2,
      }),
      ...widgets,
    );
    return dashboard;
  }

  private createTopic(): sns.Topic {
    const key = new kms.Key(this, 'TopicKey', {
      enableKeyRotation: true,
      // Retained like every key continuity-kit creates: deleting a key is irreversible.
      removalPolicy: RemovalPolicy.RETAIN,
      description: `Encrypts the continuity-kit notification topic ${this.node.path}`,
    });
    // CloudWatch alarms and EventBridge publish to an encrypted topic only when the key lets
    // them. https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowAlarmAndEventPublishing',
        principals: [
          new iam.ServicePrincipal('cloudwatch.amazonaws.com'),
          new iam.ServicePrincipal('events.amazonaws.com'),
        ],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    return new sns.Topic(this, 'Topic', {
      displayName: 'continuity-kit alerts',
      masterKey: key,
      enforceSSL: true,
    });
  }
}

/** `checkout-api` → `CheckoutApi`, for construct ids. */
export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
