import type * as pulumi from '@pulumi/pulumi';

import type { VaultSpec } from '../../lib/model';

/**
 * How a stateful resource survives `pulumi destroy` and resource removal.
 *
 * - `retain`: `retainOnDelete: true`; Pulumi forgets the resource but leaves it (and its data)
 *   in AWS when it is removed from the program or the stack is destroyed.
 * - `protect`: `protect: true` as well; Pulumi refuses to delete or replace the resource at all
 *   until someone runs `pulumi state unprotect`.
 */
export type DeletionProtection = 'protect' | 'retain';

/**
 * The protection a tier asks for: `protect` when its vaults are locked (an immutable tier, where
 * losing data must take a deliberate two-step), `retain` otherwise.
 */
export function deletionProtectionFor(vault: VaultSpec): DeletionProtection {
  return vault.lockMode === 'none' ? 'retain' : 'protect';
}

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
