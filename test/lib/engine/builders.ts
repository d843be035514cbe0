import type {
  Alarm,
  BackupPlan,
  BackupRule,
  BackupSelection,
  Compute,
  ContinuitySpec,
  DnsRecord,
  EventRule,
  HealthCheck,
  Inventory,
  InventoryResource,
  RecoveryTier,
  ServiceSpec,
  Store,
  Vault,
} from '../../../lib/model';

export const PRIMARY = 'us-east-1';
export const RECOVERY = 'us-west-2';
export const TODAY = new Date('2026-11-21T12:00:00Z');
const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;

type Mutable<T> = { -readonly [K in keyof T]?: T[K] };

/** A tier with the given objectives (defaults: application 1d/1d only). */
export function tier(name: string, overrides: Mutable<RecoveryTier> = {}): RecoveryTier {
  return {
    name,
    objectives: { application: { rtoSeconds: DAY, rpoSeconds: DAY } },
    immutable: false,
    retentionDays: 7,
    reviewEveryDays: 365,
    drillEveryDays: 365,
    ...overrides,
  };
}

/** Test tiers: `relaxed` (application 1d/1d), `strict` (application 4h/15min + region 4h/1h), `vaulted` (account 1d/1d). */
export const TIERS: Readonly<Record<string, RecoveryTier>> = {
  relaxed: tier('relaxed'),
  strict: tier('strict', {
    objectives: {
      application: { rtoSeconds: 4 * HOUR, rpoSeconds: 15 * MIN },
      region: { rtoSeconds: 4 * HOUR, rpoSeconds: 1 * HOUR },
    },
    retentionDays: 35,
  }),
  // No `immutable`: an account objective implies it.
  vaulted: tier('vaulted', {
    objectives: { account: { rtoSeconds: 2 * DAY, rpoSeconds: 2 * DAY } },
    immutable: undefined,
  }),
};

/** A service named `name` at `tierName` made of the given logical IDs (all DynamoDB by default). */
export function service(name: string, overrides: Mutable<ServiceSpec> = {}): ServiceSpec {
  return {
    name,
    tier: 'relaxed',
    owner: 'team',
    dependsOn: [],
    resources: [],
    contacts: [],
    reviewedOn: '2026-11-01',
    lastDrill: '2026-11-01',
    ...overrides,
  };
}

/** A spec over {@link TIERS} with the given services. */
export function spec(
  services: readonly ServiceSpec[],
  overrides: Mutable<ContinuitySpec> = {},
): ContinuitySpec {
  return {
    regions: { primary: PRIMARY, recovery: RECOVERY },
    tiers: TIERS,
    services,
    suppressions: [],
    ...overrides,
  };
}

function entry(logicalId: string, stack: string, region: string) {
  return {
    id: `${stack}/${logicalId}`,
    location: { stack, logicalId },
    region,
    tags: {},
  };
}

/** A DynamoDB table with PITR on, in the primary Region. */
export function table(logicalId: string, overrides: Mutable<Store> = {}, stack = 'App'): Store {
  return {
    ...entry(logicalId, stack, PRIMARY),
    kind: 'dynamodb',
    type: 'AWS::DynamoDB::Table',
    pointInTimeRecovery: true,
    pitrRetentionDays: 35,
    multiAz: true,
    replicas: [],
    ...overrides,
  } as Store;
}

/** An S3 bucket with versioning on. */
export function bucket(logicalId: string, overrides: Mutable<Store> = {}, stack = 'App'): Store {
  return table(
    logicalId,
    {
      kind: 's3',
      type: 'AWS::S3::Bucket',
      pointInTimeRecovery: false,
      pitrRetentionDays: undefined,
      versioning: true,
      ...overrides,
    },
    stack,
  );
}

/** An ECS service with two tasks over two AZs. */
export function ecs(logicalId: string, overrides: Mutable<Compute> = {}, stack = 'App'): Compute {
  return {
    ...entry(logicalId, stack, PRIMARY),
    kind: 'ecs',
    type: 'AWS::ECS::Service',
    desiredCapacity: 2,
    availabilityZones: 2,
    ...overrides,
  } as Compute;
}

/** A backup rule: hourly, 60 min start window, 2 h completion, kept 35 days. */
export function backupRule(overrides: Mutable<BackupRule> = {}): BackupRule {
  return {
    name: 'hourly',
    scheduleExpression: 'cron(0 * * * ? *)',
    startWindowMinutes: 60,
    completionWindowMinutes: 120,
    deleteAfterDays: 35,
    moveToColdStorageAfterDays: undefined,
    enableContinuousBackup: false,
    targetVault: 'App/Vault',
    copyActions: [],
    ...overrides,
  } as BackupRule;
}

/** A backup plan with the given rules. */
export function plan(logicalId: string, rules: readonly BackupRule[], stack = 'App'): BackupPlan {
  return { ...entry(logicalId, stack, PRIMARY), rules };
}

/** A selection of `planId` with nothing selected yet. */
export function selection(
  logicalId: string,
  planId: string,
  overrides: Mutable<BackupSelection> = {},
  stack = 'App',
): BackupSelection {
  return {
    ...entry(logicalId, stack, PRIMARY),
    plan: planId,
    resources: [],
    notResources: [],
    listOfTags: [],
    conditions: [],
    iamRole: 'arn:aws:iam::111111111111:role/backup',
    ...overrides,
  } as BackupSelection;
}

/** A vault with a customer-managed key and no lock. */
export function vault(logicalId: string, overrides: Mutable<Vault> = {}, stack = 'App'): Vault {
  return {
    ...entry(logicalId, stack, PRIMARY),
    name: logicalId.toLowerCase(),
    encryptionKey: `${stack}/Key`,
    customerManagedKey: true,
    deniesRecoveryPointDeletion: false,
    ...overrides,
  } as Vault;
}

/** A CloudWatch alarm with actions. */
export function alarm(logicalId: string, overrides: Mutable<Alarm> = {}, stack = 'App'): Alarm {
  return {
    ...entry(logicalId, stack, PRIMARY),
    namespace: 'AWS/Backup',
    metricName: 'NumberOfBackupJobsFailed',
    dimensions: {},
    threshold: 0,
    comparisonOperator: 'GreaterThanThreshold',
    hasActions: true,
    ...overrides,
  } as Alarm;
}

/** An EventBridge rule with targets. */
export function eventRule(
  logicalId: string,
  pattern: Record<string, unknown> | undefined,
  overrides: Mutable<EventRule> = {},
  stack = 'App',
): EventRule {
  return {
    ...entry(logicalId, stack, PRIMARY),
    eventPattern: pattern,
    hasTargets: true,
    ...overrides,
  } as EventRule;
}

/** A Route 53 health check. */
export function healthCheck(logicalId: string, stack = 'App'): HealthCheck {
  return { ...entry(logicalId, stack, PRIMARY), requestIntervalSeconds: 10, failureThreshold: 3 };
}

/** A failover record pointing at `targets`. */
export function failoverRecord(
  logicalId: string,
  targets: readonly string[],
  healthCheckId: string,
  stack = 'App',
): DnsRecord {
  return {
    ...entry(logicalId, stack, PRIMARY),
    name: 'app.example.com',
    routing: 'failover',
    failover: 'PRIMARY',
    healthCheck: healthCheckId,
    ttlSeconds: 60,
    targets,
  };
}

/**
 * An inventory of the given parts; every store gets a raw resource with `Retain` policies unless
 * `resources` lists it.
 */
export function inventory(parts: Mutable<Inventory> = {}): Inventory {
  const stores = parts.stores ?? [];
  const given = new Set((parts.resources ?? []).map((r) => r.id));
  const raw: InventoryResource[] = stores
    .filter((s) => !given.has(s.id))
    .map((s) => ({
      id: s.id,
      location: s.location,
      region: s.region,
      tags: s.tags,
      type: s.type,
      deletionPolicy: 'Retain',
      updateReplacePolicy: 'Retain',
      properties: {},
    }));
  return {
    resources: [...(parts.resources ?? []), ...raw],
    stores,
    computes: parts.computes ?? [],
    backupPlans: parts.backupPlans ?? [],
    backupSelections: parts.backupSelections ?? [],
    vaults: parts.vaults ?? [],
    healthChecks: parts.healthChecks ?? [],
    dnsRecords: parts.dnsRecords ?? [],
    alarms: parts.alarms ?? [],
    eventRules: parts.eventRules ?? [],
    restoreTestingPlans: parts.restoreTestingPlans ?? [],
    experimentTemplates: parts.experimentTemplates ?? [],
    embeddedSpecs: parts.embeddedSpecs ?? [],
  };
}

/** A raw resource entry (for deletion policies and physical names). */
export function rawResource(
  logicalId: string,
  type: string,
  overrides: Mutable<InventoryResource> = {},
  stack = 'App',
): InventoryResource {
  return {
    ...entry(logicalId, stack, PRIMARY),
    type,
    properties: {},
    ...overrides,
  } as InventoryResource;
}
