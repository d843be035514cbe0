import { indexInventory, resolveMembership } from '../../../lib/engine';
import { TAG_SERVICE, Unresolved } from '../../../lib/model';
import { bucket, ecs, inventory, service, spec, table } from './builders';
import type { ResourceRef, Store } from '../../../lib/model';

function membersOf(
  refs: readonly ResourceRef[],
  stores: readonly Store[],
  extra: Parameters<typeof inventory>[0] = {},
): string[] {
  const s = spec([service('orders', { resources: refs })]);
  const [m] = resolveMembership(s, indexInventory(inventory({ stores, ...extra })));
  return m.members.map((e) => e.id).sort();
}

describe('resolveMembership', () => {
  test('matches an exact logical ID in any stack', () => {
    expect(
      membersOf(
        [{ kind: 'dynamodb', logicalId: 'Orders' }],
        [table('Orders', {}, 'A'), table('Orders', {}, 'B')],
      ),
    ).toEqual(['A/Orders', 'B/Orders']);
  });

  test('matches only in the declared stack', () => {
    expect(
      membersOf(
        [{ kind: 'dynamodb', logicalId: 'Orders', stack: 'B' }],
        [table('Orders', {}, 'A'), table('Orders', {}, 'B')],
      ),
    ).toEqual(['B/Orders']);
  });

  test('matches a CDK logical ID with an 8-character hash suffix', () => {
    expect(
      membersOf(
        [{ kind: 'dynamodb', logicalId: 'OrdersTable' }],
        [table('OrdersTableA1B2C3D4'), table('OrdersTableArchive')],
      ),
    ).toEqual(['App/OrdersTableA1B2C3D4']);
  });

  test('prefers the exact logical ID over a hashed one', () => {
    expect(
      membersOf(
        [{ kind: 'dynamodb', logicalId: 'Orders' }],
        [table('Orders'), table('Orders0A1B2C3D')],
      ),
    ).toEqual(['App/Orders']);
  });

  test('matches a construct path segment', () => {
    // GIVEN
    const t = table('OrdersTable9F8E7D6C', {
      location: {
        stack: 'App',
        logicalId: 'OrdersTable9F8E7D6C',
        path: 'App/Shop/Orders/Resource',
      },
    });
    // WHEN / THEN
    expect(membersOf([{ kind: 'dynamodb', logicalId: 'Orders' }], [t])).toEqual([
      'App/OrdersTable9F8E7D6C',
    ]);
  });

  test('matches only resources of the declared kind', () => {
    expect(
      membersOf(
        [{ kind: 's3', logicalId: 'Orders' }],
        [table('Orders'), bucket('Orders', {}, 'B')],
      ),
    ).toEqual(['B/Orders']);
  });

  test('adds resources tagged continuity:service (case-insensitive value)', () => {
    // GIVEN
    const tagged = table('Anything', { tags: { [TAG_SERVICE]: 'Orders' } });
    const other = table('Else', { tags: { [TAG_SERVICE]: 'payments' } });
    const task = ecs('Api', { tags: { [TAG_SERVICE]: 'orders' } });
    // WHEN / THEN
    expect(membersOf([], [tagged, other], { computes: [task] })).toEqual([
      'App/Anything',
      'App/Api',
    ]);
  });

  test('ignores a continuity:service tag known only at deploy time', () => {
    expect(
      membersOf([], [table('Anything', { tags: { [TAG_SERVICE]: new Unresolved('x') } })]),
    ).toEqual([]);
  });

  test('replicas belong to the service of their source', () => {
    // GIVEN
    const source = table('Orders', {
      replicas: [
        { mechanism: 'dynamodb-global-table', region: 'us-west-2', target: 'Dr/OrdersReplica' },
      ],
    });
    const target = table('OrdersReplica', { region: 'us-west-2' }, 'Dr');
    const readReplica = table('OrdersCopy', { replicaOf: 'App/Orders' }, 'Dr');
    // WHEN / THEN
    expect(
      membersOf(
        [{ kind: 'dynamodb', logicalId: 'Orders', stack: 'App' }],
        [source, target, readReplica],
      ),
    ).toEqual(['App/Orders', 'Dr/OrdersCopy', 'Dr/OrdersReplica']);
  });

  test('records which declared references matched nothing', () => {
    // GIVEN
    const s = spec([
      service('orders', { resources: [{ kind: 'dynamodb', logicalId: 'Missing' }] }),
    ]);
    // WHEN
    const [m] = resolveMembership(s, indexInventory(inventory({ stores: [table('Orders')] })));
    // THEN
    expect(m.matched).toEqual([{ ref: { kind: 'dynamodb', logicalId: 'Missing' }, ids: [] }]);
  });
});
