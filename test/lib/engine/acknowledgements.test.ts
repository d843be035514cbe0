import { applyAcknowledgements, assess } from '../../../lib/engine';
import { inventory, rawResource, service, spec, table, TODAY } from './builders';
import type { Finding, Inventory, ResourceAcknowledgement } from '../../../lib/model';

function ack(logicalId: string, rule: string, reason: string): ResourceAcknowledgement {
  return {
    rule,
    resource: `App/${logicalId}`,
    location: { stack: 'App', logicalId, path: `App/${logicalId}/Resource` },
    reason,
  };
}

/** `orders` (Orders, then Archive) never reviewed; both tables deleted with their stack. */
function shop(acknowledgements: readonly ResourceAcknowledgement[]): {
  s: ReturnType<typeof spec>;
  inv: Inventory;
} {
  const s = spec([
    service('orders', {
      resources: [
        { kind: 'dynamodb', logicalId: 'Orders' },
        { kind: 'dynamodb', logicalId: 'Archive' },
      ],
      reviewedOn: undefined,
    }),
  ]);
  const inv: Inventory = {
    ...inventory({
      stores: [table('Orders'), table('Archive')],
      resources: [
        rawResource('Orders', 'AWS::DynamoDB::Table', { deletionPolicy: 'Delete' }),
        rawResource('Archive', 'AWS::DynamoDB::Table', { deletionPolicy: 'Delete' }),
      ],
    }),
    acknowledgements,
  };
  return { s, inv };
}

function findingsOf(acknowledgements: readonly ResourceAcknowledgement[]) {
  const { s, inv } = shop(acknowledgements);
  const result = assess(s, inv, { today: TODAY });
  return { result, findings: [...result.services.flatMap((x) => x.findings), ...result.findings] };
}

describe('acknowledgements read from templates', () => {
  test('suppress the rule on the resource they are written on, with the reason', () => {
    // WHEN
    const { findings } = findingsOf([ack('Orders', 'RR-INV3', 'orders is rebuilt from the log')]);
    // THEN
    const inv3 = findings.filter((f) => f.rule === 'RR-INV3');
    expect(inv3.map((f) => [f.resource?.logicalId, f.suppressed?.reason])).toEqual([
      ['Orders', 'orders is rebuilt from the log'],
      ['Archive', undefined],
    ]);
  });

  test('on any resource of a service, suppress its service-wide findings', () => {
    // WHEN
    const { findings } = findingsOf([ack('Archive', 'RR-GOV1', 'reviewed in the yearly audit')]);
    // THEN
    expect(findings.find((f) => f.rule === 'RR-GOV1')?.suppressed).toEqual({
      reason: 'reviewed in the yearly audit',
    });
  });

  test('on a resource of no service, suppress no service-wide finding', () => {
    // GIVEN
    const { s, inv } = shop([ack('Logs', 'RR-GOV1', 'not ours')]);
    const logs = rawResource('Logs', 'AWS::S3::Bucket');
    const withLogs = { ...inv, resources: [...inv.resources, logs] };
    // WHEN
    const result = assess(s, withLogs, { today: TODAY });
    // THEN
    const gov1 = result.services[0].findings.find((f) => f.rule === 'RR-GOV1');
    expect(gov1?.suppressed).toBeUndefined();
  });

  test('a suppressed error no longer fails the service', () => {
    // WHEN
    const { result } = findingsOf([
      ack('Orders', 'RR-INV3', 'rebuilt'),
      ack('Archive', 'RR-INV3', 'rebuilt'),
    ]);
    // THEN
    expect(result.services[0].met).toBe(true);
    expect(result.met).toBe(true);
  });

  test('without a reason accept nothing and fail with RR-CDK2 on the resource', () => {
    // WHEN
    const { result, findings } = findingsOf([
      ack('Orders', 'RR-INV3', ''),
      ack('Archive', 'RR-INV3', 'rebuilt'),
    ]);
    // THEN
    const orders = findings.find((f) => f.rule === 'RR-INV3' && f.resource?.logicalId === 'Orders');
    expect(orders?.suppressed).toBeUndefined();
    expect(findings.filter((f) => f.rule === 'RR-CDK2')).toEqual([
      {
        rule: 'RR-CDK2',
        severity: 'error',
        status: 'non-compliant',
        service: 'orders',
        resource: { stack: 'App', logicalId: 'Orders', path: 'App/Orders/Resource' },
        message:
          "Continuity-RR-INV3 is acknowledged on 'App/Orders' without a reason, so it accepts nothing",
        fix: "acknowledge with a reason: acknowledgeContinuityRule(scope, 'RR-OBJ1', 'why this is accepted')",
      },
    ]);
    expect(result.services[0].met).toBe(false);
  });

  test('apply next to the spec suppressions and the acknowledgements option', () => {
    // GIVEN
    const { s, inv } = shop([ack('Orders', 'RR-INV3', 'from the template')]);
    const suppressions = [{ rule: 'RR-INV3', resource: 'Archive', reason: 'spec' }];
    const withSpec = { ...s, suppressions };
    // WHEN
    const result = assess(withSpec, inv, {
      today: TODAY,
      acknowledgements: [{ rule: 'RR-GOV1', resource: 'orders', reason: 'option' }],
    });
    // THEN
    const reasons = result.services[0].findings
      .filter((f) => f.suppressed)
      .map((f) => `${f.rule} ${f.resource?.logicalId ?? '-'} ${f.suppressed?.reason}`);
    expect(reasons.sort()).toEqual([
      'RR-GOV1 - option',
      'RR-INV3 Archive spec',
      'RR-INV3 Orders from the template',
    ]);
  });
});

describe('applyAcknowledgements', () => {
  const finding = (change: Partial<Finding>): Finding => ({
    rule: 'RR-INV3',
    severity: 'error',
    status: 'non-compliant',
    message: 'm',
    fix: 'f',
    ...change,
  });
  const context = {
    inventory: { ...inventory(), acknowledgements: [ack('Orders', 'RR-INV3', 'accepted')] },
    servicesOfResource: new Map([['App/Orders', ['orders']]]),
  };

  it.each([
    ['at the resource', { resource: { stack: 'App', logicalId: 'Orders' } }, true],
    ['at the logical ID when no stack is named', { resource: { logicalId: 'Orders' } }, true],
    ['service-wide, of its service', { service: 'Orders' }, true],
    [
      'at another resource of its service',
      { service: 'orders', resource: { stack: 'App', logicalId: 'Archive' } },
      false,
    ],
    ['in another stack', { resource: { stack: 'Other', logicalId: 'Orders' } }, false],
    ['service-wide, of another service', { service: 'payments' }, false],
    [
      'of another rule',
      { rule: 'RR-INV1', resource: { stack: 'App', logicalId: 'Orders' } },
      false,
    ],
  ])('accepts a finding %s: %s', (_case, change, accepted) => {
    // WHEN
    const [out] = applyAcknowledgements([finding(change)], context);
    // THEN
    expect(out.suppressed).toEqual(accepted ? { reason: 'accepted' } : undefined);
  });

  test('keeps a suppression already applied', () => {
    // GIVEN
    const suppressed = finding({
      service: 'orders',
      suppressed: { reason: 'spec', expires: '2027-01-01' },
    });
    // WHEN / THEN
    expect(applyAcknowledgements([suppressed], context)[0].suppressed?.reason).toBe('spec');
  });
});
