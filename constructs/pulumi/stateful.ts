import type * as pulumi from '@pulumi/pulumi';

/**
 * How a stateful resource survives `pulumi destroy` and resource removal.
 *
 * - `protect` (the default): `protect: true` and `retainOnDelete: true`; Pulumi refuses to
 *   delete or replace the resource until someone runs `pulumi state unprotect`, and even then
 *   leaves it (and its data) in AWS when it is removed.
 * - `retain`: `retainOnDelete: true` only; Pulumi deletes nothing in AWS, but lets the resource
 *   be removed from the program or replaced without a second step. Policy packs are not told
 *   about `retainOnDelete` (only `protect`), so the continuity pack reports such stores under
 *   RR-INV3; opt out only for data you can recreate.
 */
export type DeletionProtection = 'protect' | 'retain';

/**
 * Protection of every stateful resource unless an argument says otherwise: safe by default, and
 * the only setting a policy pack can verify.
 */
export const DEFAULT_DELETION_PROTECTION: DeletionProtection = 'protect';

/** Resource options for a stateful resource under the given protection. */
export function statefulOptions(mode: DeletionProtection): pulumi.CustomResourceOptions {
  return mode === 'protect' ? { protect: true, retainOnDelete: true } : { retainOnDelete: true };
}

/**
 * Resource types the components treat as stateful: each gets {@link statefulOptions} and no
 * hard-coded physical name (the one exception, `aws:rds/globalCluster:GlobalCluster`, requires
 * an identifier; it is derived from the stack and component name).
 */
export const STATEFUL_RESOURCE_TYPES = [
  'aws:kms/key:Key',
  'aws:backup/vault:Vault',
  'aws:backup/vaultLockConfiguration:VaultLockConfiguration',
  'aws:dynamodb/table:Table',
  'aws:s3/bucket:Bucket',
  'aws:rds/instance:Instance',
  'aws:rds/cluster:Cluster',
  'aws:rds/globalCluster:GlobalCluster',
  'aws:efs/fileSystem:FileSystem',
  'aws:ebs/volume:Volume',
] as const;
