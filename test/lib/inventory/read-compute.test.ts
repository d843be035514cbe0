import { readInventory } from '../../../lib/inventory';
import { isUnresolved } from '../../../lib/model/unresolved';
import { byLogicalId, fixture } from './fixtures';

describe('ECS services, Auto Scaling groups and Lambda functions', () => {
  const good = readInventory([fixture('compute-compliant.yaml')], { region: 'us-east-1' });
  const bad = readInventory([fixture('compute-deficient.json')], { region: 'us-east-1' });

  test.each([
    [
      'an ECS service counts its tasks and subnets',
      'Api',
      { kind: 'ecs', desiredCapacity: 4, availabilityZones: 3 },
    ],
    [
      'an ASG takes DesiredCapacity and VPCZoneIdentifier from Fn::Split',
      'Workers',
      { kind: 'asg', desiredCapacity: 3, availabilityZones: 3 },
    ],
    [
      'a Lambda function outside a VPC runs in several AZs',
      'Handler',
      { kind: 'lambda', desiredCapacity: 1, availabilityZones: 2 },
    ],
  ])('%s', (_case, logicalId, expected) => {
    // GIVEN
    // WHEN
    const compute = byLogicalId(good.computes, logicalId);
    // THEN
    expect(compute).toMatchObject(expected);
  });

  test('reads ASG tags with PropagateAtLaunch', () => {
    // GIVEN
    // WHEN
    const asg = byLogicalId(good.computes, 'Workers');
    // THEN
    expect(asg.tags).toEqual({ 'continuity:service': 'workers' });
  });

  test.each([
    [
      'an ECS service without DesiredCount runs one task',
      'Single',
      { desiredCapacity: 1, availabilityZones: 1 },
    ],
    ['an ASG without DesiredCapacity runs MinSize', 'Fleet', { desiredCapacity: 1 }],
    ['a Lambda function in one subnet is in one AZ', 'InVpc', { availabilityZones: 1 }],
  ])('%s', (_case, logicalId, expected) => {
    // GIVEN
    // WHEN
    const compute = byLogicalId(bad.computes, logicalId);
    // THEN
    expect(compute).toMatchObject(expected);
  });

  test('reports Fn::GetAZs and daemon services as unresolved', () => {
    // GIVEN
    // WHEN
    const fleet = byLogicalId(bad.computes, 'Fleet');
    const daemon = byLogicalId(bad.computes, 'Daemon');
    // THEN
    expect(isUnresolved(fleet.availabilityZones)).toBe(true);
    expect(isUnresolved(daemon.desiredCapacity)).toBe(true);
    expect(isUnresolved(daemon.availabilityZones)).toBe(true);
  });
});
