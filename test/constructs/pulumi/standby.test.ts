import * as aws from '@pulumi/aws';

import { DEFAULT_IMAGE_ID, Standby } from '../../../constructs/pulumi';
import type { StandbyArgs } from '../../../constructs/pulumi';
import { computePlan, REGIONS } from './fixtures';
import { findRegistration, ofType, runUnderMocks } from './mock-harness';
import type { Registration } from './mock-harness';

const NETWORK = {
  primary: { subnetIds: ['subnet-p1', 'subnet-p2'] },
  recovery: { subnetIds: ['subnet-r1', 'subnet-r2'] },
};
const DNS = {
  zoneId: 'Z123',
  recordName: 'orders.shop.example.com',
  primaryEndpoint: 'orders-use1.shop.example.com',
  recoveryEndpoint: 'orders-usw2.shop.example.com',
};

function standbyProgram(name: string, overrides: Partial<StandbyArgs>) {
  return () => {
    const primary = new aws.Provider('primary', { region: REGIONS.primary });
    const recovery = new aws.Provider('recovery', { region: REGIONS.recovery });
    return new Standby(name, {
      service: 'orders',
      tier: 'gold',
      compute: [],
      regions: REGIONS,
      primaryProvider: primary,
      recoveryProvider: recovery,
      network: NETWORK,
      ...overrides,
    });
  };
}

describe('Standby per strategy', () => {
  let regs: readonly Registration[];
  beforeAll(async () => {
    const run = await runUnderMocks(
      standbyProgram('orders', {
        compute: [
          computePlan('ecs', 'Warm', 4, 1), // warm standby: scaled down
          computePlan('asg', 'Pilot', 3, 0), // pilot light: defined, zero capacity
          computePlan('ecs', 'Full', 2, 2), // active/active: full capacity
          computePlan('lambda', 'Api', 1), // backup and restore: redeploy from code
        ],
        failover: {
          routing: 'failover',
          healthCheckIntervalSeconds: 10,
          failureThreshold: 2,
          ttlSeconds: 60,
        },
        dns: DNS,
      }),
    );
    regs = run.registrations;
  });

  test('warm standby runs scaled-down capacity in the recovery Region', () => {
    // GIVEN ecs 4 → 1  WHEN rendered
    const primary = findRegistration(regs, 'aws:ecs/service:Service', 'orders-Warm-service');
    const recovery = findRegistration(
      regs,
      'aws:ecs/service:Service',
      'orders-Warm-recovery-service',
    );
    // THEN
    expect(primary.inputs).toMatchObject({
      region: 'us-east-1',
      desiredCount: 4,
      launchType: 'FARGATE',
    });
    expect(recovery.inputs).toMatchObject({
      region: 'us-west-2',
      desiredCount: 1,
      networkConfiguration: { subnets: ['subnet-r1', 'subnet-r2'] },
    });
    expect(recovery.providerRegion).toBe('us-west-2');
    expect(recovery.inputs.cluster).toMatch(/orders-recovery-cluster/);
  });

  test('pilot light defines the group in the recovery Region at zero capacity', () => {
    // GIVEN asg 3 → 0  WHEN rendered
    const group = findRegistration(
      regs,
      'aws:autoscaling/group:Group',
      'orders-Pilot-recovery-group',
    );
    // THEN
    expect(group.inputs).toMatchObject({
      region: 'us-west-2',
      minSize: 0,
      desiredCapacity: 0,
      maxSize: 3,
      vpcZoneIdentifiers: ['subnet-r1', 'subnet-r2'],
    });
    expect(
      findRegistration(
        regs,
        'aws:ec2/launchTemplate:LaunchTemplate',
        'orders-Pilot-recovery-template',
      ).inputs.imageId,
    ).toBe(DEFAULT_IMAGE_ID);
  });

  test('active/active runs full capacity in both Regions', () => {
    // GIVEN / WHEN
    const services = ['orders-Full-service', 'orders-Full-recovery-service'].map(
      (n) => findRegistration(regs, 'aws:ecs/service:Service', n).inputs.desiredCount,
    );
    // THEN
    expect(services).toEqual([2, 2]);
  });

  test('compute without recovery capacity is not defined in the recovery Region', () => {
    // GIVEN / WHEN
    const functions = ofType(regs, 'aws:lambda/function:Function').map((r) => r.name);
    // THEN
    expect(functions).toEqual(['orders-Api-function']);
  });

  test('health checks use the planned interval and threshold', () => {
    // GIVEN / WHEN
    const checks = ofType(regs, 'aws:route53/healthCheck:HealthCheck');
    // THEN
    expect(checks.map((c) => c.name).sort()).toEqual([
      'orders-primary-health',
      'orders-recovery-health',
    ]);
    for (const check of checks) {
      expect(check.inputs).toMatchObject({
        type: 'HTTPS',
        port: 443,
        resourcePath: '/health',
        requestInterval: 10,
        failureThreshold: 2,
      });
    }
  });

  test('failover records are PRIMARY and SECONDARY with the planned TTL and health checks', () => {
    // GIVEN / WHEN
    const primary = findRegistration(regs, 'aws:route53/record:Record', 'orders-primary-record');
    const secondary = findRegistration(regs, 'aws:route53/record:Record', 'orders-recovery-record');
    // THEN
    expect(primary.inputs).toMatchObject({
      zoneId: 'Z123',
      name: 'orders.shop.example.com',
      type: 'CNAME',
      ttl: 60,
      records: ['orders-use1.shop.example.com'],
      failoverRoutingPolicies: [{ type: 'PRIMARY' }],
      healthCheckId: 'orders-primary-health-id',
    });
    expect(secondary.inputs).toMatchObject({
      failoverRoutingPolicies: [{ type: 'SECONDARY' }],
      healthCheckId: 'orders-recovery-health-id',
    });
  });
});

describe('Standby routing and misuse', () => {
  test('latency routing gives each record its Region', async () => {
    // GIVEN
    const failover = {
      routing: 'latency',
      healthCheckIntervalSeconds: 30,
      failureThreshold: 3,
      ttlSeconds: 60,
    } as const;
    // WHEN
    const { registrations } = await runUnderMocks(standbyProgram('pay', { failover, dns: DNS }));
    // THEN
    const records = ofType(registrations, 'aws:route53/record:Record');
    expect(records.map((r) => r.inputs.latencyRoutingPolicies).sort()).toEqual([
      [{ region: 'us-east-1' }],
      [{ region: 'us-west-2' }],
    ]);
  });

  test('dns skip leaves health checks and records out', async () => {
    // GIVEN
    const failover = {
      routing: 'failover',
      healthCheckIntervalSeconds: 30,
      failureThreshold: 3,
      ttlSeconds: 60,
    } as const;
    // WHEN
    const { registrations } = await runUnderMocks(
      standbyProgram('pay', { failover, dns: { skip: true } }),
    );
    // THEN
    expect(ofType(registrations, 'aws:route53/record:Record')).toHaveLength(0);
    expect(ofType(registrations, 'aws:route53/healthCheck:HealthCheck')).toHaveLength(0);
  });

  test('throws when failover is planned and dns is not given', async () => {
    // GIVEN
    const failover = {
      routing: 'failover',
      healthCheckIntervalSeconds: 30,
      failureThreshold: 3,
      ttlSeconds: 60,
    } as const;
    // WHEN / THEN
    await expect(runUnderMocks(standbyProgram('pay', { failover }))).rejects.toThrow(
      /plans failover routing, but dns is undefined.*dns: \{ skip: true \}/,
    );
  });

  test('throws when ECS compute has no network', async () => {
    // GIVEN
    const compute = [computePlan('ecs', 'Api', 2, 1)];
    // WHEN / THEN
    await expect(
      runUnderMocks(standbyProgram('pay', { compute, network: undefined })),
    ).rejects.toThrow(/ecs compute 'pay-Api' in us-east-1 needs subnets/);
  });
});
