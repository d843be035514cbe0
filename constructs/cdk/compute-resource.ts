import { Duration, Lazy, Stack } from 'aws-cdk-lib';
import type * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as autoscalingL1 from 'aws-cdk-lib/aws-autoscaling';
import type { IConstruct } from 'constructs';
import type { ComputeKind } from '../../lib/model';
import type { StoreMetric } from './protected-store';

/** The Auto Scaling group metric the health alarm watches. */
const IN_SERVICE_METRIC = 'GroupInServiceInstances';

/**
 * Compute to keep on standby: an ECS service, an Auto Scaling group or a Lambda function.
 *
 * Use the static factories; {@link Standby} sets the running capacity the plan asks for.
 */
export class ComputeResource {
  /** An ECS service (Fargate or EC2). */
  public static fromEcsService(service: ecs.BaseService): ComputeResource {
    return new ComputeResource('ecs', service);
  }

  /** An EC2 Auto Scaling group. */
  public static fromAutoScalingGroup(group: autoscaling.AutoScalingGroup): ComputeResource {
    return new ComputeResource('asg', group);
  }

  /** A Lambda function (capacity is not set: a defined function is ready to serve). */
  public static fromFunction(fn: lambda.Function): ComputeResource {
    return new ComputeResource('lambda', fn);
  }

  private constructor(
    /** What kind of compute this is. */
    public readonly kind: ComputeKind,
    /** The L2 construct. */
    public readonly construct: IConstruct,
  ) {}

  /**
   * The health metric AWS FIS drills stop on, in the compute's Region: `GroupInServiceInstances`
   * of an Auto Scaling group (Minimum; this switches its group metrics collection on, keeping any
   * metrics already collected), or `Errors` of a Lambda function (Sum). `undefined` for ECS, which
   * publishes no running task count without Container Insights.
   * https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-metrics.html
   * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
   */
  public metricHealth(): StoreMetric | undefined {
    const region = Stack.of(this.construct).region;
    const period = Duration.minutes(1);
    const child = this.construct.node.defaultChild;
    if (child instanceof autoscalingL1.CfnAutoScalingGroup) {
      collectInServiceMetric(child);
      return {
        metric: new cloudwatch.Metric({
          namespace: 'AWS/AutoScaling',
          metricName: IN_SERVICE_METRIC,
          dimensionsMap: { AutoScalingGroupName: child.ref },
          statistic: 'Minimum',
          period,
          region,
        }),
        region,
        unitsPerSecond: 1,
      };
    }
    if (this.construct instanceof lambda.Function) {
      return {
        metric: new cloudwatch.Metric({
          namespace: 'AWS/Lambda',
          metricName: 'Errors',
          dimensionsMap: { FunctionName: this.construct.functionName },
          statistic: 'Sum',
          period,
          region,
        }),
        region,
        unitsPerSecond: 1,
      };
    }
    return undefined;
  }

  /** Sets the running capacity: desired count (ECS) or min/desired size (ASG). */
  public setCapacity(capacity: number): void {
    const child = this.construct.node.defaultChild;
    if (child instanceof ecs.CfnService) {
      child.desiredCount = capacity;
    } else if (child instanceof autoscalingL1.CfnAutoScalingGroup) {
      child.minSize = String(capacity);
      child.desiredCapacity = String(capacity);
      const max = Number(child.maxSize);
      if (Number.isFinite(max) && max < capacity) {
        child.maxSize = String(capacity);
      }
    }
  }
}

/** One entry of `MetricsCollection`, as the L1 takes it. */
interface MetricsCollectionEntry {
  readonly granularity: string;
  readonly metrics?: readonly string[];
}

/**
 * Makes the group publish `GroupInServiceInstances` at synthesis, on top of what it already
 * collects (an entry without metrics collects them all).
 */
function collectInServiceMetric(group: autoscalingL1.CfnAutoScalingGroup): void {
  const previous: unknown = group.metricsCollection;
  group.metricsCollection = Lazy.any({
    produce: () => {
      const resolved: unknown = Stack.of(group).resolve(previous);
      const current = Array.isArray(resolved) ? (resolved as MetricsCollectionEntry[]) : [];
      if (current.some((e) => !e.metrics || e.metrics.length === 0 || e.metrics.includes(IN_SERVICE_METRIC))) {
        return current;
      }
      const [first, ...rest] = current;
      return first
        ? [{ ...first, metrics: [...(first.metrics ?? []), IN_SERVICE_METRIC] }, ...rest]
        : [{ granularity: '1Minute', metrics: [IN_SERVICE_METRIC] }];
    },
  });
}
