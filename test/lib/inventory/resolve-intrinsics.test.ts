import { inventoryFromTemplates } from '../../../lib/inventory';
import { isUnresolved } from '../../../lib/model/unresolved';
import { byLogicalId } from './fixtures';

const table = (pitr: unknown): Record<string, unknown> => ({
  Type: 'AWS::DynamoDB::Table',
  Properties: { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: pitr } },
});

function pitrOf(resources: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown {
  const inventory = inventoryFromTemplates([
    { stack: 'S', region: 'eu-west-1', template: { ...extra, Resources: resources } },
  ]);
  return byLogicalId(inventory.stores, 'T').pointInTimeRecovery;
}

describe('intrinsic resolution', () => {
  test.each([
    ['a literal', true, true],
    ['a string literal', 'true', true],
    ['a parameter default', { Ref: 'P' }, true],
    ['Fn::If on a condition of a parameter', { 'Fn::If': ['IsProd', true, false] }, true],
    [
      'Fn::FindInMap keyed by the region',
      { 'Fn::FindInMap': ['Env', { Ref: 'AWS::Region' }, 'pitr'] },
      false,
    ],
    ['Fn::Select of a literal list', { 'Fn::Select': [1, [false, true]] }, true],
    ['Fn::Sub with variables', { 'Fn::Sub': ['${V}', { V: 'true' }] }, true],
    ['Fn::Join of literals', { 'Fn::Join': ['', ['tr', 'ue']] }, true],
  ])('resolves %s', (_case, value, expected) => {
    // GIVEN
    const extra = {
      Parameters: {
        P: { Type: 'String', Default: 'true' },
        Stage: { Type: 'String', Default: 'prod' },
      },
      Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } },
      Mappings: { Env: { 'eu-west-1': { pitr: 'false' } } },
    };
    // WHEN
    const pitr = pitrOf({ T: table(value) }, extra);
    // THEN
    expect(pitr).toBe(expected);
  });

  test.each([
    ['a parameter without default', { Ref: 'NoDefault' }],
    ['an SSM parameter type (its default is a parameter name)', { Ref: 'Ssm' }],
    ['an SSM dynamic reference', '{{resolve:ssm:/pitr/enabled}}'],
    ['an unknown intrinsic', { 'Fn::Transform': { Name: 'x' } }],
    ['a condition on a parameter without default', { 'Fn::If': ['Maybe', true, false] }],
    ['an import nobody exports', { 'Fn::ImportValue': 'Nope' }],
    ['Fn::Select out of range', { 'Fn::Select': [5, [true]] }],
  ])('leaves %s unresolved', (_case, value) => {
    // GIVEN
    const extra = {
      Parameters: {
        NoDefault: { Type: 'String' },
        Ssm: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/pitr/enabled' },
      },
      Conditions: { Maybe: { 'Fn::Equals': [{ Ref: 'NoDefault' }, 'x'] } },
    };
    // WHEN
    const pitr = pitrOf({ T: table(value) }, extra);
    // THEN
    expect(isUnresolved(pitr)).toBe(true);
  });

  test('skips resources whose condition is false', () => {
    // GIVEN
    const template = {
      Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } },
      Resources: { T: table(true), Gone: { ...table(true), Condition: 'Never' } },
    };
    // WHEN
    const inventory = inventoryFromTemplates([{ stack: 'S', template }]);
    // THEN
    expect(inventory.stores.map((s) => s.id)).toEqual(['S/T']);
  });

  test('follows Fn::ImportValue to the exporting stack', () => {
    // GIVEN
    const exporter = {
      Resources: { Dest: { Type: 'AWS::S3::Bucket' } },
      Outputs: { Arn: { Value: { 'Fn::GetAtt': ['Dest', 'Arn'] }, Export: { Name: 'dest-arn' } } },
    };
    const importer = {
      Resources: {
        Src: {
          Type: 'AWS::S3::Bucket',
          Properties: {
            ReplicationConfiguration: {
              Role: 'r',
              Rules: [
                { Status: 'Enabled', Destination: { Bucket: { 'Fn::ImportValue': 'dest-arn' } } },
              ],
            },
          },
        },
      },
    };
    // WHEN
    const inventory = inventoryFromTemplates([
      { stack: 'West', region: 'us-west-2', template: exporter },
      { stack: 'East', region: 'us-east-1', template: importer },
    ]);
    // THEN
    expect(byLogicalId(inventory.stores, 'Src').replicas).toEqual([
      { mechanism: 's3-crr', region: 'us-west-2', target: 'West/Dest' },
    ]);
  });

  test('parses the region of a backup vault ARN from a Join whose region part is literal', () => {
    // GIVEN an ARN with a deploy-time account and a literal region
    const template = {
      Resources: {
        Plan: {
          Type: 'AWS::Backup::BackupPlan',
          Properties: {
            BackupPlan: {
              BackupPlanName: 'p',
              BackupPlanRule: [
                {
                  RuleName: 'r',
                  TargetBackupVault: 'v',
                  CopyActions: [
                    {
                      DestinationBackupVaultArn: {
                        'Fn::Join': [
                          ':',
                          [
                            'arn:aws:backup:us-west-2',
                            { Ref: 'AWS::AccountId' },
                            'backup-vault:dr',
                          ],
                        ],
                      },
                    },
                  ],
                },
              ],
            },
          },
        },
      },
    };
    // WHEN
    const inventory = inventoryFromTemplates([{ stack: 'S', template }]);
    // THEN
    const copy = inventory.backupPlans[0].rules[0].copyActions[0];
    expect(copy.destinationRegion).toBe('us-west-2');
    expect(isUnresolved(copy.destinationAccount)).toBe(true);
    expect(isUnresolved(copy.destinationVaultArn)).toBe(true);
  });

  test('fills the construct path and stack region of every resource, and AWS::StackName', () => {
    // GIVEN
    const template = {
      Resources: {
        T: {
          ...table(true),
          Metadata: { 'aws:cdk:path': 'App/Table/Resource' },
          Properties: { Tags: [{ Key: 'stack', Value: { Ref: 'AWS::StackName' } }] },
        },
      },
    };
    // WHEN
    const inventory = inventoryFromTemplates([
      { stack: 'S', region: 'ap-south-1', template, file: 't.json' },
    ]);
    // THEN
    expect(inventory.resources[0]).toMatchObject({
      id: 'S/T',
      region: 'ap-south-1',
      tags: { stack: 'S' },
      location: {
        stack: 'S',
        logicalId: 'T',
        path: 'App/Table/Resource',
        type: 'AWS::DynamoDB::Table',
        file: 't.json',
      },
    });
  });

  test('reads an unresolved CDK token given as region as unresolved', () => {
    // GIVEN a caller passing Stack.region of an environment-agnostic stack
    const template = { Resources: { T: table(true) } };
    // WHEN
    const inventory = inventoryFromTemplates([
      { stack: 'S', region: '${Token[AWS.Region.8]}', template },
    ]);
    // THEN
    expect(isUnresolved(inventory.stores[0].region)).toBe(true);
  });
});
