import type { DataFate } from './continuity-diff';
import type { InventoryResource } from '../model/inventory';

/**
 * Types that accept `Snapshot` (among the stateful types continuity diff tracks).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html
 */
const SNAPSHOT_TYPES: ReadonlySet<string> = new Set([
  'AWS::EC2::Volume',
  'AWS::RDS::DBCluster',
  'AWS::RDS::DBInstance',
]);

/** How much of the data each fate keeps, to compare policies. */
const KEEPS: Readonly<Record<DataFate, number>> = { deleted: 0, snapshot: 1, retained: 2 };

/**
 * The `DeletionPolicy` CloudFormation applies: the one written, else `Snapshot` for
 * `AWS::RDS::DBCluster` and for `AWS::RDS::DBInstance` without `DBClusterIdentifier`, else
 * `Delete`.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html
 */
export function effectiveDeletionPolicy(resource: InventoryResource): string {
  if (resource.deletionPolicy !== undefined) {
    return resource.deletionPolicy;
  }
  const rdsDefault =
    resource.type === 'AWS::RDS::DBCluster' ||
    (resource.type === 'AWS::RDS::DBInstance' &&
      resource.properties.DBClusterIdentifier === undefined);
  return rdsDefault ? 'Snapshot' : 'Delete';
}

/**
 * The `UpdateReplacePolicy` CloudFormation applies: the one written, else `Delete`.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-updatereplacepolicy.html
 */
export function effectiveUpdateReplacePolicy(resource: InventoryResource): string {
  return resource.updateReplacePolicy ?? 'Delete';
}

/** What a policy value does to the data of a resource of `type`. */
export function fateOf(policy: string, type: string): DataFate {
  if (policy === 'Retain' || policy === 'RetainExceptOnCreate') {
    return 'retained';
  }
  // `Snapshot` on a type without snapshots is invalid: do not count on it (fail closed)
  return policy === 'Snapshot' && SNAPSHOT_TYPES.has(type) ? 'snapshot' : 'deleted';
}

/** What removing `resource` from its stack does to its data (its `DeletionPolicy`). */
export function deletionFate(resource: InventoryResource): DataFate {
  return fateOf(effectiveDeletionPolicy(resource), resource.type);
}

/**
 * What replacing the resource does to the old data. CloudFormation reads `UpdateReplacePolicy`
 * from the template being deployed; the weaker of old and new is taken, so a policy changed in
 * the same update never hides a loss.
 */
export function replacementFate(before: InventoryResource, after: InventoryResource): DataFate {
  return weaker(
    fateOf(effectiveUpdateReplacePolicy(before), before.type),
    fateOf(effectiveUpdateReplacePolicy(after), after.type),
  );
}

/**
 * False for an Aurora DB instance (an `AWS::RDS::DBInstance` in a DB cluster, or a Pulumi
 * `aws.rds.ClusterInstance`): it is compute only, the cluster volume keeps the data, and
 * deleting instances from a cluster preserves "the cluster itself and the data that it contains"
 * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_DeleteCluster.html).
 */
export function holdsOwnData(resource: InventoryResource): boolean {
  if (resource.type !== 'AWS::RDS::DBInstance') {
    return true;
  }
  return resource.origin?.backend === 'pulumi'
    ? resource.origin.type !== 'aws:rds/clusterInstance:ClusterInstance'
    : resource.properties.DBClusterIdentifier === undefined;
}

/** The fate that keeps less data. */
export function weaker(a: DataFate, b: DataFate): DataFate {
  return KEEPS[a] <= KEEPS[b] ? a : b;
}

/** True when `after` keeps less data than `before`. */
export function keepsLess(before: DataFate, after: DataFate): boolean {
  return KEEPS[after] < KEEPS[before];
}
