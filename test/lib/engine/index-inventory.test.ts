import { indexInventory } from '../../../lib/engine/index-inventory';
import { TAG_SERVICE } from '../../../lib/model';
import { ecs, failoverRecord, healthCheck, inventory } from './builders';

describe('indexInventory records by target', () => {
  test('a record counts for the compute it points at', () => {
    // GIVEN
    const api = ecs('Api');
    const record = failoverRecord('Record', [api.id], 'App/Check');
    // WHEN
    const index = indexInventory(
      inventory({ computes: [api], healthChecks: [healthCheck('Check')], dnsRecords: [record] }),
    );
    // THEN
    expect(index.recordsByTarget.get(api.id)?.map((r) => r.id)).toEqual([record.id]);
  });

  test('a record whose health check is tagged with a service counts for that service’s members', () => {
    // GIVEN: the record points at an external name, its health check carries the service tag
    const api = ecs('Api', { tags: { [TAG_SERVICE]: 'Orders' } });
    const other = ecs('Other', { tags: { [TAG_SERVICE]: 'search' } });
    const check = { ...healthCheck('Check'), tags: { [TAG_SERVICE]: 'orders' } };
    const record = failoverRecord('Record', [], check.id);
    // WHEN
    const index = indexInventory(
      inventory({ computes: [api, other], healthChecks: [check], dnsRecords: [record] }),
    );
    // THEN
    expect(index.recordsByTarget.get(api.id)?.map((r) => r.id)).toEqual([record.id]);
    expect(index.recordsByTarget.get(other.id)).toBeUndefined();
  });

  test('a record whose health check has no service tag counts for no member', () => {
    // GIVEN
    const api = ecs('Api', { tags: { [TAG_SERVICE]: 'orders' } });
    const record = failoverRecord('Record', [], 'App/Check');
    // WHEN
    const index = indexInventory(
      inventory({ computes: [api], healthChecks: [healthCheck('Check')], dnsRecords: [record] }),
    );
    // THEN
    expect(index.recordsByTarget.get(api.id)).toBeUndefined();
  });
});
