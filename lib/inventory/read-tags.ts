import type { Known } from '../model/unresolved';
import { asArray, isRecord } from './raw';
import type { RawObject } from './raw';
import type { StackScope } from './stack-scope';
import { readString } from './values';

/**
 * Property holding the tags, for types that do not use `Tags`. A map, not an object: looking a
 * type read from JSON up in an object searches V8's string table, a map reuses the string's hash.
 */
const TAG_PROPERTY: ReadonlyMap<string, string> = new Map([
  ['AWS::Backup::BackupPlan', 'BackupPlanTags'],
  ['AWS::Backup::BackupVault', 'BackupVaultTags'],
  ['AWS::Backup::LogicallyAirGappedBackupVault', 'BackupVaultTags'],
  ['AWS::EFS::FileSystem', 'FileSystemTags'],
  ['AWS::EFS::AccessPoint', 'AccessPointTags'],
  ['AWS::Route53::HealthCheck', 'HealthCheckTags'],
  ['AWS::Route53::HostedZone', 'HostedZoneTags'],
]);

/** Shared tags of untagged resources (most of a template): saves one object per resource. */
const NO_TAGS: Readonly<Record<string, Known<string>>> = Object.freeze({});

/**
 * Reads tags in either CloudFormation shape: a list of `{ Key, Value }` (most types, including
 * ASG tags with `PropagateAtLaunch`) or a map (AWS Backup, FIS, SSM).
 */
export function readTagValue(
  scope: StackScope,
  raw: unknown,
): Readonly<Record<string, Known<string>>> {
  if (raw === undefined) {
    return NO_TAGS;
  }
  const tags: Record<string, Known<string>> = {};
  if (Array.isArray(raw)) {
    // an index loop, not `for...of`: this runs for most resources, and V8 compiles an array
    // iterator loop into much more optimized code (iterator protocol, implicit try/finally)
    for (let i = 0; i < raw.length; i++) {
      const tag: unknown = raw[i];
      const key = isRecord(tag) ? readString(scope, tag.Key) : undefined;
      if (typeof key === 'string') {
        tags[key] = readString(scope, (tag as RawObject).Value) ?? '';
      }
    }
  } else if (isRecord(raw) && !Object.keys(raw).some((k) => k === 'Ref' || k.startsWith('Fn::'))) {
    for (const key of Object.keys(raw)) {
      tags[key] = readString(scope, raw[key]) ?? '';
    }
  }
  return tags;
}

/**
 * The `Tags` of a global table's replica in the stack's Region: global tables carry tags per
 * replica.
 */
function ownReplicaTags(scope: StackScope, properties: RawObject): unknown {
  const replicas = asArray(properties.Replicas);
  for (let i = 0; i < replicas.length; i++) {
    const replica = replicas[i];
    if (isRecord(replica) && readString(scope, replica.Region) === scope.stack.region) {
      return replica.Tags;
    }
  }
  return undefined;
}

/** The tags of a resource of `type` with `properties`. */
export function readTags(
  scope: StackScope,
  type: string,
  properties: RawObject,
): Readonly<Record<string, Known<string>>> {
  // one call of readTagValue: V8 inlines this into the per-resource code, and a second call site
  // doubled the time it takes to optimize it
  const raw =
    type === 'AWS::DynamoDB::GlobalTable'
      ? ownReplicaTags(scope, properties)
      : properties[TAG_PROPERTY.get(type) ?? 'Tags'];
  return readTagValue(scope, raw);
}
