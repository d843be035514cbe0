import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

import { METADATA_SPEC_KEY } from '../../lib/model';
import type {
  ContinuityPlan,
  ContinuitySpec,
  ServicePlan,
  StoreKind,
  TierPlan,
} from '../../lib/model';
import { planContinuity } from '../../lib/planner';
import { specToJson } from '../../lib/spec';
import { ContinuityMonitoring } from './continuity-monitoring';
import { FaultInjection } from './fault-injection';
import { ProtectedStore } from './protected-store';
import { RecoveryVault } from './recovery-vault';
import { RestoreTesting } from './restore-testing';
import { Standby } from './standby';
import type { Skip, StandbyDns } from './standby';
import type { StandbyNetwork } from './standby-compute';
import type { DeletionProtection } from './stateful';
import type { StoreOverrides } from './store-context';
import { TierBackup } from './tier-backup';
import { TYPE_TOKENS } from './type-tokens';

/** Arguments of {@link ContinuityStacks}. */
export interface ContinuityStacksArgs {
  /** The validated spec (embedded in the component's inputs for the policy pack). */
  readonly spec: ContinuitySpec;
  /**
   * The plan to render.
   *
   * @default - `planContinuity(spec)`
   */
  readonly plan?: ContinuityPlan;
  /**
   * Provider for the primary Region.
   *
   * @default - a new provider `${name}-primary` for `spec.regions.primary`
   */
  readonly primaryProvider?: aws.Provider;
  /**
   * Provider for the recovery Region.
   *
   * @default - a new provider `${name}-recovery` for `spec.regions.recovery`
   */
  readonly recoveryProvider?: aws.Provider;
  /**
   * Allow compliance-mode vault locks where the plan asks for them.
   *
   * @default false - a plan with a compliance lock throws
   */
  readonly allowComplianceLock?: boolean;
  /**
   * Subnets per Region for ECS services and auto scaling groups.
   *
   * @default - none; required when a service has `ecs` or `asg` compute
   */
  readonly network?: { readonly primary: StandbyNetwork; readonly recovery: StandbyNetwork };
  /**
   * DNS per service name for the services whose plan has failover routing.
   *
   * @default - none; each such service must have an entry (or `{ skip: true }`)
   */
  readonly dns?: Readonly<Record<string, StandbyDns | Skip>>;
  /**
   * How stores, vaults and their keys survive removal: `protect` sets Pulumi's `protect` and
   * `retainOnDelete`; `retain` only `retainOnDelete` (policy packs cannot see it, so the
   * continuity pack then reports RR-INV3). Per store, `ProtectedStoreArgs.deletionProtection`.
   *
   * @default 'protect'
   */
  readonly deletionProtection?: DeletionProtection;
  /**
   * Argument overrides for the created stores.
   *
   * @default - the defaults listed on {@link StoreOverrides}
   */
  readonly storeOverrides?: StoreOverrides;
  /**
   * Existing stores to adopt (Pulumi `import`) by `<service>/<logicalId>`, e.g.
   * `{ 'orders/OrdersTable': 'orders-prod' }`; see `ProtectedStoreArgs.importId`.
   *
   * @default - every store is created
   */
  readonly imports?: Readonly<Record<string, string>>;
  /**
   * Witness Region for DynamoDB multi-Region strong consistency.
   *
   * @default - none
   */
  readonly witnessRegion?: string;
  /**
   * Monitoring options; `{ skip: true }` leaves out topics, event rules, alarms and dashboards.
   *
   * @default - monitoring with no e-mail subscriptions
   */
  readonly monitoring?: { readonly emails?: readonly string[] } | Skip;
  /**
   * Former names of renamed services (`{ newName: oldName }`): their components get an alias,
   * which carries over to every child named from them, so a rename replaces nothing.
   *
   * @default - no renames
   */
  readonly previousServiceNames?: Readonly<Record<string, string>>;
}

/** What was created for one service. */
export interface ServiceResources {
  readonly plan: ServicePlan;
  readonly stores: readonly ProtectedStore[];
  readonly standby?: Standby;
}

/** What was created for one tier. */
export interface TierResources {
  readonly plan: TierPlan;
  readonly vault: RecoveryVault;
  readonly recoveryVault: RecoveryVault;
  readonly backup: TierBackup;
}

/**
 * The whole continuity set-up of a spec: per used tier a primary and a recovery vault and the
 * tier's backup plans; per service its stores, standby compute and DNS; monitoring.
 *
 * Children: `${name}-primary` / `${name}-recovery` providers (unless given); per tier
 * `${name}-<tier>` and `${name}-<tier>-recovery` (RecoveryVault), `${name}-<tier>-backup`
 * (TierBackup); per service `${name}-<service>-<logicalId or kind+n>` (ProtectedStore) and
 * `${name}-<service>` (Standby, when it has compute or failover); `${name}-monitoring`.
 * Names never contain the tier of a service, so moving a service to another tier updates its
 * stores in place.
 */
export class ContinuityStacks extends pulumi.ComponentResource {
  /** The plan rendered. */
  public readonly plan: ContinuityPlan;
  /** Provider of the primary Region. */
  public readonly primaryProvider: aws.Provider;
  /** Explicit provider of the recovery Region. */
  public readonly recoveryProvider: aws.Provider;
  /** Per used tier, by name. */
  public readonly tiers: Readonly<Record<string, TierResources>>;
  /** Per service, by name. */
  public readonly services: Readonly<Record<string, ServiceResources>>;
  /** Monitoring, unless skipped. */
  public readonly monitoring?: ContinuityMonitoring;
  /** AWS Backup restore testing per used tier, in the primary Region. */
  public readonly restoreTests: Readonly<Record<string, RestoreTesting>>;
  /** AWS FIS experiment templates per service with planned drills. */
  public readonly drills: Readonly<Record<string, FaultInjection>>;

  public constructor(
    name: string,
    args: ContinuityStacksArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    // The spec travels in the component's inputs: the Pulumi counterpart of the CDK template
    // metadata, read by the policy pack. specToJson writes the document form `parseSpec` reads
    // back (the resolved spec, with built-in tiers merged, is not a valid spec document).
    super(
      TYPE_TOKENS.continuityStacks,
      name,
      { [METADATA_SPEC_KEY]: JSON.stringify(specToJson(args.spec)) },
      opts,
    );
    const plan = args.plan ?? planContinuity(args.spec);
    this.plan = plan;
    const regions = plan.regions;
    this.primaryProvider =
      args.primaryProvider ??
      new aws.Provider(`${name}-primary`, { region: regions.primary }, { parent: this });
    this.recoveryProvider =
      args.recoveryProvider ??
      new aws.Provider(`${name}-recovery`, { region: regions.recovery }, { parent: this });
    const primary = this.primaryProvider;
    const recovery = this.recoveryProvider;

    const usedTiers = new Set(plan.services.map((s) => s.tier));
    const tiers: Record<string, TierResources> = {};
    for (const tierPlan of plan.tiers.filter((t) => usedTiers.has(t.tier))) {
      const vaultArgs = {
        vault: tierPlan.vault,
        allowComplianceLock: args.allowComplianceLock ?? false,
        tags: { 'continuity:tier': tierPlan.tier },
        ...(args.deletionProtection ? { deletionProtection: args.deletionProtection } : {}),
      };
      const vault = new RecoveryVault(
        `${name}-${tierPlan.tier}`,
        { ...vaultArgs, region: regions.primary, provider: primary },
        { parent: this },
      );
      const recoveryVault = new RecoveryVault(
        `${name}-${tierPlan.tier}-recovery`,
        { ...vaultArgs, region: regions.recovery, provider: recovery },
        { parent: this },
      );
      const backup = new TierBackup(
        `${name}-${tierPlan.tier}-backup`,
        {
          tier: tierPlan,
          region: regions.primary,
          vaultName: vault.vaultName,
          recoveryVaultArn: recoveryVault.vaultArn,
          provider: primary,
          tags: { 'continuity:tier': tierPlan.tier },
        },
        { parent: this },
      );
      tiers[tierPlan.tier] = { plan: tierPlan, vault, recoveryVault, backup };
    }
    this.tiers = tiers;

    const services: Record<string, ServiceResources> = {};
    for (const servicePlan of plan.services) {
      services[servicePlan.service] = this.service(name, servicePlan, tiers, args);
    }
    this.services = services;

    if (args.monitoring === undefined || !('skip' in args.monitoring)) {
      this.monitoring = new ContinuityMonitoring(
        `${name}-monitoring`,
        {
          regions,
          services: Object.values(services),
          primaryProvider: primary,
          recoveryProvider: recovery,
          emails: args.monitoring?.emails,
        },
        { parent: this },
      );
    }

    const restoreTests: Record<string, RestoreTesting> = {};
    for (const t of Object.values(tiers)) {
      restoreTests[t.plan.tier] = new RestoreTesting(
        `${name}-${t.plan.tier}-restore-testing`,
        {
          plan: t.plan,
          region: regions.primary,
          vaultArns: [t.vault.vaultArn],
          storeKinds: plan.services
            .filter((s) => s.tier === t.plan.tier)
            .flatMap((s) => s.stores.map((st) => st.resource.kind as StoreKind)),
          roleArn: t.backup.roleArn,
          restoreTimeAlarm: this.monitoring
            ? { topicArn: this.monitoring.topics[regions.primary]?.arn }
            : { skip: true },
          provider: primary,
        },
        { parent: this },
      );
    }
    this.restoreTests = restoreTests;
    const drills: Record<string, FaultInjection> = {};
    for (const servicePlan of plan.services.filter((s) => s.faultInjection.length > 0)) {
      const previous = args.previousServiceNames?.[servicePlan.service];
      drills[servicePlan.service] = new FaultInjection(
        `${name}-${servicePlan.service}-drills`,
        {
          plan: servicePlan,
          region: regions.primary,
          // Only this service's alarms can be its stop conditions (FaultInjection matches the
          // service tag); passing all of them made every drill wait on every alarm: O(services²).
          alarms: this.monitoring?.alarmsByService[servicePlan.service],
          provider: primary,
        },
        {
          parent: this,
          ...(previous ? { aliases: [{ name: `${name}-${previous}-drills` }] } : {}),
        },
      );
    }
    this.drills = drills;

    this.registerOutputs({
      vaultArns: Object.fromEntries(
        Object.entries(tiers).map(([tier, t]) => [tier, t.vault.vaultArn]),
      ),
      recoveryVaultArns: Object.fromEntries(
        Object.entries(tiers).map(([tier, t]) => [tier, t.recoveryVault.vaultArn]),
      ),
    });
  }

  private service(
    name: string,
    servicePlan: ServicePlan,
    tiers: Readonly<Record<string, TierResources>>,
    args: ContinuityStacksArgs,
  ): ServiceResources {
    const tier = tiers[servicePlan.tier];
    if (!tier) {
      throw new Error(
        `service '${servicePlan.service}' has tier '${servicePlan.tier}', which the plan does ` +
          `not define (tiers: ${Object.keys(tiers).join(', ')}); plan the spec again`,
      );
    }
    const previous = args.previousServiceNames?.[servicePlan.service];
    const componentOpts = (suffix: string): pulumi.ComponentResourceOptions => ({
      parent: this,
      ...(previous ? { aliases: [{ name: `${name}-${previous}${suffix}` }] } : {}),
    });
    const counters = new Map<string, number>();
    // A loop, not a map callback: Pulumi records the whole call stack of every resource it
    // registers, so two more frames cost once per store child.
    const stores: ProtectedStore[] = [];
    for (const store of servicePlan.stores) {
      const kind = store.resource.kind;
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      const suffix = `-${store.resource.logicalId ?? `${kind}${n}`}`;
      const protectedStore = new ProtectedStore(
        `${name}-${servicePlan.service}${suffix}`,
        {
          store,
          service: servicePlan.service,
          tier: tier.plan,
          regions: servicePlan.regions,
          primaryProvider: this.primaryProvider,
          recoveryProvider: this.recoveryProvider,
          overrides: args.storeOverrides,
          deletionProtection: args.deletionProtection,
          importId: args.imports?.[`${servicePlan.service}/${store.resource.logicalId ?? ''}`],
          witnessRegion: args.witnessRegion,
        },
        componentOpts(suffix),
      );
      stores.push(protectedStore);
    }
    const standby =
      servicePlan.compute.length > 0 || servicePlan.failover
        ? new Standby(
            `${name}-${servicePlan.service}`,
            {
              service: servicePlan.service,
              tier: servicePlan.tier,
              compute: servicePlan.compute,
              failover: servicePlan.failover,
              regions: servicePlan.regions,
              primaryProvider: this.primaryProvider,
              recoveryProvider: this.recoveryProvider,
              network: args.network,
              dns: args.dns?.[servicePlan.service],
            },
            componentOpts(''),
          )
        : undefined;
    return { plan: servicePlan, stores, ...(standby ? { standby } : {}) };
  }
}
