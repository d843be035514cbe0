import { readInventory } from '../../../lib/inventory';
import { isUnresolved } from '../../../lib/model/unresolved';
import { fixture, store } from './fixtures';

describe('DynamoDB tables and global tables', () => {
  const good = readInventory([fixture('dynamodb-compliant.yaml')], { region: 'us-east-1' });
  const bad = readInventory([fixture('dynamodb-deficient.json')], { region: 'us-east-1' });

  test('reads PITR with its recovery period, KMS encryption, tags and construct path', () => {
    // GIVEN
    // WHEN
    const table = store(good, 'Orders');
    // THEN
    expect(table).toMatchObject({
      id: 'dynamodb-compliant/Orders',
      kind: 'dynamodb',
      type: 'AWS::DynamoDB::Table',
      pointInTimeRecovery: true,
      pitrRetentionDays: 14,
      multiAz: true,
      replicas: [],
      encrypted: true,
      region: 'us-east-1',
      tags: { 'continuity:service': 'orders', owner: 'dynamodb-compliant' },
    });
    expect(table.location.path).toBe('Shop/Orders/Resource');
  });

  test('takes the replica in the stack region as the store and the others as strong replicas', () => {
    // GIVEN a global table with a `!Ref AWS::Region` replica and two others
    // WHEN
    const table = store(good, 'Carts');
    // THEN
    expect(table.pointInTimeRecovery).toBe(true);
    expect(table.pitrRetentionDays).toBe(35);
    expect(table.tags).toEqual({ 'continuity:service': 'carts' });
    expect(table.replicas).toEqual([
      { mechanism: 'dynamodb-global-table-strong', region: 'us-west-2', pointInTimeRecovery: true },
      { mechanism: 'dynamodb-global-table-strong', region: 'us-east-2', pointInTimeRecovery: true },
    ]);
  });

  test('reads a table without PITR as off, and a parameter without default as unresolved', () => {
    // GIVEN
    // WHEN
    const sessions = store(bad, 'Sessions');
    const toggle = store(bad, 'Toggle');
    // THEN
    expect(sessions.pointInTimeRecovery).toBe(false);
    expect(sessions.pitrRetentionDays).toBeUndefined();
    expect(sessions.encrypted).toBe(false);
    expect(isUnresolved(toggle.pointInTimeRecovery)).toBe(true);
  });

  test('reads an eventually consistent global table replica without PITR', () => {
    // GIVEN
    // WHEN
    const table = store(bad, 'Profiles');
    // THEN
    expect(table.pointInTimeRecovery).toBe(true);
    expect(table.replicas).toEqual([
      { mechanism: 'dynamodb-global-table', region: 'eu-west-1', pointInTimeRecovery: false },
    ]);
  });

  test('reports the own replica as unresolved when the stack region is unknown', () => {
    // GIVEN no region for the template
    // WHEN
    const inventory = readInventory([fixture('dynamodb-deficient.json')]);
    // THEN
    const table = store(inventory, 'Profiles');
    expect(isUnresolved(table.region)).toBe(true);
    expect(isUnresolved(table.pointInTimeRecovery)).toBe(true);
    expect(table.replicas).toHaveLength(2);
  });
});
