import {
  AWS_COMMERCIAL_REGIONS,
  closestMatch,
  editDistance,
  isAwsRegion,
  regionPartition,
  suggestRegion,
} from '../../../lib/regions';

describe('AWS regions', () => {
  it.each([
    'us-east-1',
    'us-east-2',
    'us-west-1',
    'us-west-2',
    'ca-central-1',
    'ca-west-1',
    'mx-central-1',
    'eu-central-2',
    'eu-south-2',
    'il-central-1',
    'me-central-1',
    'af-south-1',
    'ap-east-2',
    'ap-southeast-7',
    'sa-east-1',
  ])('knows %s as a commercial Region', (code) => {
    // GIVEN / WHEN / THEN
    expect(isAwsRegion(code)).toBe(true);
    expect(regionPartition(code)).toBe('aws');
  });

  it('pins 34 unique commercial Regions', () => {
    // GIVEN the pinned list
    // WHEN / THEN
    expect(new Set(AWS_COMMERCIAL_REGIONS).size).toBe(34);
  });

  it.each([
    ['us-gov-west-1', 'aws-us-gov'],
    ['cn-north-1', 'aws-cn'],
  ])('knows %s in partition %s', (code, partition) => {
    // GIVEN / WHEN / THEN
    expect(isAwsRegion(code)).toBe(true);
    expect(regionPartition(code)).toBe(partition);
  });

  it.each(['us-east-7', 'useast1', 'US-EAST-1', 'eu-west', '', 'mars-north-1'])(
    'rejects %p',
    (code) => {
      // GIVEN / WHEN / THEN
      expect(isAwsRegion(code)).toBe(false);
      expect(regionPartition(code)).toBeUndefined();
    },
  );

  it.each([
    ['us-east1', 'us-east-1'],
    ['useast1', 'us-east-1'],
    ['US_EAST_1', 'us-east-1'],
    ['us-west-3', 'us-west-1'],
    ['eu-centrl-1', 'eu-central-1'],
    ['ap-southeast-l', 'ap-southeast-1'],
  ])('suggests %s → %s', (typo, expected) => {
    // GIVEN a mistyped code
    // WHEN
    const suggestion = suggestRegion(typo);
    // THEN
    expect(suggestion).toBe(expected);
  });

  it('suggests nothing for a valid code or a far-off word', () => {
    // GIVEN / WHEN / THEN
    expect(suggestRegion('us-east-1')).toBeUndefined();
    expect(suggestRegion('frankfurt')).toBeUndefined();
  });
});

describe('closestMatch', () => {
  it('computes edit distances', () => {
    // GIVEN / WHEN / THEN
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('gold', 'gold')).toBe(0);
  });

  it('picks the nearest candidate within the limit, case-insensitively', () => {
    // GIVEN / WHEN / THEN
    expect(closestMatch('GLD', ['platinum', 'gold', 'silver'])).toBe('gold');
    expect(closestMatch('diamond', ['platinum', 'gold', 'silver'])).toBeUndefined();
  });
});
