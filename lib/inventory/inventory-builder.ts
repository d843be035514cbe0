import type {
  Alarm,
  BackupPlan,
  BackupSelection,
  Compute,
  DnsRecord,
  EventRule,
  ExperimentTemplate,
  HealthCheck,
  Inventory,
  InventoryResource,
  ResourceAcknowledgement,
  ResourceId,
  RestoreTestingPlan,
  SpecReference,
  Store,
  StoreReplica,
  Vault,
} from '../model/inventory';

/** A store under construction: linkers can still add replicas and settle `multiAz`/`replicaOf`. */
export type MutableStore = { -readonly [K in keyof Store]: Store[K] } & {
  replicas: StoreReplica[];
};

/** Collects inventory entries while templates are read. */
export class InventoryBuilder {
  public readonly resources: InventoryResource[] = [];
  public readonly stores: MutableStore[] = [];
  public readonly computes: Compute[] = [];
  public readonly backupPlans: BackupPlan[] = [];
  public readonly backupSelections: BackupSelection[] = [];
  public readonly vaults: Vault[] = [];
  public readonly healthChecks: HealthCheck[] = [];
  public readonly dnsRecords: DnsRecord[] = [];
  public readonly alarms: Alarm[] = [];
  public readonly eventRules: EventRule[] = [];
  public readonly restoreTestingPlans: RestoreTestingPlan[] = [];
  public readonly experimentTemplates: ExperimentTemplate[] = [];
  public readonly embeddedSpecs: { readonly stack: string; readonly spec: unknown }[] = [];
  public readonly specReferences: SpecReference[] = [];
  public readonly acknowledgements: ResourceAcknowledgement[] = [];
  private readonly storeById = new Map<ResourceId, MutableStore>();

  /** Adds a store. */
  public addStore(store: MutableStore): void {
    this.stores.push(store);
    this.storeById.set(store.id, store);
  }

  /** The store with `id`, if read. */
  public store(id: ResourceId): MutableStore | undefined {
    return this.storeById.get(id);
  }

  /** Adds a resource. */
  public addResource(resource: InventoryResource): void {
    this.resources.push(resource);
  }

  /** Appends everything `part` holds, in its order, after what this builder holds. */
  public absorb(part: InventoryBuilder): void {
    // `build` hands out the builder's own lists, so these are the lists to append to
    const into = this.build() as unknown as Record<string, unknown[]>;
    const from = part.build() as unknown as Record<string, readonly unknown[]>;
    for (const key in from) {
      const list = from[key];
      for (let i = 0; i < list.length; i += 1) {
        into[key].push(list[i]);
      }
    }
    for (const [id, store] of part.storeById) {
      this.storeById.set(id, store);
    }
  }

  /** The finished inventory, made of this builder's own lists (no copies). */
  public build(): Inventory {
    return {
      resources: this.resources,
      stores: this.stores,
      computes: this.computes,
      backupPlans: this.backupPlans,
      backupSelections: this.backupSelections,
      vaults: this.vaults,
      healthChecks: this.healthChecks,
      dnsRecords: this.dnsRecords,
      alarms: this.alarms,
      eventRules: this.eventRules,
      restoreTestingPlans: this.restoreTestingPlans,
      experimentTemplates: this.experimentTemplates,
      embeddedSpecs: this.embeddedSpecs,
      specReferences: this.specReferences,
      acknowledgements: this.acknowledgements,
    };
  }
}
