import { RESOURCE_DEFAULTS } from '../facts/resource-defaults';
import { isUnresolved, Unresolved } from '../model/unresolved';
import type { Known } from '../model/unresolved';
import { describe, isRecord } from './raw';
import type { ResourceReader, ServiceReaders } from './resource-reader';
import type { StackScope } from './stack-scope';
import { readNumber, readString } from './values';
import { withEntry } from './with-entry';

/** Number of distinct entries of a subnet or AZ list; unresolved when the list is a deploy-time value. */
export function countDistinct(scope: StackScope, raw: unknown, what: string): Known<number> {
  if (raw === undefined) {
    return new Unresolved(`${what} (absent)`);
  }
  const list = scope.resolve(raw);
  if (list.kind !== 'literal' || !Array.isArray(list.value)) {
    return new Unresolved(`${what} ${describe(raw)}`);
  }
  return new Set(list.value.map((item) => describe(item))).size;
}

const readEcsService: ResourceReader = (resource, scope, out) => {
  const p = resource.properties;
  const daemon = readString(scope, p.SchedulingStrategy) === 'DAEMON';
  // a new service without DesiredCount runs 1 task
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecs-service.html#cfn-ecs-service-desiredcount
  const desired = daemon
    ? new Unresolved('DAEMON service: one task per container instance')
    : (readNumber(scope, p.DesiredCount) ?? 1);
  const network = isRecord(p.NetworkConfiguration)
    ? p.NetworkConfiguration.AwsvpcConfiguration
    : undefined;
  out.computes.push(
    withEntry(resource, {
      kind: 'ecs',
      type: resource.type,
      desiredCapacity: desired,
      availabilityZones: isRecord(network)
        ? countDistinct(scope, network.Subnets, 'Subnets')
        : new Unresolved('AZs of the ECS cluster instances (no awsvpc subnets)'),
    }),
  );
};

const readAutoScalingGroup: ResourceReader = (resource, scope, out) => {
  const p = resource.properties;
  const desired = readNumber(scope, p.DesiredCapacity) ?? readNumber(scope, p.MinSize);
  out.computes.push(
    withEntry(resource, {
      kind: 'asg',
      type: resource.type,
      desiredCapacity: desired ?? new Unresolved('MinSize (absent)'),
      availabilityZones:
        p.VPCZoneIdentifier !== undefined
          ? countDistinct(scope, p.VPCZoneIdentifier, 'VPCZoneIdentifier')
          : countDistinct(scope, p.AvailabilityZones, 'AvailabilityZones'),
    }),
  );
};

const readFunction: ResourceReader = (resource, scope, out) => {
  const vpc = resource.properties.VpcConfig;
  const subnets = isRecord(vpc) ? vpc.SubnetIds : undefined;
  const zones =
    subnets === undefined
      ? RESOURCE_DEFAULTS.lambdaMinAzs
      : countDistinct(scope, subnets, 'SubnetIds');
  // one literal with the entry fields, not `withEntry`: functions are among the most common resources
  out.computes.push({
    id: resource.id,
    location: resource.location,
    region: resource.region,
    account: resource.account,
    tags: resource.tags,
    kind: 'lambda',
    type: resource.type,
    desiredCapacity: 1,
    availabilityZones: isUnresolved(zones) || zones > 0 ? zones : RESOURCE_DEFAULTS.lambdaMinAzs,
  });
};

/** ECS services, Auto Scaling groups and Lambda functions. */
export const COMPUTE_READERS: ServiceReaders = {
  readers: {
    'AWS::ECS::Service': readEcsService,
    'AWS::AutoScaling::AutoScalingGroup': readAutoScalingGroup,
    'AWS::Lambda::Function': readFunction,
  },
};
