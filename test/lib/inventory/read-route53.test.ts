import { readInventory } from '../../../lib/inventory';
import { isUnresolved } from '../../../lib/model/unresolved';
import { byLogicalId, fixture } from './fixtures';

describe('Route 53 health checks and records', () => {
  const good = readInventory([fixture('route53-compliant.yaml')], { region: 'us-east-1' });
  const bad = readInventory([fixture('route53-deficient.json')], { region: 'us-east-1' });

  test('reads a fast health check and its tags', () => {
    // GIVEN
    // WHEN
    const check = byLogicalId(good.healthChecks, 'PrimaryCheck');
    // THEN
    expect(check).toMatchObject({
      requestIntervalSeconds: 10,
      failureThreshold: 2,
      tags: { 'continuity:service': 'shop' },
    });
  });

  test('applies the 30 s interval and threshold 3 defaults', () => {
    // GIVEN
    // WHEN
    const check = byLogicalId(bad.healthChecks, 'SlowCheck');
    // THEN
    expect(check).toMatchObject({ requestIntervalSeconds: 30, failureThreshold: 3 });
  });

  test('reads a primary alias failover record with its health check and target', () => {
    // GIVEN
    // WHEN
    const record = byLogicalId(good.dnsRecords, 'Primary');
    // THEN
    expect(record).toMatchObject({
      name: 'www.shop.example.com',
      routing: 'failover',
      failover: 'PRIMARY',
      healthCheck: 'route53-compliant/PrimaryCheck',
      ttlSeconds: undefined,
      targets: ['route53-compliant/Balancer'],
    });
  });

  test('reads each record of a record set group under its own id', () => {
    // GIVEN
    // WHEN
    const ids = good.dnsRecords.map((r) => r.id);
    const latency = good.dnsRecords.find((r) => r.id === 'route53-compliant/Others[1]');
    // THEN
    expect(ids).toEqual([
      'route53-compliant/Primary',
      'route53-compliant/Others[0]',
      'route53-compliant/Others[1]',
    ]);
    expect(latency).toMatchObject({
      routing: 'latency',
      recordRegion: 'us-east-1',
      ttlSeconds: 60,
      healthCheck: '11111111-2222-3333-4444-555555555555',
      targets: ['route53-compliant/Balancer'],
    });
    expect(good.dnsRecords[1]).toMatchObject({ failover: 'SECONDARY', ttlSeconds: 60 });
  });

  test('reads simple and weighted records, with an unknown TTL as unresolved', () => {
    // GIVEN
    // WHEN
    const plain = byLogicalId(bad.dnsRecords, 'Plain');
    const blue = byLogicalId(bad.dnsRecords, 'Blue');
    // THEN
    expect(plain).toMatchObject({ routing: 'simple', ttlSeconds: 3600, targets: [] });
    expect(plain.healthCheck).toBeUndefined();
    expect(blue.routing).toBe('weighted');
    expect(isUnresolved(blue.ttlSeconds)).toBe(true);
  });
});
