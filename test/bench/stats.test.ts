import { logLogSlope, median, pairedRatio } from '../../bench/stats';

describe('median', () => {
  test('of an odd and an even number of values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test('throws on no values', () => {
    expect(() => median([])).toThrow(/median of no values/);
  });
});

describe('pairedRatio', () => {
  test('is the median of the ratios of runs measured in pairs', () => {
    // GIVEN a host that slowed down for the last two pairs: both sides slower, ratio steady
    const baseline = [100, 110, 90, 200, 210];
    const ours = [300, 320, 270, 640, 600];
    // WHEN / THEN the pairs' median ratio, not the ratio of medians (320 / 110 = 2.91)
    expect(pairedRatio(baseline, ours)).toBeCloseTo(3, 10);
    expect(median(ours) / median(baseline)).toBeCloseTo(2.909, 3);
  });

  test('throws on runs that are not in pairs', () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow(/measure them in pairs/);
  });
});

describe('logLogSlope', () => {
  test('is 1 for linear growth and 2 for quadratic growth', () => {
    // GIVEN
    const xs = [10, 100, 1000];
    // WHEN / THEN
    expect(logLogSlope(xs.map((x) => ({ x, y: 3 * x })))).toBeCloseTo(1, 10);
    expect(logLogSlope(xs.map((x) => ({ x, y: x * x })))).toBeCloseTo(2, 10);
  });

  test('is NaN with fewer than two distinct sizes', () => {
    expect(logLogSlope([{ x: 5, y: 1 }])).toBeNaN();
  });
});
