import type * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as autoscalingL1 from 'aws-cdk-lib/aws-autoscaling';
import type { IConstruct } from 'constructs';
import type { ComputeKind } from '../../lib/model';

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
