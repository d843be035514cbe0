import * as aws from '@pulumi/aws';

import type { StoreContext } from './store-context';

/** Default EBS volume size when the spec gives none, in GiB. */
export const DEFAULT_EBS_SIZE_GIB = 8;

/** What {@link renderEfs} created. */
export interface EfsResources {
  readonly fileSystem: aws.efs.FileSystem;
  readonly replication?: aws.efs.ReplicationConfiguration;
}

/**
 * EFS: an encrypted Regional file system and, for `efs-replication`, a replication configuration
 * that creates a read-only replica in the recovery Region.
 */
export function renderEfs(ctx: StoreContext): EfsResources {
  const fileSystem = new aws.efs.FileSystem(
    `${ctx.name}-fs`,
    { region: ctx.regions.primary, encrypted: true, ...ctx.overrides.efs, tags: ctx.tags },
    ctx.mainOpts,
  );
  if (ctx.store.replication !== 'efs-replication') return { fileSystem };
  // Deleting the configuration leaves the replica file system in place (writable).
  // https://docs.aws.amazon.com/efs/latest/ug/delete-replications.html
  const replication = new aws.efs.ReplicationConfiguration(
    `${ctx.name}-replication`,
    {
      region: ctx.regions.primary,
      sourceFileSystemId: fileSystem.id,
      destination: { region: ctx.regions.recovery },
    },
    ctx.primaryOpts,
  );
  return { fileSystem, replication };
}

/** What {@link renderEbs} created. */
export interface EbsResources {
  readonly volume: aws.ebs.Volume;
}

/** EBS: an encrypted volume; protected by the tier's backup plan only (no live replica). */
export function renderEbs(ctx: StoreContext): EbsResources {
  const volume = new aws.ebs.Volume(
    `${ctx.name}-volume`,
    {
      region: ctx.regions.primary,
      availabilityZone: `${ctx.regions.primary}a`,
      size: ctx.store.resource.sizeGiB ?? DEFAULT_EBS_SIZE_GIB,
      type: 'gp3',
      encrypted: true,
      finalSnapshot: true,
      ...ctx.overrides.ebs,
      tags: ctx.tags,
    },
    ctx.mainOpts,
  );
  return { volume };
}
