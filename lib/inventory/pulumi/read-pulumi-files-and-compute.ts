import { RESOURCE_DEFAULTS } from '../../facts/resource-defaults';
import { isUnresolved, Unresolved } from '../../model/unresolved';
import type { Known } from '../../model/unresolved';
import { attachmentsOf } from './pulumi-reader';
import type { PulumiReader } from './pulumi-reader';
import type { PulumiScope, ScopedRecord } from './pulumi-scope';
import { firstBlock, pulumiBoolean, pulumiNumber, pulumiString } from './pulumi-values';

const SUBNET = 'aws:ec2/subnet:Subnet';

/** `us-west-2a` → `us-west-2`; AZ ids such as `usw2-az1` carry no Region name. */
function regionOfZone(zone: string): string | undefined {
  return /^[a-z]{2}(-[a-z]+)+-\d+[a-z]$/.test(zone) ? zone.slice(0, -1) : undefined;
}

/** Reads `aws:efs/fileSystem:FileSystem` with its replication and backup policy resources. */
export const readFileSystem: PulumiReader = ({ scoped, entry, cfnType }, scope, out) => {
  const p = scoped.props;
  // One Zone file systems name their AZ; Regional ones span the Region's AZs
  const oneZone = p.availabilityZoneName !== undefined && p.availabilityZoneName !== null;
  const replications = attachmentsOf(
    scope,
    scoped,
    'ReplicationConfiguration',
    'sourceFileSystemId',
  ).attached;
  const policies = attachmentsOf(scope, scoped, 'BackupPolicy', 'fileSystemId');
  const status =
    policies.attached.length > 0
      ? pulumiString(
          firstBlock(policies.attached[policies.attached.length - 1].props.backupPolicy).status,
        )
      : policies.uncertain;
  out.addStore({
    ...entry,
    kind: 'efs',
    type: cfnType,
    pointInTimeRecovery: false,
    multiAz: !oneZone,
    replicas: replications.map((r) => {
      const d = firstBlock(r.props.destination);
      const region = pulumiString(d.region);
      const zone = pulumiString(d.availabilityZoneName);
      return {
        // EFS replication keeps the replica within 15 minutes for most file systems
        // https://docs.aws.amazon.com/efs/latest/ug/efs-replication.html
        mechanism: 'efs-replication' as const,
        region:
          region ??
          (typeof zone === 'string' ? regionOfZone(zone) : undefined) ??
          new Unresolved('Region of the replication destination'),
      };
    }),
    encrypted: pulumiBoolean(p.encrypted) ?? false,
    // created through the API, only One Zone file systems get automatic backups by default; the
    // default plan backs up daily and keeps 35 days
    // https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html
    automaticBackups:
      status === undefined ? oneZone : isUnresolved(status) ? status : status === 'ENABLED',
  });
};

/** Reads `aws:ebs/volume:Volume`. */
export const readVolume: PulumiReader = ({ scoped, entry, cfnType }, _scope, out) => {
  out.addStore({
    ...entry,
    kind: 'ebs',
    type: cfnType,
    pointInTimeRecovery: false,
    // an EBS volume lives in one AZ
    // https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volumes.html
    multiAz: false,
    replicas: [],
    encrypted: pulumiBoolean(scoped.props.encrypted) ?? false,
  });
};

/** Distinct subnets (or zones) of a list property; unknown items count through its dependencies. */
function distinctCount(
  scope: PulumiScope,
  scoped: ScopedRecord,
  prop: string,
  raw: unknown,
  what: string,
): Known<number> {
  if (raw === undefined || raw === null) {
    return new Unresolved(`${what} (absent)`);
  }
  const refs = scope.referenceList(scoped, prop, raw, [SUBNET]);
  const unknown = refs.find(isUnresolved);
  if (unknown) {
    return unknown;
  }
  const keys = refs.map((r) => (isUnresolved(r) ? '' : 'id' in r ? r.id : r.literal));
  return keys.length === 0 ? new Unresolved(`${what} (empty)`) : new Set(keys).size;
}

/**
 * Reads `aws:ecs/service:Service`. The Pulumi AWS provider creates a service without
 * `desiredCount` with 0 tasks.
 * https://www.pulumi.com/registry/packages/aws/api-docs/ecs/service/#desiredcount_nodejs
 */
export const readEcsService: PulumiReader = ({ scoped, entry, cfnType }, scope, out) => {
  const p = scoped.props;
  const daemon = pulumiString(p.schedulingStrategy) === 'DAEMON';
  const network = firstBlock(p.networkConfiguration);
  out.computes.push({
    ...entry,
    kind: 'ecs',
    type: cfnType,
    desiredCapacity: daemon
      ? new Unresolved('DAEMON service: one task per container instance')
      : (pulumiNumber(p.desiredCount) ?? 0),
    availabilityZones:
      network.subnets !== undefined
        ? distinctCount(scope, scoped, 'networkConfiguration', network.subnets, 'subnets')
        : new Unresolved('AZs of the ECS cluster instances (no awsvpc subnets)'),
  });
};

/** Reads `aws:autoscaling/group:Group`. */
export const readAutoScalingGroup: PulumiReader = ({ scoped, entry, cfnType }, scope, out) => {
  const p = scoped.props;
  const desired = pulumiNumber(p.desiredCapacity) ?? pulumiNumber(p.minSize);
  out.computes.push({
    ...entry,
    kind: 'asg',
    type: cfnType,
    desiredCapacity: desired ?? new Unresolved('minSize (absent)'),
    availabilityZones:
      p.vpcZoneIdentifiers !== undefined
        ? distinctCount(
            scope,
            scoped,
            'vpcZoneIdentifiers',
            p.vpcZoneIdentifiers,
            'vpcZoneIdentifiers',
          )
        : distinctCount(
            scope,
            scoped,
            'availabilityZones',
            p.availabilityZones,
            'availabilityZones',
          ),
  });
};

/** Reads `aws:lambda/function:Function`. */
export const readFunction: PulumiReader = ({ scoped, entry, cfnType }, scope, out) => {
  const subnets = firstBlock(scoped.props.vpcConfig).subnetIds;
  const none =
    subnets === undefined || subnets === null || (Array.isArray(subnets) && subnets.length === 0);
  const zones = none
    ? RESOURCE_DEFAULTS.lambdaMinAzs
    : distinctCount(scope, scoped, 'vpcConfig', subnets, 'subnetIds');
  out.computes.push({
    ...entry,
    kind: 'lambda',
    type: cfnType,
    desiredCapacity: 1,
    availabilityZones: isUnresolved(zones) || zones > 0 ? zones : RESOURCE_DEFAULTS.lambdaMinAzs,
  });
};
