import { CfnResource, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as ecs from 'aws-cdk-lib/aws-ecs';
import type * as efs from 'aws-cdk-lib/aws-efs';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as rds from 'aws-cdk-lib/aws-rds';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { METADATA_SPEC_REF_KEY } from '../../lib/model';
import type { ContinuityPlan, ContinuitySpec, ServicePlan, StoreKind } from '../../lib/model';
import { planContinuity } from '../../lib/planner';
import { specDigest, specToJson } from '../../lib/spec';
import { ComputeResource } from './compute-resource';
import { ContinuityMonitoring, pascal } from './continuity-monitoring';
import { createDefaultCompute, createDefaultStore, lazyContext } from './default-resources';
import type { DefaultResourceContext } from './default-resources';
import { RecoveryVault } from './recovery-vault';
import { RestoreTesting } from './restore-testing';
import { SpecStack } from './spec-stack';
import { StoreResource } from './store-resource';
import { TierBackup } from './tier-backup';
import { ProtectedService } from './protected-service';
import type { StandbyEndpointOptions } from './standby';

/** Properties of {@link ContinuityStacks}. */
export interface ContinuityStacksProps {
  /** The validated spec (`loadSpec('continuity.yaml')`). */
  readonly spec: ContinuitySpec;
  /**
   * The plan to render.
   *
   * @default - `planContinuity(spec)`
   */
  readonly plan?: ContinuityPlan;
  /**
   * Account of every stack.
   *
   * @default - the account of the CLI credentials (`CDK_DEFAULT_ACCOUNT`)
   */
  readonly account?: string;
  /**
   * Allow vaults the plan locks in compliance mode (irreversible after the cooling-off period).
   *
   * @default false
   */
  readonly allowComplianceLock?: boolean;
  /**
   * Services per primary stack (and per matching recovery stack). Lower it when a stack nears
   * CloudFormation's limit of 500 resources.
   *
   * @default 10
   */
  readonly servicesPerStack?: number;
}

/** Resources a service already has, for {@link ContinuityStacks.addService}. */
export interface ServiceResourcesOptions {
  /** DynamoDB tables, in the order of the spec's `dynamodb` resources. @default - created */
  readonly tables?: readonly dynamodb.TableV2[];
  /** S3 buckets, in the order of the spec's `s3` resources. @default - created */
  readonly buckets?: readonly s3.Bucket[];
  /** RDS instances, in the order of the spec's `rds` resources. @default - created */
  readonly databases?: readonly rds.DatabaseInstance[];
  /** Aurora clusters, in the order of the spec's `aurora` resources. @default - created */
  readonly clusters?: readonly rds.DatabaseCluster[];
  /** EFS file systems, in the order of the spec's `efs` resources. @default - created */
  readonly fileSystems?: readonly efs.FileSystem[];
  /** EBS volumes, in the order of the spec's `ebs` resources. @default - created */
  readonly volumes?: readonly ec2.Volume[];
  /** ECS services (primary Region), in spec order. @default - created */
  readonly services?: readonly ecs.BaseService[];
  /** Auto Scaling groups (primary Region), in spec order. @default - created */
  readonly groups?: readonly autoscaling.AutoScalingGroup[];
  /** Lambda functions (primary Region), in spec order. @default - created */
  readonly functions?: readonly lambda.Function[];
  /**
   * The recovery-Region counterparts of `services`, `groups` and `functions`, in spec order of
   * all compute.
   *
   * @default - created in the recovery stack where the plan keeps recovery capacity
   */
  readonly recoveryCompute?: readonly ComputeResource[];
  /**
   * Create the resources the spec declares but the options do not supply.
   *
   * @default true
   */
  readonly createMissing?: boolean;
  /**
   * DNS names for the planned Route 53 failover.
   *
   * @default - no failover records; a plan with failover gets a warning
   */
  readonly endpoint?: StandbyEndpointOptions;
}

/** The stacks of one group of services. */
interface StackGroup {
  readonly index: number;
  readonly primary: Stack;
  readonly recovery: Stack;
  readonly primaryMonitoring: ContinuityMonitoring;
  readonly recoveryMonitoring: ContinuityMonitoring;
  readonly context: DefaultResourceContext;
  readonly recoveryContext: DefaultResourceContext;
  recoveryVpc?: ec2.IVpc;
  /** Recovery-Region stack deployed before `primary`, created on first use after group 1. */
  recoveryFoundation?: Stack;
}

/**
 * A continuity spec rendered into CDK stacks: the foundation (vaults, tier backups, monitoring)
 * in both Regions, and per service its protected stores and standby compute.
 *
 * Stacks, in deploy order: `RecoveryFoundation` (recovery Region: vaults, S3 replica buckets,
 * topic), `Primary` (primary Region: vaults, backup plans, monitoring, services), `Recovery`
 * (recovery Region: Aurora secondaries, RDS read replicas, standby compute, DNS failover). More
 * services spill into `Primary2`/`Recovery2` and so on, and their replication destinations (S3
 * replica buckets, keys for replicated RDS backups) into `RecoveryFoundation2` and so on, so every
 * stack grows with `servicesPerStack`, not with the number of services. `cdk deploy --all`
 * deploys them in order.
 */
export class ContinuityStacks extends Construct {
  /** The spec rendered. */
  public readonly spec: ContinuitySpec;
  /** The plan rendered. */
  public readonly plan: ContinuityPlan;
  /** Recovery-Region stack deployed first (vaults, topic, the first group's replica buckets). */
  public readonly recoveryFoundationStack: Stack;
  /** First primary-Region stack (foundation and the first services). */
  public readonly primaryStack: Stack;
  /** First recovery-Region stack for replicas and standby compute. */
  public readonly recoveryStack: Stack;
  /** Vaults per tier in the primary Region. */
  public readonly primaryVaults: Readonly<Record<string, RecoveryVault>>;
  /** Vaults per tier in the recovery Region. */
  public readonly recoveryVaults: Readonly<Record<string, RecoveryVault>>;
  /** Backup plans per tier. */
  public readonly tierBackups: Readonly<Record<string, TierBackup>>;
  /** AWS Backup restore testing per tier, in the primary Region. */
  public readonly restoreTests: Readonly<Record<string, RestoreTesting>>;
  /** Monitoring of the primary Region. */
  public readonly monitoring: ContinuityMonitoring;
  /** Monitoring of the recovery Region. */
  public readonly recoveryMonitoring: ContinuityMonitoring;

  private readonly groups: StackGroup[] = [];
  private readonly added = new Map<string, ProtectedService>();
  /** Position of each service in the plan, by lower-case name (services match case-insensitively). */
  private readonly serviceIndex = new Map<string, number>();
  private readonly servicesPerStack: number;
  private readonly account?: string;
  /** `specToJson(spec)`, built once and embedded in the first stack. */
  private readonly specDocument: unknown;
  /** What the other stacks carry: the first stack's name and the spec's digest. */
  private specReference?: { readonly stack: string; readonly sha256: string };

  public constructor(scope: Construct, id: string, props: ContinuityStacksProps) {
    super(scope, id);
    this.spec = props.spec;
    this.plan = props.plan ?? planContinuity(props.spec);
    this.servicesPerStack = props.servicesPerStack ?? 10;
    this.account = props.account ?? process.env.CDK_DEFAULT_ACCOUNT;
    this.plan.services.forEach((s, index) => {
      const key = s.service.toLowerCase();
      if (!this.serviceIndex.has(key)) this.serviceIndex.set(key, index);
    });
    this.specDocument = specToJson(this.spec);
    const { primary, recovery } = this.plan.regions;
    if (primary === recovery) {
      throw new Error(
        `regions.primary and regions.recovery are both '${primary}'; choose two Regions`,
      );
    }
    this.recoveryFoundationStack = this.newStack('RecoveryFoundation', recovery);
    this.recoveryMonitoring = new ContinuityMonitoring(this.recoveryFoundationStack, 'Monitoring');
    const first = this.group(0);
    this.primaryStack = first.primary;
    this.recoveryStack = first.recovery;
    this.monitoring = first.primaryMonitoring;

    const used = new Set(this.plan.services.map((s) => s.tier));
    const primaryVaults: Record<string, RecoveryVault> = {};
    const recoveryVaults: Record<string, RecoveryVault> = {};
    const tierBackups: Record<string, TierBackup> = {};
    const restoreTests: Record<string, RestoreTesting> = {};
    for (const tierPlan of this.plan.tiers.filter((t) => used.has(t.tier))) {
      const name = pascal(tierPlan.tier);
      const vaultProps = { vault: tierPlan.vault, allowComplianceLock: props.allowComplianceLock };
      const recoveryVault = new RecoveryVault(
        this.recoveryFoundationStack,
        `Vault${name}`,
        vaultProps,
      );
      const primaryVault = new RecoveryVault(this.primaryStack, `Vault${name}`, vaultProps);
      const backup = new TierBackup(this.primaryStack, `Backup${name}`, {
        plan: tierPlan,
        vault: primaryVault.vault,
        recoveryVault: recoveryVault.vault,
      });
      primaryVault.grantKeyUse(backup.role);
      restoreTests[tierPlan.tier] = new RestoreTesting(this.primaryStack, `RestoreTesting${name}`, {
        plan: tierPlan,
        vaults: [primaryVault.vault],
        storeKinds: this.plan.services
          .filter((s) => s.tier === tierPlan.tier)
          .flatMap((s) => s.stores.map((st) => st.resource.kind as StoreKind)),
        role: backup.role,
        alarmTopic: this.monitoring.topic,
      });
      primaryVaults[tierPlan.tier] = primaryVault;
      recoveryVaults[tierPlan.tier] = recoveryVault;
      tierBackups[tierPlan.tier] = backup;
    }
    this.primaryVaults = primaryVaults;
    this.recoveryVaults = recoveryVaults;
    this.tierBackups = tierBackups;
    this.restoreTests = restoreTests;
    this.node.addValidation({ validate: () => this.validateAllAdded() });
  }

  /** The primary-Region stack a service's resources belong in (create adopted resources there). */
  public primaryStackFor(service: string): Stack {
    return this.group(this.groupIndexOf(service)).primary;
  }

  /** The recovery-Region stack for a service's replicas and standby compute. */
  public recoveryStackFor(service: string): Stack {
    return this.group(this.groupIndexOf(service)).recovery;
  }

  /**
   * The recovery-Region stack, deployed before the service's primary stack, for a service's
   * replication destinations (S3 replica buckets, keys for replicated RDS backups).
   */
  public recoveryFoundationStackFor(service: string): Stack {
    return this.recoveryFoundationFor(this.group(this.groupIndexOf(service)));
  }

  /**
   * Protects a declared service: adopts the resources you pass, creates the missing ones, and
   * applies the service's plan to each. Returns what it protected.
   */
  public addService(name: string, options: ServiceResourcesOptions = {}): ProtectedService {
    const plan = this.servicePlan(name);
    if (this.added.has(plan.service)) {
      throw new Error(`service '${name}' was already added; call addService once per service`);
    }
    const group = this.group(this.groupIndexOf(plan.service));
    const service = new ProtectedService(group.primary, `Service${pascal(plan.service)}`, {
      plan,
      recoveryTargetScope: () => this.recoveryFoundationFor(group),
      recoveryStack: group.recovery,
      recoveryVpc: () => this.recoveryVpc(group),
      stores: this.resolveStores(plan, options, group),
      compute: this.resolveCompute(plan, options, group),
      recoveryCompute: options.recoveryCompute,
      createRecoveryCompute: (id, kind) =>
        createDefaultCompute(group.recovery, id, kind, group.recoveryContext),
      endpoint: options.endpoint,
      primaryMonitoring: group.primaryMonitoring,
      recoveryMonitoring: group.recoveryMonitoring,
      rpoSeconds: this.spec.tiers[plan.tier]?.objectives.region?.rpoSeconds,
    });
    for (const backup of Object.values(this.tierBackups)) {
      service.stores.forEach((s) => s.grantBackup(backup.role));
    }
    this.added.set(plan.service, service);
    return service;
  }

  /** Adds every declared service not added yet, creating all its resources. */
  public addServices(): ProtectedService[] {
    return this.plan.services
      .filter((s) => !this.added.has(s.service))
      .map((s) => this.addService(s.service));
  }

  private servicePlan(name: string): ServicePlan {
    const index = this.serviceIndex.get(name.toLowerCase());
    const plan = index === undefined ? undefined : this.plan.services[index];
    if (!plan) {
      const known = this.plan.services.map((s) => s.service).join(', ');
      throw new Error(
        `service '${name}' is not in the spec (services: ${known}); declare it in the spec first`,
      );
    }
    return plan;
  }

  private groupIndexOf(service: string): number {
    const index = this.serviceIndex.get(service.toLowerCase());
    if (index === undefined) this.servicePlan(service);
    return Math.floor(index! / this.servicesPerStack);
  }

  private resolveStores(
    plan: ServicePlan,
    options: ServiceResourcesOptions,
    group: StackGroup,
  ): StoreResource[] {
    const given: Record<string, readonly StoreResource[]> = {
      dynamodb: (options.tables ?? []).map((t) => StoreResource.fromTable(t)),
      s3: (options.buckets ?? []).map((b) => StoreResource.fromBucket(b)),
      rds: (options.databases ?? []).map((d) => StoreResource.fromDatabaseInstance(d)),
      aurora: (options.clusters ?? []).map((c) => StoreResource.fromDatabaseCluster(c)),
      efs: (options.fileSystems ?? []).map((f) => StoreResource.fromFileSystem(f)),
      ebs: (options.volumes ?? []).map((v) => StoreResource.fromVolume(v)),
    };
    return takeInOrder(
      plan,
      'store',
      plan.stores.map((s) => s.resource),
      given,
      options.createMissing ?? true,
      (ref, index) =>
        createDefaultStore(
          group.primary,
          resourceId(plan.service, ref, index),
          ref.kind as never,
          group.context,
        ),
    );
  }

  private resolveCompute(
    plan: ServicePlan,
    options: ServiceResourcesOptions,
    group: StackGroup,
  ): ComputeResource[] {
    const given: Record<string, readonly ComputeResource[]> = {
      ecs: (options.services ?? []).map((s) => ComputeResource.fromEcsService(s)),
      asg: (options.groups ?? []).map((g) => ComputeResource.fromAutoScalingGroup(g)),
      lambda: (options.functions ?? []).map((f) => ComputeResource.fromFunction(f)),
    };
    return takeInOrder(
      plan,
      'compute',
      plan.compute.map((c) => c.resource),
      given,
      options.createMissing ?? true,
      (ref, index) =>
        createDefaultCompute(
          group.primary,
          resourceId(plan.service, ref, index),
          ref.kind as never,
          group.context,
        ),
    );
  }

  private group(index: number): StackGroup {
    const existing = this.groups[index];
    if (existing) return existing;
    const suffix = index === 0 ? '' : String(index + 1);
    const primary = this.newStack(`Primary${suffix}`, this.plan.regions.primary);
    const recovery = this.newStack(`Recovery${suffix}`, this.plan.regions.recovery);
    const firstMonitoring = this.groups[0]?.primaryMonitoring;
    const primaryMonitoring = new ContinuityMonitoring(primary, 'Monitoring', {
      topic: firstMonitoring?.topic,
      jobEvents: index === 0,
    });
    const recoveryMonitoring = new ContinuityMonitoring(recovery, 'Monitoring', {
      topic: this.recoveryMonitoring.topic,
      jobEvents: false,
    });
    const group: StackGroup = {
      index,
      primary,
      recovery,
      primaryMonitoring,
      recoveryMonitoring,
      context: lazyContext(primary),
      recoveryContext: lazyContext(recovery),
    };
    this.groups[index] = group;
    return group;
  }

  /**
   * The first group keeps its destinations in `RecoveryFoundation` (their logical ids and stack
   * never change for existing users); later groups get `RecoveryFoundation2` and so on.
   */
  private recoveryFoundationFor(group: StackGroup): Stack {
    if (group.index === 0) return this.recoveryFoundationStack;
    group.recoveryFoundation ??= this.newStack(
      `RecoveryFoundation${group.index + 1}`,
      this.plan.regions.recovery,
    );
    return group.recoveryFoundation;
  }

  private recoveryVpc(group: StackGroup): ec2.IVpc {
    return group.recoveryContext.vpc();
  }

  /**
   * A new stack. The first (`RecoveryFoundation`, deployed first) embeds the spec; every other
   * stack points to it with the spec's digest (`ContinuityKit::SpecRef`), so templates grow with
   * the services they hold rather than with the whole spec.
   */
  private newStack(id: string, region: string): Stack {
    const props: StackProps = {
      env: { region, account: this.account },
      crossRegionReferences: true,
      description: `continuity-kit ${id} (${region})`,
    };
    let stack: Stack;
    if (this.specReference === undefined) {
      stack = new SpecStack(this, id, props, this.specDocument);
      this.specReference = { stack: stack.stackName, sha256: specDigest(this.specDocument) };
    } else {
      stack = new Stack(this, id, props);
      stack.templateOptions.metadata = { [METADATA_SPEC_REF_KEY]: this.specReference };
    }
    stack.node.addValidation({ validate: () => validateSize(stack, this.servicesPerStack) });
    return stack;
  }

  private validateAllAdded(): string[] {
    const missing = this.plan.services
      .filter((s) => !this.added.has(s.service))
      .map((s) => s.service);
    return missing.length === 0
      ? []
      : [
          `the spec declares service(s) ${missing.map((m) => `'${m}'`).join(', ')} that were never added; ` +
            'call addService(name, { ... }) for each, or addServices() to create them all',
        ];
  }
}

/** CloudFormation allows 500 resources per stack; fail early, well before deploy does. */
const MAX_RESOURCES_PER_STACK = 450;

function validateSize(stack: Stack, servicesPerStack: number): string[] {
  const count = stack.node
    .findAll()
    .filter((c) => CfnResource.isCfnResource(c) && Stack.of(c) === stack).length;
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
  if (count <= MAX_RESOURCES_PER_STACK) return [];
  // Every stack but the tier foundation grows with the services of its group only.
  const fix =
    servicesPerStack > 1
      ? `lower servicesPerStack (now ${servicesPerStack}) so this stack's group holds fewer services`
      : 'servicesPerStack is already 1: split the service into smaller services in the spec';
  return [
    `stack '${stack.stackName}' has ${count} resources, close to CloudFormation's limit of 500; ${fix}`,
  ];
}

function resourceId(
  service: string,
  ref: { readonly kind: string; readonly logicalId?: string },
  index: number,
): string {
  return ref.logicalId ?? `${pascal(service)}${pascal(ref.kind)}${index + 1}`;
}

/** Pairs declared refs with given resources of the same kind, in order, creating the rest. */
function takeInOrder<T extends { readonly kind: string }>(
  plan: ServicePlan,
  what: string,
  refs: readonly { readonly kind: string; readonly logicalId?: string }[],
  given: Record<string, readonly T[]>,
  createMissing: boolean,
  create: (ref: { readonly kind: string; readonly logicalId?: string }, index: number) => T,
): T[] {
  const used: Record<string, number> = {};
  const out = refs.map((ref, index) => {
    const n = used[ref.kind] ?? 0;
    used[ref.kind] = n + 1;
    const supplied = given[ref.kind]?.[n];
    if (supplied) return supplied;
    if (!createMissing) {
      throw new Error(
        `service '${plan.service}' declares ${what} ${ref.kind} '${ref.logicalId ?? index + 1}' but none was ` +
          'given; pass it or set createMissing: true',
      );
    }
    return create(ref, index);
  });
  for (const [kind, list] of Object.entries(given)) {
    if (list.length > (used[kind] ?? 0)) {
      throw new Error(
        `service '${plan.service}' declares ${used[kind] ?? 0} ${kind} ${what}(s) but ${list.length} were given; ` +
          'declare the extra ones in the spec or leave them out',
      );
    }
  }
  return out;
}
