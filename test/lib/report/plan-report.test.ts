import { planToAssessment } from '../../../lib/report/plan-assessment';
import { planToMarkdown } from '../../../lib/report/plan-markdown-report';
import { describeAlarm, planToText } from '../../../lib/report/plan-text-report';
import type { ContinuityPlan, ServicePlan } from '../../../lib/model/plan';
import type { ContinuitySpec } from '../../../lib/model/spec';

const HOUR = 3600;

const spec: Pick<ContinuitySpec, 'tiers' | 'services'> = {
  tiers: {
    gold: {
      name: 'gold',
      objectives: {
        application: { rtoSeconds: 4 * HOUR, rpoSeconds: 900 },
        region: { rtoSeconds: HOUR, rpoSeconds: 900 },
      },
      reviewEveryDays: 180,
      drillEveryDays: 90,
    },
  },
  services: [
    {
      name: 'orders',
      tier: 'gold',
      owner: 't',
      dependsOn: ['payments'],
      resources: [],
      contacts: [],
    },
    { name: 'payments', tier: 'gold', owner: 't', dependsOn: [], resources: [], contacts: [] },
  ],
};

function servicePlan(name: string, overrides: Partial<ServicePlan> = {}): ServicePlan {
  return {
    service: name,
    tier: 'gold',
    strategy: 'warm-standby',
    regions: { primary: 'us-east-1', recovery: 'us-west-2' },
    stores: [
      {
        resource: { kind: 'dynamodb', logicalId: 'OrdersTable' },
        pointInTimeRecovery: true,
        pitrRetentionDays: 35,
        multiAz: true,
        versioning: false,
        replication: 'dynamodb-global-table',
        backedUp: true,
      },
    ],
    compute: [
      {
        resource: { kind: 'ecs', logicalId: 'Api' },
        primaryCapacity: 2,
        availabilityZones: 3,
        recoveryCapacity: 1,
      },
    ],
    failover: {
      routing: 'failover',
      healthCheckIntervalSeconds: 10,
      failureThreshold: 3,
      ttlSeconds: 60,
    },
    alarms: [
      { signal: 'backup-job-failed', threshold: 1 },
      { signal: 'dynamodb-replication-latency', threshold: 450 },
    ],
    faultInjection: [
      { disruption: 'az', action: 'aws:network:disrupt-connectivity', durationMinutes: 30 },
    ],
    predicted: {
      application: {
        rtoSeconds: 5400,
        rpoSeconds: 300,
        basis: 'estimate',
        explanation: ['RPO 5min = point-in-time recovery'],
      },
      region: {
        rtoSeconds: 750,
        rpoSeconds: 1,
        basis: 'documented-typical',
        explanation: ['RPO 1s = global table'],
      },
    },
    findings: [],
    ...overrides,
  };
}

const plan: ContinuityPlan = {
  regions: { primary: 'us-east-1', recovery: 'us-west-2' },
  tiers: [
    {
      tier: 'gold',
      rules: [
        {
          name: 'every-1h-copy',
          scheduleExpression: 'cron(0 * * * ? *)',
          intervalHours: 1,
          startWindowMinutes: 60,
          completionWindowMinutes: 120,
          deleteAfterDays: 35,
          enableContinuousBackup: false,
          copyToRecoveryRegion: { deleteAfterDays: 35 },
          storeKinds: ['dynamodb', 's3'],
        },
      ],
      vault: {
        lockMode: 'compliance',
        minRetentionDays: 7,
        maxRetentionDays: 35,
        changeableForDays: 3,
        denyDeleteRecoveryPoints: true,
      },
      restoreTestEveryDays: 90,
    },
  ],
  services: [
    servicePlan('orders'),
    servicePlan('payments', {
      predicted: {
        application: {
          rtoSeconds: 5 * HOUR,
          rpoSeconds: 300,
          basis: 'estimate',
          explanation: ['RTO 5h = restore 900 GiB'],
        },
        region: { rtoSeconds: 750, rpoSeconds: 1, basis: 'estimate', explanation: [] },
      },
      findings: [
        {
          rule: 'RR-PLAN1',
          severity: 'error',
          status: 'non-compliant',
          service: 'payments',
          disruption: 'application',
          message: "service 'payments' cannot meet its application RTO 4h: best plan predicts 5h",
          fix: 'shrink the store or choose a looser tier',
        },
      ],
    }),
  ],
};

describe('plan reports', () => {
  test('planToAssessment judges predictions against the tier objectives', () => {
    // GIVEN
    const input = plan;
    // WHEN
    const assessment = planToAssessment(input, spec);
    // THEN
    expect(assessment.met).toBe(false);
    expect(assessment.services.map((s) => [s.name, s.met])).toEqual([
      ['orders', true],
      ['payments', false],
    ]);
    expect(assessment.services[0].objectives).toBe(spec.tiers.gold.objectives);
  });

  test('planToText lists tier rules, vault, stores, compute, failover, alarms, drills and predictions', () => {
    // GIVEN
    const input = plan;
    // WHEN
    const text = planToText(input, spec);
    // THEN
    expect(text).toContain(
      'every-1h-copy cron(0 * * * ? *): every 1h, start window 1h, completion window 2h, keep 35d, ' +
        'copy to recovery region (keep 35d), selects dynamodb, s3',
    );
    expect(text).toContain(
      'vault: compliance lock min 7d max 35d cooling-off 3d, denies backup:DeleteRecoveryPoint',
    );
    expect(text).toContain('service orders (gold): warm-standby, us-east-1 -> us-west-2');
    expect(text).toContain(
      'dynamodb OrdersTable: point-in-time recovery 35d, multi-AZ, replication dynamodb-global-table, backed up by the tier plan',
    );
    expect(text).toContain('ecs Api: 2 over 3 AZs, 1 running in the recovery region');
    expect(text).toContain(
      'failover: failover routing, health check every 10s, 3 failures, TTL 60s',
    );
    expect(text).toContain(
      'alarms: backup-job-failed (>= 1), dynamodb-replication-latency (> 7min30s)',
    );
    expect(text).toContain('drills: az aws:network:disrupt-connectivity 30min');
    expect(text).toMatch(/RTO declared \/ predicted/);
    expect(text).toMatch(/payments\s+gold\s+application\s+4h \/ 5h ✗/);
    expect(text).toContain('RTO 5h = restore 900 GiB');
    expect(text).toContain('error RR-PLAN1');
  });

  test('planToMarkdown has tier and service sections and the predicted diagram', () => {
    // GIVEN
    const input = plan;
    // WHEN
    const md = planToMarkdown(input, spec);
    // THEN
    expect(md).toMatch(/^## Continuity plan: us-east-1 → us-west-2/);
    expect(md).toContain('### Tier gold');
    expect(md).toContain('### Service orders (gold): warm-standby');
    expect(md).toContain('## ❌ Predicted: 1 of 2 services miss their objectives');
    expect(md).toContain(
      '| Disruption | RTO declared | RTO predicted | RPO declared | RPO predicted | Status |',
    );
    expect(md).toContain('s0 -->|depends on| s1');
    expect(md).toContain('class s1 unmet');
  });
});

describe('describeAlarm', () => {
  it.each([
    [
      'lag alarms fire above a duration',
      { signal: 'rds-replica-lag', threshold: 90 },
      'rds-replica-lag (> 1min30s)',
    ],
    [
      'failure counts fire at or above',
      { signal: 'lambda-errors', threshold: 1 },
      'lambda-errors (>= 1)',
    ],
    [
      'in-service instances fire below the fewest allowed',
      { signal: 'asg-in-service-instances', threshold: 2 },
      'asg-in-service-instances (< 2)',
    ],
    [
      'health checks fire below healthy',
      { signal: 'health-check-status', threshold: 1 },
      'health-check-status (< 1)',
    ],
  ] as const)('%s', (_case, alarm, expected) => {
    // GIVEN / WHEN
    const text = describeAlarm(alarm);
    // THEN
    expect(text).toBe(expected);
  });
});
