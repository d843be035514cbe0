import { logLogSlope, median } from '../../bench/stats';

describe('median', () => {
  test('of an odd and an even number of values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test('throws on no values', () => {
    expect(() => median([])).toThrow(/median of no values/);
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
