import { continuityRuleOfNagId, inventoryFromTemplates } from '../../../lib/inventory';

function tableWith(metadata: unknown): Record<string, unknown> {
  return {
    Type: 'AWS::DynamoDB::Table',
    Properties: { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] },
    Metadata: metadata,
  };
}

function acknowledgementsOf(resources: Record<string, unknown>) {
  const template = { Resources: resources };
  return inventoryFromTemplates([{ stack: 'App', region: 'us-east-1', template }]).acknowledgements;
}

describe('continuityRuleOfNagId', () => {
  it.each([
    ['Continuity-RR-INV3', 'RR-INV3'],
    ['Annotation::Continuity-RR-OBJ1', 'RR-OBJ1'],
    ['Continuity::Continuity-RR-GOV1', 'RR-GOV1'],
    ['continuity-rr-inv3', 'RR-INV3'],
    ['AwsSolutions-DDB3', undefined],
    ['Continuity-RR-INV3[extra]', undefined],
  ])('reads %s as %s', (id, rule) => {
    // WHEN / THEN
    expect(continuityRuleOfNagId(id)).toBe(rule);
  });
});

describe('acknowledgements in template metadata', () => {
  test('reads continuity entries of Metadata.cdk_nag.rules_to_suppress with their resource', () => {
    // GIVEN
    const resources = {
      OrdersTable: tableWith({
        'aws:cdk:path': 'App/Orders/Resource',
        cdk_nag: {
          rules_to_suppress: [
            { id: 'Continuity-RR-INV3', reason: ' orders is rebuilt from the event log ' },
            { id: 'AwsSolutions-DDB3', reason: 'another pack' },
          ],
        },
      }),
    };
    // WHEN
    const acks = acknowledgementsOf(resources);
    // THEN
    expect(acks).toEqual([
      {
        rule: 'RR-INV3',
        resource: 'App/OrdersTable',
        location: expect.objectContaining({
          stack: 'App',
          logicalId: 'OrdersTable',
          path: 'App/Orders/Resource',
        }),
        reason: 'orders is rebuilt from the event log',
      },
    ]);
  });

  test.each([
    ['an empty reason', { id: 'Continuity-RR-INV3', reason: '' }],
    ['a blank reason', { id: 'Continuity-RR-INV3', reason: '   ' }],
    ['no reason', { id: 'Continuity-RR-INV3' }],
    ['a reason that is not text', { id: 'Continuity-RR-INV3', reason: { Ref: 'Why' } }],
  ])('reads %s as empty', (_case, entry) => {
    // WHEN
    const acks = acknowledgementsOf({ T: tableWith({ cdk_nag: { rules_to_suppress: [entry] } }) });
    // THEN
    expect(acks?.map((a) => [a.rule, a.reason])).toEqual([['RR-INV3', '']]);
  });

  test.each([
    ['no metadata', undefined],
    ['no cdk_nag key', { other: true }],
    ['rules_to_suppress not a list', { cdk_nag: { rules_to_suppress: 'Continuity-RR-INV3' } }],
    ['entries without an id', { cdk_nag: { rules_to_suppress: [{ reason: 'r' }, 'x'] } }],
  ])('reads nothing from %s', (_case, metadata) => {
    // WHEN / THEN
    expect(acknowledgementsOf({ T: tableWith(metadata) })).toEqual([]);
  });

  test('skips resources whose condition is false', () => {
    // GIVEN
    const template = {
      Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } },
      Resources: {
        T: {
          ...tableWith({
            cdk_nag: { rules_to_suppress: [{ id: 'Continuity-RR-INV3', reason: 'r' }] },
          }),
          Condition: 'Never',
        },
      },
    };
    // WHEN
    const inventory = inventoryFromTemplates([{ stack: 'App', template }]);
    // THEN
    expect(inventory.acknowledgements).toEqual([]);
  });
});
