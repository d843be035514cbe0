import { context } from './cli-harness';
import { parseToday, useColor } from '../../../bin/cli/write-output';

describe('parseToday', () => {
  test('reads YYYY-MM-DD as midnight UTC', () => {
    // GIVEN
    const value = '2026-11-21';
    // WHEN
    const date = parseToday(value);
    // THEN
    expect(date?.toISOString()).toBe('2026-11-21T00:00:00.000Z');
  });

  test.each(['21/11/2026', '2026-13-01', '2026-02-29', 'today', '2026-1-1'])(
    'throws on %s',
    (value) => {
      // GIVEN
      const parse = () => parseToday(value);
      // WHEN / THEN
      expect(parse).toThrow(/--today: expected a date as YYYY-MM-DD/);
    },
  );
});

describe('useColor', () => {
  test.each([
    ['a terminal', undefined, undefined, {}, true, true],
    ['a pipe', undefined, undefined, {}, false, false],
    ['NO_COLOR on a terminal', undefined, undefined, { NO_COLOR: '1' }, true, false],
    ['an empty NO_COLOR on a terminal', undefined, undefined, { NO_COLOR: '' }, true, true],
    ['an output file', undefined, 'out.txt', {}, true, false],
    ['--color on a pipe', true, undefined, {}, false, true],
    ['--no-color on a terminal', false, undefined, {}, true, false],
  ])('decides colour for %s', (_case, explicit, output, env, isTty, expected) => {
    // GIVEN
    const ctx = context({ env, isTty });
    // WHEN
    const color = useColor(explicit, output, ctx);
    // THEN
    expect(color).toBe(expected);
  });
});
