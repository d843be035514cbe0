import type {
  Achievement,
  Assessment,
  ComputePlan,
  ContinuityPlan,
  ContinuitySpec,
  RecoveryTier,
  ResourceKind,
  ServicePlan,
  ServiceSpec,
  StorePlan,
  TierPlan,
} from '../../../lib/model';

const MIN = 60;
const HOUR = 3_600;
const DAY = 86_400;

/** Hand-built tiers, one per strategy. */
export const TIERS: Record<string, RecoveryTier> = {
  platinum: {
    name: 'platinum',
    strategy: 'active-active',
    objectives: {
      application: { rtoSeconds: HOUR, rpoSeconds: 5 * MIN },
      az: { rtoSeconds: 5 * MIN, rpoSeconds: 0 },
      region: { rtoSeconds: 15 * MIN, rpoSeconds: MIN },
      account: { rtoSeconds: 8 * HOUR, rpoSeconds: 4 * HOUR },
    },
    immutable: true,
    reviewEveryDays: 90,
    drillEveryDays: 30,
  },
  gold: {
    name: 'gold',
    strategy: 'warm-standby',
    description: 'warm standby',
    objectives: {
      application: { rtoSeconds: 4 * HOUR, rpoSeconds: 15 * MIN },
      az: { rtoSeconds: 15 * MIN, rpoSeconds: 0 },
      region: { rtoSeconds: HOUR, rpoSeconds: 15 * MIN },
    },
    reviewEveryDays: 180,
    drillEveryDays: 90,
  },
  silver: {
    name: 'silver',
    strategy: 'pilot-light',
    objectives: {
      application: { rtoSeconds: 8 * HOUR, rpoSeconds: HOUR },
      region: { rtoSeconds: 4 * HOUR, rpoSeconds: HOUR },
    },
    reviewEveryDays: 180,
    drillEveryDays: 180,
  },
  bronze: {
    name: 'bronze',
    strategy: 'backup-restore',
    objectives: {
      application: { rtoSeconds: DAY, rpoSeconds: DAY },
      az: { rtoSeconds: DAY, rpoSeconds: DAY },
      region: { rtoSeconds: DAY, rpoSeconds: DAY },
    },
    reviewEveryDays: 365,
    drillEveryDays: 365,
  },
};

function service(
  name: string,
  tier: string,
  dependsOn: string[],
  kinds: [ResourceKind, string][],
  extra: Partial<ServiceSpec> = {},
): ServiceSpec {
  return {
    name,
    tier,
    owner: `team-${name}`,
    dependsOn,
    contacts: [`${name}-oncall@example.com`],
    resources: kinds.map(([kind, logicalId]) => ({ kind, logicalId, sizeGiB: 10 })),
    ...extra,
  };
}

export const SPEC: ContinuitySpec = {
  regions: { primary: 'us-east-1', recovery: 'us-west-2' },
  tiers: TIERS,
  services: [
    service(
      'payments',
      'platinum',
      [],
      [
        ['aurora', 'PaymentsCluster'],
        ['dynamodb', 'LedgerTable'],
        ['ecs', 'PaymentsService'],
      ],
      {
        reviewedOn: '2026-10-02',
        lastDrill: '2026-11-04',
      },
    ),
    service(
      'orders',
      'gold',
      ['payments'],
      [
        ['dynamodb', 'OrdersTable'],
        ['s3', 'InvoicesBucket'],
        ['ecs', 'OrdersService'],
      ],
      {
        reviewedOn: '2026-08-18',
        lastDrill: '2026-06-30',
      },
    ),
    service(
      'search',
      'silver',
      [],
      [
        ['efs', 'IndexFileSystem'],
        ['asg', 'SearchFleet'],
      ],
    ),
    service(
      'catalog',
      'silver',
      ['search'],
      [
        ['rds', 'CatalogDatabase'],
        ['s3', 'ImagesBucket'],
        ['lambda', 'CatalogApi'],
      ],
    ),
    service(
      'reporting',
      'bronze',
      ['orders', 'catalog'],
      [
        ['ebs', 'ReportingVolume'],
        ['rds', 'ReportingDb'],
        ['asg', 'ReportingWorkers'],
      ],
      {
        reviewedOn: '2025-02-14',
        lastDrill: '2025-12-03',
      },
    ),
  ],
  suppressions: [],
};

function store(
  kind: ResourceKind,
  logicalId: string,
  settings: Partial<StorePlan> = {},
): StorePlan {
  return {
    resource: { kind, logicalId, sizeGiB: 10 },
    pointInTimeRecovery: false,
    multiAz: true,
    versioning: false,
    backedUp: true,
    ...settings,
  };
}

function compute(
  kind: ResourceKind,
  logicalId: string,
  primaryCapacity: number,
  recoveryCapacity?: number,
): ComputePlan {
  return { resource: { kind, logicalId }, primaryCapacity, availabilityZones: 3, recoveryCapacity };
}

function achieved(rtoSeconds: number | null, rpoSeconds: number | null, why: string): Achievement {
  return { rtoSeconds, rpoSeconds, basis: 'estimate', explanation: [why] };
}

function servicePlan(
  name: string,
  tier: string,
  stores: StorePlan[],
  computes: ComputePlan[],
  extra: Partial<ServicePlan> = {},
): ServicePlan {
  const objectives = TIERS[tier].objectives;
  const predicted = Object.fromEntries(
    Object.entries(objectives).map(([d, o]) => [
      d,
      achieved(o.rtoSeconds, o.rpoSeconds, `${d} meets ${tier}`),
    ]),
  );
  return {
    service: name,
    tier,
    strategy: TIERS[tier].strategy ?? 'backup-restore',
    regions: SPEC.regions,
    stores,
    compute: computes,
    alarms: [{ signal: 'backup-job-failed', threshold: 1 }],
    faultInjection: [],
    predicted,
    findings: [],
    ...extra,
  };
}

function tierPlan(tier: string, copy: boolean, lock: 'none' | 'governance'): TierPlan {
  return {
    tier,
    rules: [
      {
        name: 'hourly',
        scheduleExpression: 'cron(0 * * * ? *)',
        intervalHours: 1,
        startWindowMinutes: 60,
        completionWindowMinutes: 120,
        deleteAfterDays: 14,
        enableContinuousBackup: false,
        copyToRecoveryRegion: copy ? { deleteAfterDays: 14 } : undefined,
        storeKinds: ['dynamodb', 's3', 'rds', 'aurora', 'efs', 'ebs'],
      },
    ],
    vault: { lockMode: lock, denyDeleteRecoveryPoints: lock !== 'none' },
    restoreTestEveryDays: 30,
  };
}

export const PLAN: ContinuityPlan = {
  regions: SPEC.regions,
  tiers: [
    tierPlan('platinum', true, 'governance'),
    tierPlan('gold', true, 'none'),
    tierPlan('silver', false, 'none'),
    tierPlan('bronze', true, 'none'),
  ],
  services: [
    servicePlan(
      'payments',
      'platinum',
      [
        store('aurora', 'PaymentsCluster', {
          pointInTimeRecovery: true,
          replication: 'aurora-global-database',
        }),
        store('dynamodb', 'LedgerTable', {
          pointInTimeRecovery: true,
          replication: 'dynamodb-global-table',
        }),
      ],
      [compute('ecs', 'PaymentsService', 4, 4)],
      {
        failover: {
          routing: 'latency',
          healthCheckIntervalSeconds: 10,
          failureThreshold: 3,
          ttlSeconds: 60,
        },
        faultInjection: [
          { disruption: 'az', action: 'aws:network:disrupt-connectivity', durationMinutes: 30 },
        ],
      },
    ),
    servicePlan(
      'orders',
      'gold',
      [
        store('dynamodb', 'OrdersTable', {
          pointInTimeRecovery: true,
          replication: 'dynamodb-global-table',
        }),
        store('s3', 'InvoicesBucket', { versioning: true, replication: 's3-crr-rtc' }),
      ],
      [compute('ecs', 'OrdersService', 3, 1)],
      {
        failover: {
          routing: 'failover',
          healthCheckIntervalSeconds: 30,
          failureThreshold: 3,
          ttlSeconds: 60,
        },
      },
    ),
    servicePlan(
      'search',
      'silver',
      [store('efs', 'IndexFileSystem', { replication: 'efs-replication' })],
      [compute('asg', 'SearchFleet', 2, 0)],
    ),
    servicePlan(
      'catalog',
      'silver',
      [
        store('rds', 'CatalogDatabase', {
          pointInTimeRecovery: true,
          replication: 'rds-read-replica',
        }),
        store('s3', 'ImagesBucket', { versioning: true, replication: 's3-crr' }),
      ],
      [compute('lambda', 'CatalogApi', 1, 0)],
    ),
    servicePlan(
      'reporting',
      'bronze',
      [
        store('ebs', 'ReportingVolume', { multiAz: false }),
        store('rds', 'ReportingDb', { pointInTimeRecovery: true, multiAz: false }),
      ],
      [compute('asg', 'ReportingWorkers', 2)],
    ),
  ],
};

/** An assessment where orders misses its region RPO and reporting cannot recover a region. */
export const ASSESSMENT: Assessment = {
  met: false,
  findings: [],
  services: SPEC.services.map((s) => {
    const objectives = TIERS[s.tier].objectives;
    const achievedByDisruption = Object.fromEntries(
      Object.entries(objectives).map(([d, o]) => {
        if (s.name === 'orders' && d === 'region') {
          return [d, achieved(o.rtoSeconds, 2 * HOUR, 'region RPO 2h = copy every 2h')];
        }
        if (s.name === 'reporting' && d === 'region') {
          return [d, achieved(null, null, 'no copy outside us-east-1')];
        }
        return [d, achieved(o.rtoSeconds / 2, o.rpoSeconds / 2, `${d} halves ${s.tier}`)];
      }),
    );
    const met = s.name !== 'orders' && s.name !== 'reporting';
    return {
      name: s.name,
      tier: s.tier,
      met,
      objectives,
      achieved: achievedByDisruption,
      findings: met
        ? []
        : [
            {
              rule: 'RR-OBJ1',
              severity: 'error' as const,
              status: 'non-compliant' as const,
              service: s.name,
              disruption: 'region' as const,
              message: `${s.name} misses its region objective <by design>`,
              fix: 'add a cross-Region copy',
            },
          ],
    };
  }),
};
