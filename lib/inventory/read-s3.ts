import type { StoreReplica } from '../model/inventory';
import { Unresolved } from '../model/unresolved';
import type { Known } from '../model/unresolved';
import { asArray, describe, isRecord } from './raw';
import type { ResourceReader, ServiceReaders } from './resource-reader';
import type { StackScope } from './stack-scope';
import { isWhole, readPartialString, readReference, readString, regionOfResource } from './values';

const BUCKET = 'AWS::S3::Bucket';

/** The destination bucket of a replication rule: its entry when in the inventory, and its Region. */
function destination(scope: StackScope, raw: unknown): Pick<StoreReplica, 'region' | 'target'> {
  const reference = readReference(scope, raw, [BUCKET]);
  if (reference && 'id' in reference) {
    return { region: regionOfResource(scope, reference.id), target: reference.id };
  }
  // a literal ARN `arn:aws:s3:::name`: find a bucket of that name in any stack
  const text = readPartialString(scope, raw);
  const name = text?.split(':::')[1];
  const ids = name && isWhole(name) ? scope.index.findByName(BUCKET, 'BucketName', name) : [];
  if (ids.length === 1) {
    return { region: regionOfResource(scope, ids[0]), target: ids[0] };
  }
  return { region: new Unresolved(`region of replication destination ${describe(raw)}`) };
}

function replicationRules(scope: StackScope, config: unknown): StoreReplica[] {
  const rules = isRecord(config) ? asArray(config.Rules).filter(isRecord) : [];
  const replicas: StoreReplica[] = [];
  for (const rule of rules) {
    if (readString(scope, rule.Status) === 'Disabled' || !isRecord(rule.Destination)) {
      continue;
    }
    const d = rule.Destination;
    // RTC needs ReplicationTime and Metrics both enabled
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-time-control.html
    const rtc =
      isRecord(d.ReplicationTime) &&
      readString(scope, d.ReplicationTime.Status) === 'Enabled' &&
      isRecord(d.Metrics) &&
      readString(scope, d.Metrics.Status) === 'Enabled';
    const replica: StoreReplica = {
      mechanism: rtc ? 's3-crr-rtc' : 's3-crr',
      ...destination(scope, d.Bucket),
    };
    const same = replicas.find(
      (r) =>
        r.mechanism === replica.mechanism && r.target !== undefined && r.target === replica.target,
    );
    if (!same) {
      replicas.push(replica);
    }
  }
  return replicas;
}

function kmsEncrypted(scope: StackScope, encryption: unknown): Known<boolean> {
  const configs = isRecord(encryption) ? asArray(encryption.ServerSideEncryptionConfiguration) : [];
  let result: Known<boolean> = false;
  for (const config of configs) {
    const byDefault = isRecord(config) ? config.ServerSideEncryptionByDefault : undefined;
    const algorithm = readString(scope, isRecord(byDefault) ? byDefault.SSEAlgorithm : undefined);
    if (algorithm === 'aws:kms' || algorithm === 'aws:kms:dsse') {
      return true;
    }
    if (algorithm instanceof Unresolved) {
      result = algorithm;
    }
  }
  return result;
}

const readBucket: ResourceReader = (resource, scope, out) => {
  const p = resource.properties;
  const status = readString(
    scope,
    isRecord(p.VersioningConfiguration) ? p.VersioningConfiguration.Status : undefined,
  );
  // one literal with the entry fields, not `withEntry`: buckets are among the most common resources
  out.addStore({
    id: resource.id,
    location: resource.location,
    region: resource.region,
    account: resource.account,
    tags: resource.tags,
    kind: 's3',
    type: resource.type,
    // S3 has no native point-in-time restore; AWS Backup continuous backup provides it
    pointInTimeRecovery: false,
    versioning: status instanceof Unresolved ? status : status === 'Enabled',
    // S3 Standard stores objects across at least three AZs
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/DataDurability.html
    multiAz: true,
    replicas: replicationRules(scope, p.ReplicationConfiguration),
    encrypted: kmsEncrypted(scope, p.BucketEncryption),
  });
};

/** S3 buckets. */
export const S3_READERS: ServiceReaders = {
  readers: { [BUCKET]: readBucket },
};
