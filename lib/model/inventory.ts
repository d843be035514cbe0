import type { ComputeKind, StoreKind } from './disruption';
import type { ResourceLocation } from './finding';
import type { ContinuitySpec } from './spec';
import type { Known } from './unresolved';

/**
 * The neutral, backend-independent view of deployed (or about to be deployed) resources.
 *
 * Readers build it: `lib/inventory/cloudformation` from templates and `cdk.out`, the Pulumi
 * policy pack and tests from Pulumi resources. The engine reads nothing else, so a CDK app and
 * a Pulumi program that create the same resources get the same verdict.
 *
 * References between resources are {@link ResourceId}s (`Stack/LogicalId`); values not known
 * until deploy are {@link Unresolved}.
 */
export interface Inventory {
  /** Every resource read, with its raw type, tags and policies (for the generic rules). */
  readonly resources: readonly InventoryResource[];
  readonly stores: readonly Store[];
  readonly computes: readonly Compute[];
  readonly backupPlans: readonly BackupPlan[];
  readonly backupSelections: readonly BackupSelection[];
  readonly vaults: readonly Vault[];
  readonly healthChecks: readonly HealthCheck[];
  readonly dnsRecords: readonly DnsRecord[];
  readonly alarms: readonly Alarm[];
  readonly eventRules: readonly EventRule[];
  readonly restoreTestingPlans: readonly RestoreTestingPlan[];
  readonly experimentTemplates: readonly ExperimentTemplate[];
  /** Specs embedded in stack metadata (`ContinuityKit::Spec`), by stack. */
  readonly embeddedSpecs: readonly { readonly stack: string; readonly spec: unknown }[];
  /**
   * Stacks whose spec is embedded in another stack (`ContinuityKit::SpecRef` metadata): the
   * stack read, the stack holding the spec, and the spec document's SHA-256.
   *
   * @default - none
   */
  readonly specReferences?: readonly SpecReference[];
  /**
   * Acknowledgements of continuity rules written into the templates (cdk-nag
   * `Metadata.cdk_nag.rules_to_suppress`); the engine applies them like spec suppressions.
   *
   * @default - none
   */
  readonly acknowledgements?: readonly ResourceAcknowledgement[];
}

/**
 * An acknowledgement of a continuity rule on one resource, as cdk-nag writes it into the
 * resource's CloudFormation metadata (`Metadata.cdk_nag.rules_to_suppress: [{ id, reason }]`).
 */
export interface ResourceAcknowledgement {
  /** Catalogue rule id, e.g. `RR-INV3` (cdk-nag's `Continuity-RR-INV3` without the pack name). */
  readonly rule: string;
  /** The resource it is written on. */
  readonly resource: ResourceId;
  readonly location: ResourceLocation & { readonly stack: string; readonly logicalId: string };
  /** The reason given, trimmed; empty when none was given (then it accepts nothing). */
  readonly reason: string;
}

/** `Stack/LogicalId` — unique within an inventory. */
export type ResourceId = string;

/** Fields every inventory entry has. */
export interface InventoryEntry {
  readonly id: ResourceId;
  readonly location: ResourceLocation & { readonly stack: string; readonly logicalId: string };
  /** Region of the stack, or unresolved when the stack is environment-agnostic. */
  readonly region: Known<string>;
  /**
   * Account the stack deploys to (cdk.out manifest `aws://ACCOUNT/REGION`, the Pulumi adapter's
   * `account` option); unresolved when the stack is environment-agnostic. The engine compares it
   * with copy destinations to tell cross-account copies.
   *
   * @default - unknown: the engine falls back to its `accountId` option
   */
  readonly account?: Known<string>;
  /** Tags on the resource (CloudFormation `Tags`, CDK tags, Pulumi `tags`). */
  readonly tags: Readonly<Record<string, Known<string>>>;
}

/** Any resource, untyped. */
export interface InventoryResource extends InventoryEntry {
  /** CloudFormation type (Pulumi types are mapped to their CloudFormation equivalent). */
  readonly type: string;
  /** `Delete`, `Retain`, `Snapshot`, `RetainExceptOnCreate`; Pulumi `protect`/`retainOnDelete` map to `Retain`. */
  readonly deletionPolicy?: string;
  readonly updateReplacePolicy?: string;
  /**
   * Raw properties, for rules and `continuity diff` (intrinsics left as objects). Read from a
   * template, they are kept only for the types something reads them of once the resource is read
   * (`PROPERTIES_KEPT` in lib/inventory/kept-properties.ts); other resources have `{}`.
   */
  readonly properties: Readonly<Record<string, unknown>>;
  /**
   * The resource as its backend names it, for comparisons that need the backend's own terms
   * (`continuity diff` compares the `@pulumi/aws` inputs that force a Pulumi replacement).
   *
   * @default - a CloudFormation resource: `type` and `properties` are the template's own
   */
  readonly origin?: ResourceOrigin;
}

/** Where an inventory resource was read from, in the backend's own terms. */
export interface ResourceOrigin {
  /** The reader that produced the resource. */
  readonly backend: 'cloudformation' | 'pulumi';
  /** Type as the backend names it: `AWS::S3::Bucket`, or a Pulumi token `aws:s3/bucket:Bucket`. */
  readonly type: string;
  /** Properties under the backend's names (Pulumi camelCase inputs and outputs, unknowns as `Unresolved`). */
  readonly properties: Readonly<Record<string, unknown>>;
}

/** A data store. */
export interface Store extends InventoryEntry {
  readonly kind: StoreKind;
  readonly type: string;
  /** DynamoDB PITR, RDS/Aurora `BackupRetentionPeriod` > 0. */
  readonly pointInTimeRecovery: Known<boolean>;
  /** PITR window in days, when on. */
  readonly pitrRetentionDays?: Known<number>;
  /** S3 versioning. */
  readonly versioning?: Known<boolean>;
  /** RDS `MultiAZ`, Aurora with ≥ 2 instances in different AZs, EFS Regional (not One Zone). */
  readonly multiAz: Known<boolean>;
  /** Replicas and replication targets. */
  readonly replicas: readonly StoreReplica[];
  /** Encrypted at rest with a KMS key. */
  readonly encrypted?: Known<boolean>;
  /**
   * Service-managed automatic backups outside any backup plan in the inventory: EFS
   * `BackupPolicy` ENABLED (daily AWS Backup, kept 35 days).
   *
   * @default - none
   */
  readonly automaticBackups?: Known<boolean>;
  /**
   * For a replica store (Aurora secondary, RDS read replica, global-table replica): the store
   * it copies. Such stores belong to the service of their source.
   */
  readonly replicaOf?: ResourceId;
}

/** A replication target of a store. */
export interface StoreReplica {
  readonly mechanism: import('./protection').ReplicationMechanism;
  readonly region: Known<string>;
  /** The replica's own entry, when it is in the inventory. */
  readonly target?: ResourceId;
  /** Replica has PITR on (global table replicas). */
  readonly pointInTimeRecovery?: Known<boolean>;
}

/** A compute resource. */
export interface Compute extends InventoryEntry {
  readonly kind: ComputeKind;
  readonly type: string;
  /** ECS `DesiredCount`, ASG `DesiredCapacity` (or `MinSize`), 1 for Lambda. */
  readonly desiredCapacity: Known<number>;
  /** Number of distinct AZs/subnets, when known. */
  readonly availabilityZones: Known<number>;
}

/** An AWS Backup plan. */
export interface BackupPlan extends InventoryEntry {
  readonly rules: readonly BackupRule[];
}

/** One rule of an AWS Backup plan. */
export interface BackupRule {
  readonly name: string;
  /** Cron expression, `undefined` when absent (AWS Backup then runs daily at 05:00 UTC). */
  readonly scheduleExpression: Known<string | undefined>;
  readonly startWindowMinutes: Known<number | undefined>;
  readonly completionWindowMinutes: Known<number | undefined>;
  readonly deleteAfterDays: Known<number | undefined>;
  readonly moveToColdStorageAfterDays: Known<number | undefined>;
  readonly enableContinuousBackup: Known<boolean>;
  /** Target vault, by id when in the inventory, else its name/ARN. */
  readonly targetVault: Known<ResourceId | string>;
  readonly copyActions: readonly CopyAction[];
}

/** A copy action of a backup rule. */
export interface CopyAction {
  /** Destination vault ARN (literal or resolved from a reference). */
  readonly destinationVaultArn: Known<string>;
  /** Region parsed from the ARN or taken from the referenced vault. */
  readonly destinationRegion: Known<string>;
  /** Account parsed from the ARN, when literal. */
  readonly destinationAccount?: Known<string>;
  /** The destination vault's entry, when it is in the inventory. */
  readonly destinationVault?: ResourceId;
  readonly deleteAfterDays: Known<number | undefined>;
}

/** An AWS Backup selection. */
export interface BackupSelection extends InventoryEntry {
  readonly plan: Known<ResourceId>;
  /** Resources by id when they are references, literal ARNs (with wildcards) otherwise. */
  readonly resources: readonly Known<{ readonly id: ResourceId } | { readonly arn: string }>[];
  readonly notResources: readonly Known<{ readonly id: ResourceId } | { readonly arn: string }>[];
  /** `ListOfTags` — OR semantics. */
  readonly listOfTags: readonly TagCondition[];
  /** `Conditions` — AND semantics. */
  readonly conditions: readonly TagCondition[];
  /** IAM role used by the selection, for the KMS access check. */
  readonly iamRole: Known<string>;
}

/** A tag condition of a backup selection. */
export interface TagCondition {
  readonly operator: 'StringEquals' | 'StringLike' | 'StringNotEquals' | 'StringNotLike';
  readonly key: string;
  readonly value: Known<string>;
}

/** A backup vault. */
export interface Vault extends InventoryEntry {
  readonly name: Known<string | undefined>;
  /** KMS key: by id when a key in the inventory, alias/ARN otherwise; `undefined` = AWS-owned key. */
  readonly encryptionKey: Known<ResourceId | string | undefined>;
  /** True when the key is customer-managed (an `AWS::KMS::Key` or a key ARN, not `aws/backup`). */
  readonly customerManagedKey: Known<boolean>;
  readonly lock?: {
    readonly minRetentionDays: Known<number | undefined>;
    readonly maxRetentionDays: Known<number | undefined>;
    /** Set means compliance mode after the cooling-off; absent means governance mode. */
    readonly changeableForDays: Known<number | undefined>;
  };
  /** Access policy denies `backup:DeleteRecoveryPoint`. */
  readonly deniesRecoveryPointDeletion: Known<boolean>;
}

/** A Route 53 health check. */
export interface HealthCheck extends InventoryEntry {
  readonly requestIntervalSeconds: Known<number>;
  readonly failureThreshold: Known<number>;
}

/** A Route 53 record that takes part in failover or latency routing. */
export interface DnsRecord extends InventoryEntry {
  readonly name: Known<string>;
  readonly routing: 'failover' | 'latency' | 'weighted' | 'simple';
  readonly failover?: 'PRIMARY' | 'SECONDARY';
  readonly healthCheck?: Known<ResourceId | string>;
  /** `undefined` for alias records (Route 53 uses the target's TTL, 60 s for ELB). */
  readonly ttlSeconds: Known<number | undefined>;
  readonly recordRegion?: Known<string>;
  /** Compute or load balancer ids the record points at, when resolvable. */
  readonly targets: readonly ResourceId[];
}

/** A CloudWatch alarm. */
export interface Alarm extends InventoryEntry {
  readonly namespace: Known<string | undefined>;
  readonly metricName: Known<string | undefined>;
  readonly dimensions: Readonly<Record<string, Known<ResourceId | string>>>;
  readonly threshold: Known<number | undefined>;
  readonly comparisonOperator: Known<string | undefined>;
  readonly hasActions: boolean;
}

/** An EventBridge rule. */
export interface EventRule extends InventoryEntry {
  /** The rule's event pattern, raw. */
  readonly eventPattern: Known<Readonly<Record<string, unknown>> | undefined>;
  readonly hasTargets: boolean;
}

/** An AWS Backup restore testing plan. */
export interface RestoreTestingPlan extends InventoryEntry {
  readonly scheduleExpression: Known<string>;
}

/** An AWS FIS experiment template. */
export interface ExperimentTemplate extends InventoryEntry {
  readonly actions: readonly string[];
  readonly hasStopConditions: boolean;
}

/** Result of reading templates: the inventory and the spec it carries, if any. */
export interface ReadResult {
  readonly inventory: Inventory;
  /** The first embedded spec, validated, when present. */
  readonly spec?: ContinuitySpec;
}

/** A stack pointing to the stack that embeds its spec (`ContinuityKit::SpecRef` metadata). */
export interface SpecReference {
  /** The stack read. */
  readonly stack: string;
  /** The stack whose `ContinuityKit::Spec` metadata holds the spec. */
  readonly specStack: string;
  /** SHA-256 (hex) of the spec document's JSON, as `specDigest` computes it. */
  readonly sha256: string;
}
