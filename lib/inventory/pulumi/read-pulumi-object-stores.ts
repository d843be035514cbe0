import { RESOURCE_DEFAULTS } from '../../facts/resource-defaults';
import type { StoreReplica } from '../../model/inventory';
import type { ReplicationMechanism } from '../../model/protection';
import { isUnresolved, Unresolved } from '../../model/unresolved';
import type { Known } from '../../model/unresolved';
import type { RawObject } from '../raw';
import { attachmentsOf } from './pulumi-reader';
import type { PulumiReader } from './pulumi-reader';
import type { PulumiScope, ScopedRecord } from './pulumi-scope';
import { PULUMI_TYPES } from './pulumi-type-map';
import {
  firstBlock,
  knownList,
  pulumiBoolean,
  pulumiList,
  pulumiNumber,
  pulumiObject,
  pulumiString,
} from './pulumi-values';

function tablePitr(block: unknown): {
  pointInTimeRecovery: Known<boolean>;
  pitrRetentionDays?: Known<number>;
} {
  const spec = firstBlock(block);
  const enabled = pulumiBoolean(spec.enabled) ?? false;
  if (enabled !== true) {
    return { pointInTimeRecovery: enabled };
  }
  return {
    pointInTimeRecovery: true,
    pitrRetentionDays:
      pulumiNumber(spec.recoveryPeriodInDays) ?? RESOURCE_DEFAULTS.dynamodbPitrDays,
  };
}

/** True when the table has replicas, inline or as `aws:dynamodb/tableReplica` resources. */
export function tableHasReplicas(props: RawObject): boolean {
  const replicas = pulumiList(props.replicas);
  return isUnresolved(replicas) || replicas.length > 0;
}

function tableReplicas(scope: PulumiScope, table: ScopedRecord): StoreReplica[] {
  const p = table.props;
  const inline = pulumiList(p.replicas);
  if (isUnresolved(inline)) {
    return [{ mechanism: 'dynamodb-global-table', region: inline }];
  }
  const blocks = inline.map(pulumiObject);
  // consistencyMode STRONG: multi-Region strong consistency, synchronous replication
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html
  const mechanism: ReplicationMechanism = blocks.some((b) => b.consistencyMode === 'STRONG')
    ? 'dynamodb-global-table-strong'
    : 'dynamodb-global-table';
  const replicas: StoreReplica[] = blocks.map((b) => ({
    mechanism,
    region: pulumiString(b.regionName) ?? new Unresolved('replicas[].regionName (absent)'),
    pointInTimeRecovery: pulumiBoolean(b.pointInTimeRecovery) ?? false,
  }));
  for (const replica of attachmentsOf(scope, table, 'Replicas', 'globalTableArn').attached) {
    replicas.push({
      mechanism,
      region: scope.regionOf(replica),
      pointInTimeRecovery: pulumiBoolean(replica.props.pointInTimeRecovery) ?? false,
    });
  }
  return replicas;
}

/** Reads `aws:dynamodb/table:Table`, its inline `replicas` and its `TableReplica` resources. */
export const readTable: PulumiReader = ({ scoped, entry, cfnType }, scope, out) => {
  const p = scoped.props;
  out.addStore({
    ...entry,
    kind: 'dynamodb',
    type: cfnType,
    ...tablePitr(p.pointInTimeRecovery),
    // DynamoDB stores every table across three AZs of its Region
    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/disaster-recovery-resiliency.html
    multiAz: true,
    replicas: tableReplicas(scope, scoped),
    encrypted: pulumiBoolean(firstBlock(p.serverSideEncryption).enabled) ?? false,
  });
};

function versioning(scope: PulumiScope, bucket: ScopedRecord): Known<boolean> {
  const { attached, uncertain } = attachmentsOf(scope, bucket, 'VersioningConfiguration', 'bucket');
  if (attached.length > 0) {
    const status = pulumiString(
      firstBlock(attached[attached.length - 1].props.versioningConfiguration).status,
    );
    return isUnresolved(status) ? status : status === 'Enabled';
  }
  const inline = pulumiBoolean(firstBlock(bucket.props.versioning).enabled);
  if (inline !== undefined) {
    return inline;
  }
  return uncertain ?? false;
}

/** Region and entry of a replication destination (`arn:aws:s3:::name` or a reference). */
function destination(
  scope: PulumiScope,
  source: ScopedRecord,
  prop: string,
  raw: unknown,
): Pick<StoreReplica, 'region' | 'target'> {
  let ref = scope.reference(source, prop, raw, PULUMI_TYPES.buckets);
  if (ref && !isUnresolved(ref) && 'literal' in ref && ref.literal.includes(':::')) {
    ref = scope.reference(source, prop, ref.literal.split(':::')[1], PULUMI_TYPES.buckets);
  }
  if (ref && !isUnresolved(ref) && 'id' in ref) {
    const target = scope.byId(ref.id);
    return {
      region: target ? scope.regionOf(target) : new Unresolved(`region of ${ref.id}`),
      target: ref.id,
    };
  }
  return {
    region: new Unresolved(
      `region of replication destination ${String(pulumiString(raw) ?? 'bucket')}`,
    ),
  };
}

function replicationRules(
  scope: PulumiScope,
  source: ScopedRecord,
  prop: string,
  rules: readonly unknown[],
): StoreReplica[] {
  const replicas: StoreReplica[] = [];
  for (const rule of rules.map(pulumiObject)) {
    const d = firstBlock(rule.destination);
    if (pulumiString(rule.status) === 'Disabled' || Object.keys(d).length === 0) {
      continue;
    }
    // RTC needs replication time and metrics both enabled
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-time-control.html
    const rtc =
      pulumiString(firstBlock(d.replicationTime).status) === 'Enabled' &&
      pulumiString(firstBlock(d.metrics).status) === 'Enabled';
    const replica: StoreReplica = {
      mechanism: rtc ? 's3-crr-rtc' : 's3-crr',
      ...destination(scope, source, prop, d.bucket),
    };
    const same = replicas.some(
      (r) =>
        r.mechanism === replica.mechanism && r.target !== undefined && r.target === replica.target,
    );
    if (!same) {
      replicas.push(replica);
    }
  }
  return replicas;
}

function bucketReplicas(scope: PulumiScope, bucket: ScopedRecord): StoreReplica[] {
  const configs = attachmentsOf(scope, bucket, 'ReplicationConfiguration', 'bucket').attached;
  const fromConfigs = configs.flatMap((c) =>
    replicationRules(scope, c, 'rules', knownList(c.props.rules)),
  );
  const inline = firstBlock(bucket.props.replicationConfiguration);
  return [
    ...fromConfigs,
    ...replicationRules(scope, bucket, 'replicationConfiguration', knownList(inline.rules)),
  ];
}

function isKms(algorithm: Known<string | undefined>): Known<boolean> {
  return isUnresolved(algorithm)
    ? algorithm
    : algorithm === 'aws:kms' || algorithm === 'aws:kms:dsse';
}

function bucketEncrypted(scope: PulumiScope, bucket: ScopedRecord): Known<boolean> {
  const configs = attachmentsOf(scope, bucket, 'BucketEncryption', 'bucket').attached;
  const rules = [
    ...configs.flatMap((c) => knownList(c.props.rules)),
    ...knownList(firstBlock(bucket.props.serverSideEncryptionConfiguration).rule),
  ];
  let result: Known<boolean> = false;
  for (const rule of rules) {
    const kms = isKms(
      pulumiString(firstBlock(pulumiObject(rule).applyServerSideEncryptionByDefault).sseAlgorithm),
    );
    if (kms === true) {
      return true;
    }
    result = isUnresolved(kms) ? kms : result;
  }
  return result;
}

/** Reads `aws:s3/bucket:Bucket` (and `BucketV2`) with its versioning, replication and encryption resources. */
export const readBucket: PulumiReader = ({ scoped, entry, cfnType }, scope, out) => {
  out.addStore({
    ...entry,
    kind: 's3',
    type: cfnType,
    // S3 has no native point-in-time restore; AWS Backup continuous backup provides it
    pointInTimeRecovery: false,
    versioning: versioning(scope, scoped),
    // S3 Standard stores objects across at least three AZs
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/DataDurability.html
    multiAz: true,
    replicas: bucketReplicas(scope, scoped),
    encrypted: bucketEncrypted(scope, scoped),
  });
};
