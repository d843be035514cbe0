import type * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

import {
  ALARM_METRICS,
  efsTimeSinceLastSyncQuery,
  metricDimensions,
  metricRegion,
} from '../../lib/facts';
import type { AlarmDimensionRole } from '../../lib/facts';
import type { AlarmSignal, RegionPair, StoreKind, StorePlan, TierPlan } from '../../lib/model';
import { renderAurora, renderRds } from './database-stores';
import type { AuroraResources, RdsResources } from './database-stores';
import { renderEbs, renderEfs } from './file-stores';
import type { EbsResources, EfsResources } from './file-stores';
import type { MetricTarget } from './metric-targets';
import { renderDynamoDb, renderS3, S3_REPLICATION_RULE_ID } from './object-stores';
import type { DynamoDbResources, S3Resources } from './object-stores';
import { DEFAULT_DELETION_PROTECTION, statefulOptions } from './stateful';
import type { DeletionProtection } from './stateful';
import type { StoreContext, StoreOverrides } from './store-context';
import { continuityTags } from './tags';
import { TYPE_TOKENS } from './type-tokens';

/** Arguments of {@link ProtectedStore}. */
export interface ProtectedStoreArgs {
  /** The store's plan (kind, PITR, Multi-AZ, versioning, replication). */
  readonly store: StorePlan;
  /** Service the store belongs to (`continuity:service` tag). */
  readonly service: string;
  /** Plan of the service's tier (`continuity:tier` tag, protection default). */
  readonly tier: TierPlan;
  /** Primary and recovery Regions; passed as `region` to every child. */
  readonly regions: RegionPair;
  /**
   * Provider for the primary Region.
   *
   * @default - the provider inherited from the parent
   */
  readonly primaryProvider?: aws.Provider;
  /**
   * Explicit provider for the recovery Region, used by every recovery-side child.
   *
   * @default - none; the component throws when the plan replicates to the recovery Region
   */
  readonly recoveryProvider?: aws.Provider;
  /**
   * How the store and its replicas survive removal; `retain` opts out of `protect`.
   *
   * @default 'protect' - `protect: true` and `retainOnDelete: true`
   */
  readonly deletionProtection?: DeletionProtection;
  /**
   * Per-kind argument overrides for the created store.
   *
   * @default - the defaults listed on {@link StoreOverrides}
   */
  readonly overrides?: StoreOverrides;
  /**
   * ID of an existing store to adopt instead of creating one (Pulumi `import`: table name,
   * bucket name, DB instance or cluster identifier, file system or volume id). Its settings must
   * match the rendered arguments (use `overrides`), or `pulumi up` stops on the difference.
   *
   * @default - a new store
   */
  readonly importId?: string;
  /**
   * Witness Region for `dynamodb-global-table-strong`.
   *
   * @default - none; required for multi-Region strong consistency
   */
  readonly witnessRegion?: string;
  /**
   * Extra tags on every tagged child.
   *
   * @default - only the continuity tags
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Resources a {@link ProtectedStore} created, by kind. */
export type StoreResources =
  | ({ readonly kind: 'dynamodb' } & DynamoDbResources)
  | ({ readonly kind: 's3' } & S3Resources)
  | ({ readonly kind: 'rds' } & RdsResources)
  | ({ readonly kind: 'aurora' } & AuroraResources)
  | ({ readonly kind: 'efs' } & EfsResources)
  | ({ readonly kind: 'ebs' } & EbsResources);

/**
 * One data store created with the protection its plan asks for, tagged with its service and
 * tier so the tier's backup selection picks it up.
 *
 * Children by kind (all named from `name`): dynamodb `-table`; s3 `-bucket`, `-replica`
 * (+ `-encryption`, `-public-access`, `-versioning` each), `-replication-role`,
 * `-replication-policy`, `-replication`; rds `-db`, `-recovery-key`, `-replica` or
 * `-backup-replication`; aurora `-cluster`, `-instance-<n>`, `-global`, `-recovery-key`,
 * `-secondary`, `-secondary-instance-1`; efs `-fs`, `-replication`; ebs `-volume`.
 */
export class ProtectedStore extends pulumi.ComponentResource {
  /** Store kind. */
  public readonly kind: StoreKind;
  /** The created resources. */
  public readonly resources: StoreResources;
  /** The plan this store renders. */
  public readonly plan: StorePlan;
  /** Metrics this store publishes for the monitoring signals it supports. */
  public readonly metricTargets: readonly MetricTarget[];

  public constructor(
    name: string,
    args: ProtectedStoreArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(TYPE_TOKENS.protectedStore, name, {}, opts);
    const { store, regions } = args;
    const kind = store.resource.kind;
    if (!isStoreKind(kind)) {
      throw new Error(
        `service '${args.service}' store '${name}' has kind '${kind}', which is compute; ` +
          'pass compute resources to Standby',
      );
    }
    if (store.replication !== undefined && args.recoveryProvider === undefined) {
      throw new Error(
        `store '${name}' plans ${store.replication} to ${regions.recovery}, but ` +
          'recoveryProvider is undefined; pass an aws.Provider for the recovery Region',
      );
    }
    const primaryOpts = {
      parent: this,
      ...(args.primaryProvider ? { provider: args.primaryProvider } : {}),
    };
    const stateful = statefulOptions(args.deletionProtection ?? DEFAULT_DELETION_PROTECTION);
    const ctx: StoreContext = {
      name,
      service: args.service,
      store,
      regions,
      tags: continuityTags(args.service, args.tier.tier, args.tags),
      primaryOpts,
      recoveryOpts: { parent: this, provider: args.recoveryProvider },
      stateful,
      mainOpts: {
        ...primaryOpts,
        ...stateful,
        ...(args.importId ? { import: args.importId } : {}),
      },
      overrides: args.overrides ?? {},
      witnessRegion: args.witnessRegion,
    };
    this.kind = kind;
    this.plan = store;
    this.resources = render(kind, ctx);
    this.metricTargets = metricTargets(this.resources, regions).map((t) => ({
      ...t,
      label: store.resource.logicalId ?? kind,
      resource: store.resource,
    }));
    this.registerOutputs({ kind, service: args.service, tier: args.tier.tier });
  }
}

function isStoreKind(kind: string): kind is StoreKind {
  return ['dynamodb', 's3', 'rds', 'aurora', 'efs', 'ebs'].includes(kind);
}

function render(kind: StoreKind, ctx: StoreContext): StoreResources {
  switch (kind) {
    case 'dynamodb':
      return { kind, ...renderDynamoDb(ctx) };
    case 's3':
      return { kind, ...renderS3(ctx) };
    case 'rds':
      return { kind, ...renderRds(ctx) };
    case 'aurora':
      return { kind, ...renderAurora(ctx) };
    case 'efs':
      return { kind, ...renderEfs(ctx) };
    case 'ebs':
      return { kind, ...renderEbs(ctx) };
  }
}

/** The metrics each created resource publishes, with the dimensions that identify it. */
function metricTargets(
  resources: StoreResources,
  regions: RegionPair,
): Omit<MetricTarget, 'label' | 'resource'>[] {
  const target = <S extends AlarmSignal>(
    signal: S,
    values: Readonly<Record<AlarmDimensionRole<S>, pulumi.Input<string>>>,
  ): Omit<MetricTarget, 'label' | 'resource'> => ({
    signal,
    region: metricRegion(signal, regions),
    dimensions: metricDimensions(signal, values),
  });
  switch (resources.kind) {
    case 'dynamodb':
      return [
        target('dynamodb-replication-latency', {
          table: resources.table.name,
          receivingRegion: regions.recovery,
        }),
      ];
    case 's3': {
      if (!resources.replica) return [];
      const values = {
        sourceBucket: resources.bucket.bucket,
        destinationBucket: resources.replica.bucket,
        ruleId: S3_REPLICATION_RULE_ID,
      };
      return [target('s3-replication-latency', values), target('s3-replication-failed', values)];
    }
    case 'rds':
      return resources.replica
        ? [target('rds-replica-lag', { instance: resources.replica.identifier })]
        : [];
    case 'aurora':
      // A cluster's id is its identifier (the AWS provider imports clusters by it); unlike the
      // computed clusterIdentifier output, it is known as soon as the cluster exists.
      return resources.secondary
        ? [target('aurora-global-replication-lag', { cluster: resources.secondary.id })]
        : [];
    case 'efs': {
      const signal = 'efs-time-since-last-sync';
      const fileSystemId = resources.fileSystem.id;
      return [
        {
          signal,
          region: metricRegion(signal, regions),
          // The destination's id is EFS's to choose: the query selects the metric by the source.
          dimensions: { [ALARM_METRICS[signal].dimensions.fileSystem]: fileSystemId },
          query: pulumi.all([fileSystemId]).apply(([id]) => efsTimeSinceLastSyncQuery(id)),
        },
      ];
    }
    case 'ebs':
      return [];
  }
}
