import type * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';

import type { RegionPair, StorePlan } from '../../lib/model';

/** Per-kind argument overrides merged into the store the component creates. */
export interface StoreOverrides {
  /**
   * Merged into the DynamoDB table's arguments (keys, indexes); protection settings win.
   *
   * @default - a `pk` string hash key, on-demand billing
   */
  readonly dynamodb?: Partial<aws.dynamodb.TableArgs>;
  /**
   * Merged into both buckets' arguments.
   *
   * @default - autonamed private buckets
   */
  readonly s3?: Partial<aws.s3.BucketArgs>;
  /**
   * Merged into the RDS instance's arguments (engine, class, networking).
   *
   * @default - PostgreSQL on `db.t4g.medium`, 20 GiB (or the planned size), managed password
   */
  readonly rds?: Partial<aws.rds.InstanceArgs>;
  /**
   * Merged into the primary Aurora cluster's arguments.
   *
   * @default - Aurora PostgreSQL with a managed master password
   */
  readonly aurora?: Partial<aws.rds.ClusterArgs>;
  /**
   * Instance class of Aurora instances.
   *
   * @default 'db.r6g.large'
   */
  readonly auroraInstanceClass?: string;
  /**
   * Merged into the EFS file system's arguments.
   *
   * @default - an encrypted Regional file system
   */
  readonly efs?: Partial<aws.efs.FileSystemArgs>;
  /**
   * Merged into the EBS volume's arguments.
   *
   * @default - an encrypted gp3 volume in the primary Region's `a` zone, planned size or 8 GiB
   */
  readonly ebs?: Partial<aws.ebs.VolumeArgs>;
}

/** Everything a store renderer needs; built by `ProtectedStore`. */
export interface StoreContext {
  /** Component name; children are named `${name}-<child>`. */
  readonly name: string;
  readonly service: string;
  readonly store: StorePlan;
  readonly regions: RegionPair;
  readonly tags: Record<string, string>;
  /** Options for children in the primary Region. */
  readonly primaryOpts: pulumi.CustomResourceOptions;
  /** Options for children in the recovery Region (the explicit recovery provider). */
  readonly recoveryOpts: pulumi.CustomResourceOptions;
  /** `protect` / `retainOnDelete` for stateful children. */
  readonly stateful: pulumi.CustomResourceOptions;
  /** Options of the store itself: primary Region, stateful, and `import` when adopting. */
  readonly mainOpts: pulumi.CustomResourceOptions;
  readonly overrides: StoreOverrides;
  readonly witnessRegion?: string;
}
