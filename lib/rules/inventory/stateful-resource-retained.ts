import { locationOf } from '../continuity-rule';
import type { Store } from '../../model';
import type { ContinuityRule } from '../continuity-rule';

/** Policies that keep the data when CloudFormation deletes or replaces the resource. */
const KEEPS_DATA = new Set(['Retain', 'Snapshot', 'RetainExceptOnCreate']);

/**
 * CloudFormation's deletion policy when a template sets none: `Snapshot` for `AWS::RDS::DBCluster`
 * and for `AWS::RDS::DBInstance` without `DBClusterIdentifier`, `Delete` for everything else
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html).
 * The update-replace policy defaults to `Delete` for every type
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-updatereplacepolicy.html).
 */
export function defaultDeletionPolicy(
  type: string,
  properties: Readonly<Record<string, unknown>>,
): string {
  if (type === 'AWS::RDS::DBCluster') {
    return 'Snapshot';
  }
  if (type === 'AWS::RDS::DBInstance' && properties.DBClusterIdentifier === undefined) {
    return 'Snapshot';
  }
  return 'Delete';
}

/** RR-INV3: data stores keep their data when their stack deletes or replaces them. */
export const statefulResourceRetained: ContinuityRule<Store> = {
  id: 'RR-INV3',
  name: 'statefulResourceRetained',
  title: 'Data stores are retained (or snapshotted) when their stack deletes or replaces them',
  violation:
    'A data store has a Delete deletion or update-replace policy (explicit or CloudFormation\u2019s default), so a stack delete or a replacing update destroys its data',
  rationale:
    'Deleting a stack, removing a resource from a template or changing a property that forces replacement deletes the old resource with its data; native backups of a deleted resource may go with it.',
  fix: 'set DeletionPolicy and UpdateReplacePolicy to Retain or Snapshot (CDK: removalPolicy RETAIN or SNAPSHOT; Pulumi: protect or retainOnDelete)',
  severity: 'error',
  docsUrl:
    'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-attribute-deletionpolicy.html',
  subjects: (context) => context.inventory.stores,
  locate: (store, context) => ({
    resource: locationOf(store, store.type),
    service: context.servicesOfResource.get(store.id)?.[0],
  }),
  check: (store, context) => {
    const resource = context.index.resources.get(store.id);
    if (!resource) {
      return {
        status: 'unknown',
        message: `the deletion policy of ${store.id} is not in the inventory`,
      };
    }
    const deletion =
      resource.deletionPolicy ?? defaultDeletionPolicy(resource.type, resource.properties);
    const replace = resource.updateReplacePolicy ?? 'Delete';
    const problems = [
      ...(KEEPS_DATA.has(deletion)
        ? []
        : [
            `DeletionPolicy ${deletion}${resource.deletionPolicy === undefined ? ' (default)' : ''}`,
          ]),
      ...(KEEPS_DATA.has(replace)
        ? []
        : [
            `UpdateReplacePolicy ${replace}${resource.updateReplacePolicy === undefined ? ' (default)' : ''}`,
          ]),
    ];
    return problems.length === 0
      ? { status: 'compliant' }
      : {
          status: 'non-compliant',
          message: `${store.id} (${store.type}) would lose its data: ${problems.join(', ')}`,
        };
  },
};
