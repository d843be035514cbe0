import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { ComputeResource } from '../../../constructs/cdk';

const ENV = { region: 'us-east-1', account: '111111111111' };

function group(groupMetrics?: autoscaling.GroupMetrics[]): {
  stack: Stack;
  asg: autoscaling.AutoScalingGroup;
} {
  const stack = new Stack(new App(), 'S', { env: ENV });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const asg = new autoscaling.AutoScalingGroup(stack, 'Workers', {
    vpc,
    instanceType: new ec2.InstanceType('t3.micro'),
    machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    ...(groupMetrics ? { groupMetrics } : {}),
  });
  return { stack, asg };
}

describe('ComputeResource.metricHealth', () => {
  test('an Auto Scaling group collects GroupInServiceInstances and reports it in its Region', () => {
    // GIVEN
    const { stack, asg } = group();
    // WHEN
    const metric = ComputeResource.fromAutoScalingGroup(asg).metricHealth();
    // THEN
    expect(metric?.region).toBe('us-east-1');
    expect(metric?.metric.toMetricConfig().metricStat).toMatchObject({
      namespace: 'AWS/AutoScaling',
      metricName: 'GroupInServiceInstances',
      statistic: 'Minimum',
    });
    Template.fromStack(stack).hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', {
      MetricsCollection: [{ Granularity: '1Minute', Metrics: ['GroupInServiceInstances'] }],
    });
  });

  test('keeps the group metrics the user already collects', () => {
    // GIVEN
    const { stack, asg } = group([
      new autoscaling.GroupMetrics(autoscaling.GroupMetric.TOTAL_INSTANCES),
    ]);
    // WHEN
    ComputeResource.fromAutoScalingGroup(asg).metricHealth();
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', {
      MetricsCollection: [
        { Granularity: '1Minute', Metrics: ['GroupTotalInstances', 'GroupInServiceInstances'] },
      ],
    });
  });

  test('leaves a group that collects every metric as it is', () => {
    // GIVEN
    const { stack, asg } = group([autoscaling.GroupMetrics.all()]);
    // WHEN
    ComputeResource.fromAutoScalingGroup(asg).metricHealth();
    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', {
      MetricsCollection: [{ Granularity: '1Minute' }],
    });
  });

  test('an ECS service has no health metric without Container Insights', () => {
    // GIVEN
    const stack = new Stack(new App(), 'E', { env: ENV });
    const cluster = new ecs.Cluster(stack, 'Cluster', {
      vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 }),
    });
    const task = new ecs.FargateTaskDefinition(stack, 'Task');
    task.addContainer('app', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'),
    });
    const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: task });
    // WHEN / THEN
    expect(ComputeResource.fromEcsService(service).metricHealth()).toBeUndefined();
  });
});
