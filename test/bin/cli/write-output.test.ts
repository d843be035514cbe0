import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { context } from './cli-harness';
import { parseToday, useColor, writeOutput } from '../../../bin/cli/write-output';

describe('writeOutput', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'write-output-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Pieces of about 1 KB, enough of them to need several batched writes. */
  function* pieces(count: number): Generator<string> {
    for (let i = 0; i < count; i++) {
      yield `${String(i).padStart(6, '0')}${'x'.repeat(1018)}\n`;
    }
  }

  test('writes report pieces to the file in order, creating its directory', () => {
    // GIVEN 300 pieces (about 300 KB) and an output path in a directory that does not exist
    const expected = [...pieces(300)].join('');
    // WHEN
    const stdout = writeOutput(pieces(300), 'out/report.json', 'summary', context({ cwd: dir }));
    // THEN the file holds every piece in order, and stdout names it
    expect(readFileSync(join(dir, 'out', 'report.json'), 'utf8')).toBe(expected);
    expect(stdout).toBe('summary; report written to out/report.json\n');
  });

  test('hands report pieces to the context writer in batches, and returns nothing', () => {
    // GIVEN 300 pieces of about 1 KB and a context that writes to stdout
    const written: string[] = [];
    const ctx = context({ cwd: dir, writeStdout: (text) => written.push(text) });
    // WHEN
    const stdout = writeOutput(pieces(300), undefined, 'summary', ctx);
    // THEN every piece went out in order, in a few batches of at least 64 Ki characters
    expect(stdout).toBe('');
    expect(written.join('')).toBe([...pieces(300)].join(''));
    expect(written.length).toBeLessThan(10);
    expect(written.slice(0, -1).every((batch) => batch.length >= 1 << 16)).toBe(true);
  });

  test('returns a report given whole, even when the context can write to stdout', () => {
    // GIVEN
    const written: string[] = [];
    const ctx = context({ cwd: dir, writeStdout: (text) => written.push(text) });
    // WHEN
    const stdout = writeOutput('report', undefined, 'summary', ctx);
    // THEN
    expect(stdout).toBe('report');
    expect(written).toEqual([]);
  });

  test('joins report pieces for stdout', () => {
    // GIVEN pieces and no output file
    // WHEN
    const stdout = writeOutput(pieces(3), undefined, 'summary', context({ cwd: dir }));
    // THEN
    expect(stdout).toBe([...pieces(3)].join(''));
  });

  test('lets an error of the report itself through, not as a bad --output', () => {
    // GIVEN pieces that fail after the first, as a bug in a report would
    function* failing(): Generator<string> {
      yield '{';
      throw new Error('report bug');
    }
    // WHEN
    const write = () => writeOutput(failing(), 'report.json', 'summary', context({ cwd: dir }));
    // THEN the error is the report's own
    expect(write).toThrow(new Error('report bug'));
  });

  test.each([
    ['text', 'report'],
    ['pieces', ['re', 'port']],
  ])('names --output when the file cannot be written (%s)', (_case, report) => {
    // GIVEN an output path below a regular file
    writeFileSync(join(dir, 'file'), '');
    // WHEN
    const write = () => writeOutput(report, 'file/report.json', 'summary', context({ cwd: dir }));
    // THEN
    expect(write).toThrow(
      /--output: cannot write file\/report.json \(\w+\); choose a writable path/,
    );
  });
});

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
