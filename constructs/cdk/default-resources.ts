import { Duration, RemovalPolicy, Size, Stack, Tags } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { Stack as StackType } from 'aws-cdk-lib';
import { TAG_TIER } from '../../lib/model';
import type { ComputeKind, StoreKind } from '../../lib/model';
import { ComputeResource } from './compute-resource';
import { StoreResource } from './store-resource';

/**
 * `continuity:tier` value of a store kept on purpose without continuity objectives, such as the
 * access-log bucket: it counts as classified (RR-INV1), and no tier's backup plan selects it.
 */
export const NO_TIER = 'none';

/** Shared pieces a default resource may need in its stack. */
export interface DefaultResourceContext {
  /** VPC of the stack (isolated subnets only). */
  vpc(): ec2.IVpc;
  /** Bucket that receives S3 server access logs. */
  accessLogs(): s3.IBucket;
  /** ECS cluster of the stack. */
  cluster(): ecs.ICluster;
}

/**
 * Settings every default database (RDS instance or Aurora cluster) shares: isolated subnets,
 * encryption, deletion protection, IAM authentication, a non-default port, logs, and a final
 * snapshot on removal.
 */
function databaseSettings(context: DefaultResourceContext) {
  return {
    vpc: context.vpc(),
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    storageEncrypted: true,
    deletionProtection: true,
    iamAuthentication: true,
    port: 5433,
    cloudwatchLogsExports: ['postgresql'],
    removalPolicy: RemovalPolicy.SNAPSHOT,
  } as const satisfies Partial<rds.DatabaseInstanceProps & rds.DatabaseClusterProps>;
}

/**
 * Creates a minimal, secure store of `kind` with construct id `id`, for services whose resources
 * the user did not supply. Stateful resources get no physical name and are retained.
 */
export function createDefaultStore(
  scope: Construct,
  id: string,
  kind: StoreKind,
  context: DefaultResourceContext,
): StoreResource {
  switch (kind) {
    case 'dynamodb':
      return StoreResource.fromTable(
        new dynamodb.TableV2(scope, id, {
          partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
          sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
          removalPolicy: RemovalPolicy.RETAIN,
          deletionProtection: true,
        }),
      );
    case 's3':
      return StoreResource.fromBucket(
        new s3.Bucket(scope, id, {
          encryption: s3.BucketEncryption.S3_MANAGED,
          blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
          enforceSSL: true,
          versioned: true,
          serverAccessLogsBucket: context.accessLogs(),
          serverAccessLogsPrefix: `${id}/`,
          removalPolicy: RemovalPolicy.RETAIN,
        }),
      );
    case 'rds':
      return StoreResource.fromDatabaseInstance(
        new rds.DatabaseInstance(scope, id, {
          engine: rds.DatabaseInstanceEngine.postgres({
            version: rds.PostgresEngineVersion.VER_16,
          }),
          instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM),
          ...databaseSettings(context),
        }),
      );
    case 'aurora':
      return StoreResource.fromDatabaseCluster(
        new rds.DatabaseCluster(scope, id, {
          engine: rds.DatabaseClusterEngine.auroraPostgres({
            version: rds.AuroraPostgresEngineVersion.VER_16_4,
          }),
          writer: rds.ClusterInstance.provisioned('Writer', {
            instanceType: ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE),
          }),
          // A reader in another AZ makes the cluster Multi-AZ (failover without restore).
          readers: [
            rds.ClusterInstance.provisioned('Reader', {
              instanceType: ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE),
            }),
          ],
          ...databaseSettings(context),
        }),
      );
    case 'efs':
      return StoreResource.fromFileSystem(
        new efs.FileSystem(scope, id, {
          vpc: context.vpc(),
          vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
          encrypted: true,
          removalPolicy: RemovalPolicy.RETAIN,
        }),
      );
    case 'ebs':
      return StoreResource.fromVolume(
        new ec2.Volume(scope, id, {
          availabilityZone: Stack.of(scope).availabilityZones[0] as string,
          size: Size.gibibytes(20),
          encrypted: true,
          removalPolicy: RemovalPolicy.RETAIN,
        }),
      );
  }
}

/** Creates minimal compute of `kind` with construct id `id`. */
export function createDefaultCompute(
  scope: Construct,
  id: string,
  kind: ComputeKind,
  context: DefaultResourceContext,
): ComputeResource {
  switch (kind) {
    case 'lambda':
      return ComputeResource.fromFunction(
        new lambda.Function(scope, id, {
          runtime: lambda.Runtime.NODEJS_24_X,
          handler: 'index.handler',
          code: lambda.Code.fromInline(
            "exports.handler = async () => ({ statusCode: 200, body: 'ok' });",
          ),
          timeout: Duration.seconds(10),
          logGroup: new logs.LogGroup(scope, `${id}Logs`, {
            retention: logs.RetentionDays.ONE_MONTH,
            removalPolicy: RemovalPolicy.DESTROY,
          }),
        }),
      );
    case 'ecs': {
      const task = new ecs.FargateTaskDefinition(scope, `${id}Task`, {
        cpu: 256,
        memoryLimitMiB: 512,
      });
      task.addContainer('app', {
        image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable'),
        portMappings: [{ containerPort: 80 }],
        logging: ecs.LogDrivers.awsLogs({
          streamPrefix: id,
          logGroup: new logs.LogGroup(scope, `${id}Logs`, {
            retention: logs.RetentionDays.ONE_MONTH,
            removalPolicy: RemovalPolicy.DESTROY,
          }),
        }),
      });
      return ComputeResource.fromEcsService(
        new ecs.FargateService(scope, id, {
          cluster: context.cluster(),
          taskDefinition: task,
          vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
          minHealthyPercent: 100,
          // A failing deploy rolls back by itself, as the application RTO assumes.
          // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html
          circuitBreaker: { rollback: true },
        }),
      );
    }
    case 'asg':
      return ComputeResource.fromAutoScalingGroup(
        new autoscaling.AutoScalingGroup(scope, id, {
          vpc: context.vpc(),
          vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
          launchTemplate: new ec2.LaunchTemplate(scope, `${id}Template`, {
            instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
            machineImage: ec2.MachineImage.latestAmazonLinux2023({
              cpuType: ec2.AmazonLinuxCpuType.ARM_64,
            }),
            requireImdsv2: true,
            blockDevices: [
              {
                deviceName: '/dev/xvda',
                volume: ec2.BlockDeviceVolume.ebs(8, { encrypted: true }),
              },
            ],
          }),
          minCapacity: 0,
          maxCapacity: 4,
        }),
      );
  }
}

/** VPC, access-log bucket and ECS cluster of a stack, created on first use. */
export function lazyContext(stack: StackType): DefaultResourceContext {
  let vpc: ec2.Vpc | undefined;
  let logs: s3.Bucket | undefined;
  let cluster: ecs.Cluster | undefined;
  const context: DefaultResourceContext = {
    vpc: () => {
      vpc ??= new ec2.Vpc(stack, 'Vpc', {
        maxAzs: 2,
        natGateways: 0,
        subnetConfiguration: [{ name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
        flowLogs: { all: { trafficType: ec2.FlowLogTrafficType.REJECT } },
      });
      return vpc;
    },
    accessLogs: () => {
      logs ??= new s3.Bucket(stack, 'AccessLogs', {
        encryption: s3.BucketEncryption.S3_MANAGED,
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
        objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      });
      // S3 delivers server access logs on a best-effort basis; they are not service data.
      // https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
      Tags.of(logs).add(TAG_TIER, NO_TIER);
      return logs;
    },
    cluster: () => {
      cluster ??= new ecs.Cluster(stack, 'Cluster', {
        vpc: context.vpc(),
        containerInsightsV2: ecs.ContainerInsights.ENABLED,
      });
      return cluster;
    },
  };
  return context;
}
