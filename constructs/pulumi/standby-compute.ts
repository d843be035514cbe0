import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

import { ALARM_METRICS } from '../../lib/facts';
import type { ComputeKind } from '../../lib/model';

/** Subnets (and security groups) compute runs in, in one Region. */
export interface StandbyNetwork {
  /** Subnets, spread over the AZs the plan asks for. */
  readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Security groups for ECS tasks.
   *
   * @default - the VPC's default security group
   */
  readonly securityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
}

/** Auto Scaling group metrics collected on every group created: what the health alarm watches. */
export const ASG_GROUP_METRICS = [ALARM_METRICS['asg-in-service-instances'].metricName] as const;

/** Default container image of created ECS services (a placeholder to replace with the app's). */
export const DEFAULT_CONTAINER_IMAGE = 'public.ecr.aws/nginx/nginx:stable';

/** Default instance type of created auto scaling groups. */
export const DEFAULT_INSTANCE_TYPE = 't3.micro';

/**
 * Latest Amazon Linux 2023 AMI, resolved by EC2 from the public SSM parameter in each Region.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-systems-manager-parameter-to-find-AMI.html
 */
export const DEFAULT_IMAGE_ID =
  'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';

/** One Region's side of a compute resource. */
export interface ComputeSide {
  /** Child name prefix (`${base}` or `${base}-recovery`). */
  readonly prefix: string;
  readonly region: string;
  readonly capacity: number;
  /** Largest capacity the side may scale to (the primary's). */
  readonly maxCapacity: number;
  readonly opts: pulumi.CustomResourceOptions;
  readonly network?: StandbyNetwork;
  readonly tags: Record<string, string>;
  /** ECS cluster of this Region, created on first use. */
  readonly ecsCluster: () => aws.ecs.Cluster;
}

/** Options shared by all compute of one Standby. */
export interface ComputeDefaults {
  readonly containerImage: string;
  readonly instanceType: string;
  /** Lambda execution role (IAM is global), created on first use. */
  readonly lambdaRole: () => aws.iam.Role;
}

function requireNetwork(kind: ComputeKind, side: ComputeSide): StandbyNetwork {
  if (!side.network) {
    throw new Error(
      `${kind} compute '${side.prefix}' in ${side.region} needs subnets, but network is ` +
        'undefined; pass network: { primary: { subnetIds }, recovery: { subnetIds } }',
    );
  }
  return side.network;
}

/** Renders one side (primary or recovery) of one compute resource at its planned capacity. */
export function renderCompute(
  kind: ComputeKind,
  side: ComputeSide,
  defaults: ComputeDefaults,
): pulumi.CustomResource {
  switch (kind) {
    case 'ecs': {
      const network = requireNetwork(kind, side);
      const task = new aws.ecs.TaskDefinition(
        `${side.prefix}-task`,
        {
          region: side.region,
          family: side.prefix,
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          cpu: '256',
          memory: '512',
          containerDefinitions: JSON.stringify([
            {
              name: 'app',
              image: defaults.containerImage,
              essential: true,
              portMappings: [{ containerPort: 80 }],
            },
          ]),
          tags: side.tags,
        },
        side.opts,
      );
      return new aws.ecs.Service(
        `${side.prefix}-service`,
        {
          region: side.region,
          cluster: side.ecsCluster().arn,
          taskDefinition: task.arn,
          desiredCount: side.capacity,
          launchType: 'FARGATE',
          networkConfiguration: {
            subnets: network.subnetIds,
            ...(network.securityGroupIds ? { securityGroups: network.securityGroupIds } : {}),
          },
          tags: side.tags,
        },
        side.opts,
      );
    }
    case 'asg': {
      const network = requireNetwork(kind, side);
      const template = new aws.ec2.LaunchTemplate(
        `${side.prefix}-template`,
        {
          region: side.region,
          imageId: DEFAULT_IMAGE_ID,
          instanceType: defaults.instanceType,
          metadataOptions: { httpTokens: 'required' },
          tags: side.tags,
        },
        side.opts,
      );
      return new aws.autoscaling.Group(
        `${side.prefix}-group`,
        {
          region: side.region,
          minSize: side.capacity,
          desiredCapacity: side.capacity,
          maxSize: Math.max(side.maxCapacity, side.capacity, 1),
          vpcZoneIdentifiers: network.subnetIds,
          launchTemplate: { id: template.id, version: '$Latest' },
          // The in-service count is the group's health signal drills stop on.
          // https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-metrics.html
          enabledMetrics: [...ASG_GROUP_METRICS],
          metricsGranularity: '1Minute',
          tags: Object.entries(side.tags).map(([key, value]) => ({
            key,
            value,
            propagateAtLaunch: true,
          })),
        },
        side.opts,
      );
    }
    case 'lambda':
      return new aws.lambda.Function(
        `${side.prefix}-function`,
        {
          region: side.region,
          role: defaults.lambdaRole().arn,
          runtime: 'nodejs20.x',
          handler: 'index.handler',
          code: new pulumi.asset.AssetArchive({
            'index.js': new pulumi.asset.StringAsset(
              'exports.handler = async () => ({ statusCode: 200, body: "ok" });\n',
            ),
          }),
          tags: side.tags,
        },
        side.opts,
      );
  }
}
