import { Lazy, Stack } from 'aws-cdk-lib';
import type * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as autoscalingL1 from 'aws-cdk-lib/aws-autoscaling';
import type { IConstruct } from 'constructs';
import { ALARM_METRICS, publishedRegion } from '../../lib/facts';
import type { ComputeKind } from '../../lib/model';
import { signalMetric } from './metric-targets';
import type { StoreMetric } from './protected-store';

/** The Auto Scaling group metric the health alarm watches. */
const IN_SERVICE_METRIC = ALARM_METRICS['asg-in-service-instances'].metricName;

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
   * The health metric AWS FIS drills stop on, in the compute's Region, as `ALARM_METRICS`
   * (lib/facts) describes it: `GroupInServiceInstances` of an Auto Scaling group (this switches
   * its group metrics collection on, keeping any metrics already collected), or `Errors` of a
   * Lambda function. `undefined` for ECS, which publishes no running task count without
   * Container Insights.
   */
  public metricHealth(): StoreMetric | undefined {
    const region = Stack.of(this.construct).region;
    const child = this.construct.node.defaultChild;
    if (child instanceof autoscalingL1.CfnAutoScalingGroup) {
      collectInServiceMetric(child);
      const signal = 'asg-in-service-instances';
      return signalMetric(signal, { group: child.ref }, publishedRegion(signal, region));
    }
    if (this.construct instanceof lambda.Function) {
      const signal = 'lambda-errors';
      return signalMetric(
        signal,
        { function: this.construct.functionName },
        publishedRegion(signal, region),
      );
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
      if (
        current.some(
          (e) => !e.metrics || e.metrics.length === 0 || e.metrics.includes(IN_SERVICE_METRIC),
        )
      ) {
        return current;
      }
      const [first, ...rest] = current;
      return first
        ? [{ ...first, metrics: [...(first.metrics ?? []), IN_SERVICE_METRIC] }, ...rest]
        : [{ granularity: '1Minute', metrics: [IN_SERVICE_METRIC] }];
    },
  });
}
