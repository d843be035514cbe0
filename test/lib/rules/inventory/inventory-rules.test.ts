import { TAG_SERVICE, TAG_TIER, Unresolved } from '../../../../lib/model';
import {
  declaredResourcesFound,
  statefulResourceHasService,
  statefulResourceRetained,
} from '../../../../lib/rules';
import { inventory, rawResource, service, spec, table } from '../../engine/builders';
import { outcomes, statusOf } from '../harness';

describe('RR-INV1 statefulResourceHasService', () => {
  const declared = spec([
    service('orders', { resources: [{ kind: 'dynamodb', logicalId: 'Orders' }] }),
  ]);
  it.each([
    ['passes for a store a service declares', table('Orders'), 'compliant'],
    [
      'passes for a store tagged with a tier',
      table('Logs', { tags: { [TAG_TIER]: 'bronze' } }),
      'compliant',
    ],
    ['fails for a store nobody declared', table('Logs'), 'non-compliant'],
    [
      'skips replicas (their source is judged)',
      table('Logs', { replicaOf: 'Other/Logs' }),
      'not-applicable',
    ],
    [
      'is unknown when the tag is a deploy-time value',
      table('Logs', { tags: { [TAG_SERVICE]: new Unresolved('x') } }),
      'unknown',
    ],
  ] as const)('%s', (_case, store, expected) => {
    expect(statusOf(statefulResourceHasService, declared, inventory({ stores: [store] }))).toBe(
      expected,
    );
  });
});

describe('RR-INV2 declaredResourcesFound', () => {
  it.each([
    [
      'passes when every declared resource is found',
      [{ kind: 'dynamodb', logicalId: 'Orders' }],
      'compliant',
    ],
    [
      'is unknown when a declared logical ID is missing',
      [{ kind: 'dynamodb', logicalId: 'Missing' }],
      'unknown',
    ],
    ['is unknown when a tag-found kind has no tagged resource', [{ kind: 's3' }], 'unknown'],
    ['is unknown when a service has no resources at all', [], 'unknown'],
  ] as const)('%s', (_case, resources, expected) => {
    const s = spec([service('orders', { resources: resources as never })]);
    expect(statusOf(declaredResourcesFound, s, inventory({ stores: [table('Orders')] }))).toBe(
      expected,
    );
  });

  test('names the missing logical ID and stack', () => {
    const s = spec([
      service('orders', { resources: [{ kind: 'dynamodb', logicalId: 'Missing', stack: 'Shop' }] }),
    ]);
    const [o] = outcomes(declaredResourcesFound, s, inventory());
    expect(o.message).toBe(
      "service 'orders' declares dynamodb 'Missing' in stack 'Shop', which no template read contains",
    );
    expect(o.resource).toEqual({ logicalId: 'Missing', stack: 'Shop' });
  });
});

describe('RR-INV3 statefulResourceRetained', () => {
  const s = spec([]);
  it.each([
    [
      'passes with Retain policies',
      { deletionPolicy: 'Retain', updateReplacePolicy: 'Retain' },
      'AWS::DynamoDB::Table',
      'compliant',
    ],
    [
      'passes with Snapshot policies',
      { deletionPolicy: 'Snapshot', updateReplacePolicy: 'Snapshot' },
      'AWS::RDS::DBInstance',
      'compliant',
    ],
    [
      'fails with no policies (CloudFormation deletes by default)',
      {},
      'AWS::DynamoDB::Table',
      'non-compliant',
    ],
    [
      'fails when only the deletion policy retains',
      { deletionPolicy: 'Retain' },
      'AWS::DynamoDB::Table',
      'non-compliant',
    ],
    [
      'fails with an explicit Delete',
      { deletionPolicy: 'Delete', updateReplacePolicy: 'Retain' },
      'AWS::DynamoDB::Table',
      'non-compliant',
    ],
    [
      'passes an RDS cluster without a deletion policy (default Snapshot) that retains on replace',
      { updateReplacePolicy: 'Snapshot' },
      'AWS::RDS::DBCluster',
      'compliant',
    ],
    [
      'fails an Aurora member instance without a deletion policy (default Delete)',
      { updateReplacePolicy: 'Retain', properties: { DBClusterIdentifier: 'c' } },
      'AWS::RDS::DBInstance',
      'non-compliant',
    ],
  ] as const)('%s', (_case, raw, type, expected) => {
    const store = table('Db', { type });
    const inv = inventory({ stores: [store], resources: [rawResource('Db', type, raw as never)] });
    expect(statusOf(statefulResourceRetained, s, inv)).toBe(expected);
  });

  test('is unknown when the raw resource is missing', () => {
    const inv = { ...inventory({ stores: [table('Db')] }), resources: [] };
    expect(statusOf(statefulResourceRetained, s, inv)).toBe('unknown');
  });

  test('says which policy defaults to Delete', () => {
    const inv = inventory({
      stores: [table('Db')],
      resources: [rawResource('Db', 'AWS::DynamoDB::Table', { deletionPolicy: 'Retain' })],
    });
    expect(outcomes(statefulResourceRetained, s, inv)[0].message).toBe(
      'App/Db (AWS::DynamoDB::Table) would lose its data: UpdateReplacePolicy Delete (default)',
    );
  });
});
