import { METADATA_SPEC_KEY } from '../../model/disruption';
import { InputError } from '../../model/input-error';
import type { Inventory, InventoryEntry } from '../../model/inventory';
import { isUnresolved, Unresolved } from '../../model/unresolved';
import type { Known } from '../../model/unresolved';
import { InventoryBuilder } from '../inventory-builder';
import { isRecord } from '../raw';
import type { PulumiLinker, PulumiReader } from './pulumi-reader';
import type { PulumiInventoryOptions, PulumiResourceRecord } from './pulumi-resource-record';
import { PulumiScope } from './pulumi-scope';
import type { ScopedRecord } from './pulumi-scope';
import { PULUMI_TYPE_MAP, PULUMI_TYPES } from './pulumi-type-map';
import { readBackupPlan, readBackupSelection, readRestoreTestingPlan } from './read-pulumi-backup';
import { DATABASE_LINKERS, readDbCluster, readDbInstance } from './read-pulumi-databases';
import {
  readAutoScalingGroup,
  readEcsService,
  readFileSystem,
  readFunction,
  readVolume,
} from './read-pulumi-files-and-compute';
import {
  readEventRule,
  readExperimentTemplate,
  readHealthCheck,
  readMetricAlarm,
  readRecord,
} from './read-pulumi-monitoring';
import { readBucket, readTable, tableHasReplicas } from './read-pulumi-object-stores';
import { readAirGappedVault, readBackupVault } from './read-pulumi-vaults';
import { pulumiBoolean, pulumiString, pulumiTags } from './pulumi-values';

/** Readers by Pulumi type token. */
const READERS: Readonly<Record<string, PulumiReader>> = {
  'aws:dynamodb/table:Table': readTable,
  'aws:s3/bucket:Bucket': readBucket,
  'aws:s3/bucketV2:BucketV2': readBucket,
  'aws:rds/instance:Instance': readDbInstance,
  'aws:rds/cluster:Cluster': readDbCluster,
  'aws:efs/fileSystem:FileSystem': readFileSystem,
  'aws:ebs/volume:Volume': readVolume,
  'aws:ecs/service:Service': readEcsService,
  'aws:autoscaling/group:Group': readAutoScalingGroup,
  'aws:lambda/function:Function': readFunction,
  'aws:backup/plan:Plan': readBackupPlan,
  'aws:backup/selection:Selection': readBackupSelection,
  'aws:backup/vault:Vault': readBackupVault,
  'aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault': readAirGappedVault,
  'aws:backup/restoreTestingPlan:RestoreTestingPlan': readRestoreTestingPlan,
  'aws:route53/healthCheck:HealthCheck': readHealthCheck,
  'aws:route53/record:Record': readRecord,
  'aws:cloudwatch/metricAlarm:MetricAlarm': readMetricAlarm,
  'aws:cloudwatch/eventRule:EventRule': readEventRule,
  'aws:fis/experimentTemplate:ExperimentTemplate': readExperimentTemplate,
};

const LINKERS: readonly PulumiLinker[] = [...DATABASE_LINKERS];

/** Physical-name properties, Pulumi name → CloudFormation name (read by ARN matching). */
const NAME_PROPERTIES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  'aws:dynamodb/table:Table': [['name', 'TableName']],
  'aws:s3/bucket:Bucket': [['bucket', 'BucketName']],
  'aws:s3/bucketV2:BucketV2': [['bucket', 'BucketName']],
  'aws:rds/instance:Instance': [['identifier', 'DBInstanceIdentifier']],
  'aws:rds/cluster:Cluster': [['clusterIdentifier', 'DBClusterIdentifier']],
  'aws:rds/clusterInstance:ClusterInstance': [
    ['identifier', 'DBInstanceIdentifier'],
    ['clusterIdentifier', 'DBClusterIdentifier'],
  ],
  'aws:rds/globalCluster:GlobalCluster': [['globalClusterIdentifier', 'GlobalClusterIdentifier']],
  'aws:backup/vault:Vault': [['name', 'BackupVaultName']],
};

/** CloudFormation type of a record; a table with replicas is a global table. */
function cfnTypeOf(scoped: ScopedRecord): string {
  const { type } = scoped.record;
  if (type === PULUMI_TYPES.table && tableHasReplicas(scoped.props)) {
    return 'AWS::DynamoDB::GlobalTable';
  }
  return PULUMI_TYPE_MAP[type]?.cfnType ?? type;
}

/**
 * What happens to the data when Pulumi deletes or replaces the resource: kept with `protect` or
 * `retainOnDelete` (Pulumi does not call the provider's delete, on removal or replacement); a
 * final snapshot for RDS unless `skipFinalSnapshot`, and for EBS with `finalSnapshot`; else gone.
 * https://www.pulumi.com/docs/iac/concepts/resources/options/retainondelete/
 * https://www.pulumi.com/registry/packages/aws/api-docs/rds/instance/#skipfinalsnapshot_nodejs
 */
function deletionPolicyOf(scoped: ScopedRecord): string {
  const { record, props } = scoped;
  if (record.protect === true || record.retainOnDelete === true) {
    return 'Retain';
  }
  if (
    (record.type === PULUMI_TYPES.dbInstance || record.type === PULUMI_TYPES.dbCluster) &&
    pulumiBoolean(props.skipFinalSnapshot) !== true
  ) {
    return 'Snapshot';
  }
  return record.type === 'aws:ebs/volume:Volume' && pulumiBoolean(props.finalSnapshot) === true
    ? 'Snapshot'
    : 'Delete';
}

function cfnProperties(scoped: ScopedRecord): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [from, to] of NAME_PROPERTIES[scoped.record.type] ?? []) {
    const value = pulumiString(scoped.props[from]);
    if (typeof value === 'string') {
      properties[to] = value;
    }
  }
  return properties;
}

function tagsOf(scoped: ScopedRecord): Record<string, Known<string>> {
  const { props } = scoped;
  // tagsAll adds the provider's default tags, which AWS Backup selections see too
  return pulumiTags(
    isRecord(props.tagsAll) && !isUnresolved(props.tagsAll) ? props.tagsAll : props.tags,
  );
}

/**
 * Pulumi's counterpart of a construct path: the name's hyphen-separated parts. Child names of
 * continuity-kit components extend their parent's (`shop-orders-OrdersTable-table`), so a spec's
 * `logicalId: OrdersTable` finds the resource by path segment, as it does in a CDK app.
 */
function pathOf(name: string): string {
  return name
    .split('-')
    .filter((s) => s !== '')
    .join('/');
}

/** True for records that are cloud resources: not providers, the stack, or components. */
function isCloudResource(type: string): boolean {
  return PULUMI_TYPE_MAP[type] !== undefined || type.startsWith('aws:');
}

function embeddedSpec(value: unknown): unknown {
  if (typeof value !== 'string') {
    return value;
  }
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/**
 * Builds the neutral {@link Inventory} from the resources of a Pulumi stack (a policy pack's
 * `args.resources`, or registrations recorded under mocks), with the same entries the
 * CloudFormation reader makes for the equivalent CloudFormation resources.
 *
 * Ids are `<stack>/<resource name>`. Resources CloudFormation expresses as properties (S3
 * versioning and replication, vault locks and policies, EFS replication, event targets) are
 * merged into their parent's entry. References are followed through `propertyDependencies`, or
 * by matching ids, ARNs and names; values unknown during a preview stay unresolved.
 *
 * Throws {@link InputError} when `options.stack` is empty.
 */
export function inventoryFromPulumi(
  resources: readonly PulumiResourceRecord[],
  options: PulumiInventoryOptions,
): Inventory {
  if (typeof options.stack !== 'string' || options.stack.trim() === '') {
    throw new InputError([
      {
        path: 'stack',
        message: `stack is ${JSON.stringify(options.stack)}; pass the Pulumi stack name, e.g. { stack: 'prod' }`,
      },
    ]);
  }
  const scope = new PulumiScope(resources, options);
  const out = new InventoryBuilder();
  const account: Known<string> =
    options.account !== undefined && options.account !== ''
      ? options.account
      : new Unresolved('AWS::AccountId (pass the account option)');
  for (const scoped of scope.records) {
    const { record } = scoped;
    const spec = scoped.props[METADATA_SPEC_KEY];
    if (spec !== undefined) {
      out.embeddedSpecs.push({ stack: options.stack, spec: embeddedSpec(spec) });
    }
    if (!isCloudResource(record.type) || PULUMI_TYPE_MAP[record.type]?.part !== undefined) {
      continue;
    }
    const cfnType = cfnTypeOf(scoped);
    const entry: InventoryEntry = {
      id: scoped.id,
      location: {
        stack: options.stack,
        logicalId: record.name,
        type: cfnType,
        path: pathOf(record.name),
      },
      region: scope.regionOf(scoped),
      account,
      tags: tagsOf(scoped),
    };
    const policy = deletionPolicyOf(scoped);
    out.addResource({
      ...entry,
      type: cfnType,
      deletionPolicy: policy,
      updateReplacePolicy: policy,
      properties: cfnProperties(scoped),
      // the Pulumi view, for `continuity diff`'s lists of inputs that force a replacement
      origin: { backend: 'pulumi', type: record.type, properties: scoped.props },
    });
    READERS[record.type]?.({ scoped, entry, cfnType }, scope, out);
  }
  for (const link of LINKERS) {
    link(scope, out);
  }
  return out.build();
}
