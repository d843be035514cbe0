import * as fc from 'fast-check';

import { formatDuration, parseDuration } from '../../../lib/duration';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [60, '1min'],
    [4_800, '1h20min'],
    [93_600, '1d2h'],
    [90_061, '1d1h1min1s'],
    [604_800, '7d'],
    [59.6, '1min'],
  ])('formats %p seconds as %p', (seconds, text) => {
    // GIVEN / WHEN
    const formatted = formatDuration(seconds);
    // THEN
    expect(formatted).toBe(text);
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])('throws on %p', (seconds) => {
    // GIVEN a value that is not a length of time
    // WHEN / THEN
    expect(() => formatDuration(seconds)).toThrow(RangeError);
  });

  it('round-trips every whole number of seconds through parseDuration', () => {
    // GIVEN any whole number of seconds up to ten years
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 365 * 86_400 }), (seconds) => {
        // WHEN formatted and read back
        const back = parseDuration(formatDuration(seconds), 'x');
        // THEN it is the same number
        expect(back).toBe(seconds);
      }),
    );
  });

  it('reads back compounds written in any unit order and spacing', () => {
    // GIVEN days, hours, minutes and seconds written as separate parts
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        (d, h, m, s) => {
          const written = `${s}s ${m}min ${h}h ${d}d`;
          // WHEN
          const seconds = parseDuration(written, 'x');
          // THEN
          expect(seconds).toBe(d * 86_400 + h * 3_600 + m * 60 + s);
          expect(formatDuration(seconds)).toBe(
            formatDuration(parseDuration(formatDuration(seconds), 'x')),
          );
        },
      ),
    );
  });
});
