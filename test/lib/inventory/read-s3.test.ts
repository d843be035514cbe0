import { readInventory } from '../../../lib/inventory';
import { isUnresolved } from '../../../lib/model/unresolved';
import { fixture, store } from './fixtures';

describe('S3 buckets', () => {
  const good = readInventory([fixture('s3-compliant.yaml')], { region: 'us-east-1' });
  const bad = readInventory([fixture('s3-deficient.json')], { region: 'us-east-1' });

  test('reads versioning, KMS encryption and replication with RTC', () => {
    // GIVEN
    // WHEN
    const bucket = store(good, 'Invoices');
    // THEN
    expect(bucket).toMatchObject({
      kind: 's3',
      versioning: true,
      pointInTimeRecovery: false,
      multiAz: true,
      encrypted: true,
      tags: { 'continuity:service': 'billing' },
    });
    expect(bucket.replicas).toHaveLength(1);
    expect(bucket.replicas[0].mechanism).toBe('s3-crr-rtc');
    // the destination bucket is not in the templates: its region is not guessed
    expect(isUnresolved(bucket.replicas[0].region)).toBe(true);
  });

  test('reads suspended versioning as off', () => {
    // GIVEN
    // WHEN
    const bucket = store(bad, 'Uploads');
    // THEN
    expect(bucket.versioning).toBe(false);
    expect(bucket.replicas).toEqual([]);
  });

  test('reads CRR without metrics as plain CRR and resolves a destination in the inventory', () => {
    // GIVEN rules to a parameter, to a bucket in the template (RTC without Metrics), and a disabled one
    // WHEN
    const bucket = store(bad, 'Reports');
    // THEN
    expect(bucket.replicas).toHaveLength(2);
    expect(isUnresolved(bucket.replicas[0].region)).toBe(true);
    expect(bucket.replicas[0].mechanism).toBe('s3-crr');
    expect(bucket.replicas[1]).toEqual({
      mechanism: 's3-crr',
      region: 'us-east-1',
      target: 's3-deficient/LocalCopy',
    });
  });
});
