import { DISRUPTIONS, STORE_KINDS } from '../../../lib/model';
import {
  bestAchievable,
  restoreSeconds,
  copySeconds,
  DEFAULT_SIZE_GIB,
  dnsFailoverSeconds,
} from '../../../lib/facts';

describe('bestAchievable', () => {
  test.each([
    ['s3', 'region', 15 * 60, 0],
    ['dynamodb', 'region', 0, 0],
    ['aurora', 'region', 1, 60],
    ['rds', 'region', 5 * 60, 15 * 60],
    ['efs', 'region', 15 * 60, 15 * 60],
    ['dynamodb', 'az', 0, 0],
    ['rds', 'az', 0, 35],
    ['aurora', 'az', 0, 120],
    ['s3', 'application', 0, 30 * 60],
    ['dynamodb', 'application', 5 * 60, 30 * 60],
    ['ebs', 'application', 2 * 3600, 15 * 60],
  ] as const)('%s / %s: RPO %ss, RTO %ss', (kind, disruption, rpo, rto) => {
    // GIVEN / WHEN
    const best = bestAchievable(kind, disruption);
    // THEN
    expect(best?.rpoSeconds).toBe(rpo);
    expect(best?.rtoSeconds).toBe(rto);
  });

  test('rejects region RPO 0 on S3: the best is Replication Time Control, under SLA', () => {
    // GIVEN / WHEN
    const best = bestAchievable('s3', 'region');
    // THEN
    expect(best?.rpoSeconds).toBeGreaterThan(0);
    expect(best?.mechanisms).toContain('s3-crr-rtc');
  });

  test('EBS survives a region loss only through backup copies', () => {
    // GIVEN / WHEN
    const best = bestAchievable('ebs', 'region');
    // THEN
    expect(best?.mechanisms).toEqual(['backup-copy-cross-region']);
    expect(best?.basis).toBe('estimate');
  });

  test('gives an answer for every store kind and disruption', () => {
    // GIVEN / WHEN / THEN
    for (const k of STORE_KINDS)
      for (const d of DISRUPTIONS) expect(bestAchievable(k, d)).toBeDefined();
  });
});

describe('estimates', () => {
  test('restore time grows with size and uses the default size when unknown', () => {
    // GIVEN / WHEN / THEN
    expect(restoreSeconds('dynamodb', 200)).toBeGreaterThan(restoreSeconds('dynamodb', 100));
    expect(restoreSeconds('rds')).toBe(restoreSeconds('rds', DEFAULT_SIZE_GIB));
    expect(restoreSeconds('dynamodb', 0)).toBe(30 * 60);
    expect(copySeconds(200)).toBe(2 * 3600);
  });

  test('DNS failover = interval × threshold + TTL', () => {
    // GIVEN / WHEN / THEN
    expect(dnsFailoverSeconds(10, 3, 60)).toBe(90);
    expect(dnsFailoverSeconds(30, 3, 60)).toBe(150);
  });
});
