import type { StoreReplica } from '../model/inventory';
import { Unresolved } from '../model/unresolved';
import { asArray, isRecord } from './raw';
import type { ResourceReader, ServiceReaders } from './resource-reader';
import type { StackScope } from './stack-scope';
import { readBoolean, readString } from './values';
import { withEntry } from './with-entry';

/** `us-west-2a` → `us-west-2`; AZ ids such as `usw2-az1` carry no Region name. */
function regionOfZone(zone: string): string | undefined {
  return /^[a-z]{2}(-[a-z]+)+-\d+[a-z]$/.test(zone) ? zone.slice(0, -1) : undefined;
}

function destinations(scope: StackScope, config: unknown): StoreReplica[] {
  const list = isRecord(config) ? asArray(config.Destinations).filter(isRecord) : [];
  return list.map((d) => {
    const region = readString(scope, d.Region);
    const zone = readString(scope, d.AvailabilityZoneName);
    const fromZone = typeof zone === 'string' ? regionOfZone(zone) : undefined;
    return {
      // EFS replication keeps the replica within 15 minutes for most file systems
      // https://docs.aws.amazon.com/efs/latest/ug/efs-replication.html
      mechanism: 'efs-replication',
      region: region ?? fromZone ?? new Unresolved('Region of the replication destination'),
    };
  });
}

const readFileSystem: ResourceReader = (resource, scope, out) => {
  const p = resource.properties;
  // One Zone file systems name their AZ; Regional ones span the Region's AZs
  const oneZone = p.AvailabilityZoneName !== undefined;
  const policy = readString(scope, isRecord(p.BackupPolicy) ? p.BackupPolicy.Status : undefined);
  out.addStore(
    withEntry(resource, {
      kind: 'efs',
      type: resource.type,
      pointInTimeRecovery: false,
      multiAz: !oneZone,
      replicas: destinations(scope, p.ReplicationConfiguration),
      encrypted: readBoolean(scope, p.Encrypted) ?? false,
      // created through the API (as CloudFormation does), only One Zone file systems get automatic
      // backups by default; the default plan backs up daily and keeps 35 days
      // https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html
      automaticBackups:
        policy === undefined
          ? oneZone
          : policy instanceof Unresolved
            ? policy
            : policy === 'ENABLED',
    }),
  );
};

/** EFS file systems. */
export const EFS_READERS: ServiceReaders = {
  readers: { 'AWS::EFS::FileSystem': readFileSystem },
};
