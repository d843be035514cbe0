import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cachedDataVersionTag } from 'node:v8';
import { cacheFileFor, ownV8Flags } from '../../bin/cli';

// The entry runs from dist/ (`npm test` builds it first); each case runs it in a child process,
// since the code cache is written when the process exits.
const ENTRY = path.join(__dirname, '..', '..', 'dist', 'bin', 'cli.js');

function bundleIn(dir: string): string {
  const file = path.join(dir, 'bundle.js');
  writeFileSync(
    file,
    '#!/usr/bin/env node\n' +
      'exports.main = async () => { process.stdout.write(`ran ${require("node:path").sep}`); };\n',
  );
  return file;
}

/** Loads `bundle` through the entry's code cache, runs its main, exits with `code`. */
function run(bundle: string, cacheFile: string, code: number): { stdout: string; status: number } {
  const script =
    `const { loadWithCodeCache } = require(${JSON.stringify(ENTRY)});` +
    `const loaded = loadWithCodeCache(${JSON.stringify(bundle)}, ${JSON.stringify(cacheFile)});` +
    `loaded.main().then(() => { process.stdout.write(' ' + loaded.cache); process.exitCode = ${code}; });`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return { stdout: result.stdout, status: result.status ?? -1 };
}

describe('bin/cli (entry with a V8 code cache)', () => {
  it('names one cache per subcommand, Node version, V8 flags and build of the bundle', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-entry-'));
    const bundle = bundleIn(dir);
    const check = cacheFileFor(['check', 'cdk.out'], bundle, dir);
    expect(path.dirname(check)).toBe(dir);
    expect(path.basename(check)).toBe(
      `check-${process.version}-${cachedDataVersionTag()}-${statSync(bundle).size}-${Math.round(statSync(bundle).mtimeMs)}.bin`,
    );
    expect(cacheFileFor(['plan'], bundle, dir)).not.toBe(check);
    expect(path.basename(cacheFileFor(['--help'], bundle, dir))).toMatch(/^other-/);
  });

  it('runs the bundle, writes the cache after a complete run and uses it the next time', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-entry-'));
    const bundle = bundleIn(dir);
    const cacheFile = path.join(dir, 'cache', 'check.bin');
    expect(run(bundle, cacheFile, 1)).toEqual({ stdout: `ran ${path.sep} missing`, status: 1 });
    expect(existsSync(cacheFile)).toBe(true);
    expect(run(bundle, cacheFile, 0)).toEqual({ stdout: `ran ${path.sep} used`, status: 0 });
  });

  it('reads an ASCII bundle as one-byte text and any other as UTF-8', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-entry-'));
    const bundle = path.join(dir, 'bundle.js');
    writeFileSync(
      bundle,
      'exports.main = async () => { process.stdout.write("ran \u00e9 é 🚀"); };\n',
      'utf8',
    );
    expect(run(bundle, path.join(dir, 'check.bin'), 0).stdout).toBe('ran é é 🚀 missing');
    expect(run(bundleIn(dir), path.join(dir, 'other.bin'), 0).stdout).toBe(
      `ran ${path.sep} missing`,
    );
  });

  it('writes no cache after a usage error (exit 2), which ran too little of the command', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-entry-'));
    const bundle = bundleIn(dir);
    const cacheFile = path.join(dir, 'cache', 'check.bin');
    expect(run(bundle, cacheFile, 2).status).toBe(2);
    expect(existsSync(path.dirname(cacheFile)) && readdirSync(path.dirname(cacheFile))).toBeFalsy();
  });

  it('rejects a cache that is not of this bundle and writes a good one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-entry-'));
    const bundle = bundleIn(dir);
    const cacheFile = path.join(dir, 'check.bin');
    writeFileSync(cacheFile, 'not a code cache');
    expect(run(bundle, cacheFile, 0).stdout).toBe(`ran ${path.sep} rejected`);
    expect(run(bundle, cacheFile, 0).stdout).toBe(`ran ${path.sep} used`);
  });

  it("removes the command's caches of older builds when it writes a new one", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-entry-'));
    const bundle = bundleIn(dir);
    const cache = path.join(dir, 'cache');
    const current = cacheFileFor(['check'], bundle, cache);
    const build = path.basename(current).split('-').slice(-2).join('-');
    const stale = path.join(cache, `check-${process.version}-7-1-1.bin`);
    const otherCommand = path.join(cache, `plan-${process.version}-7-1-1.bin`);
    // the same build under other V8 flags (e.g. `node --turbofan`): V8 would reject the other's
    const otherFlags = path.join(cache, `check-${process.version}-7-${build}`);
    mkdirSync(cache);
    writeFileSync(stale, 'old');
    writeFileSync(otherCommand, 'old');
    writeFileSync(otherFlags, 'other flags');
    expect(run(bundle, current, 0).status).toBe(0);
    expect(readdirSync(cache).sort()).toEqual(
      [path.basename(current), path.basename(otherCommand), path.basename(otherFlags)].sort(),
    );
  });
});

describe('bin/cli (libraries bundled apart, in dist/vendor/)', () => {
  /** A bundle that requires `./vendor/lib.js` twice when run, and the library it requires. */
  function bundleWithVendor(dir: string): string {
    mkdirSync(path.join(dir, 'vendor'));
    writeFileSync(
      path.join(dir, 'vendor', 'lib.js'),
      'globalThis.libRuns = (globalThis.libRuns ?? 0) + 1;\n' +
        'exports.greet = () => `hello${require("node:path").sep}`;\n',
    );
    const bundle = path.join(dir, 'bundle.js');
    writeFileSync(
      bundle,
      'exports.main = async () => {\n' +
        '  const lib = require("./vendor/lib.js");\n' +
        '  const again = require("./vendor/lib.js");\n' +
        '  process.stdout.write(`${lib.greet()} ${lib === again} runs=${globalThis.libRuns}`);\n' +
        '};\n',
    );
    return bundle;
  }

  it('runs a vendored library once, from beside the bundle, with a code cache of its own', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-vendor-'));
    const bundle = bundleWithVendor(dir);
    const cache = path.join(dir, 'cache');
    const cacheFile = cacheFileFor(['check'], bundle, cache);
    expect(run(bundle, cacheFile, 0).stdout).toBe(`hello${path.sep} true runs=1 missing`);
    const libCache = path.join(cache, path.basename(cacheFile).replace(/^check-/, 'check.lib-'));
    expect(readdirSync(cache).sort()).toEqual(
      [path.basename(cacheFile), path.basename(libCache)].sort(),
    );
    // the library's cache is used the next time: not rejected, so not written again
    const before = statSync(libCache).mtimeMs;
    expect(run(bundle, cacheFile, 0).stdout).toBe(`hello${path.sep} true runs=1 used`);
    expect(statSync(libCache).mtimeMs).toBe(before);
  });

  it("keeps a vendored library's cache after exit 2, its whole work for an invalid spec", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-vendor-'));
    const bundle = bundleWithVendor(dir);
    const cache = path.join(dir, 'cache');
    const cacheFile = cacheFileFor(['check'], bundle, cache);
    expect(run(bundle, cacheFile, 2).status).toBe(2);
    expect(readdirSync(cache)).toEqual([path.basename(cacheFile).replace(/^check-/, 'check.lib-')]);
  });

  it('keeps zod and yaml out of the CLI bundle and requires them from dist/vendor/', () => {
    const dist = path.dirname(path.dirname(ENTRY));
    const bundle = readFileSync(path.join(dist, 'continuity.bundle.js'), 'latin1');
    expect(bundle).not.toMatch(/node_modules\/(zod|yaml)\//);
    expect(bundle).toContain('require("./vendor/zod.js")');
    expect(bundle).toContain('require("./vendor/yaml.js")');
    /* eslint-disable @typescript-eslint/no-require-imports */
    const zod = require(path.join(dist, 'vendor', 'zod.js')) as typeof import('zod');
    const yaml = require(path.join(dist, 'vendor', 'yaml.js')) as typeof import('yaml');
    /* eslint-enable @typescript-eslint/no-require-imports */
    expect(zod.z.string().safeParse(1).success).toBe(false);
    expect(yaml.parse('a: [1, 2]')).toEqual({ a: [1, 2] });
  });
});

describe('ownV8Flags', () => {
  const ALL = ['--no-turbofan', '--semi-space-growth-factor=1'];

  test('a plain run turns off the optimizing compiler and keeps the young generation small', () => {
    expect(ownV8Flags([], undefined)).toEqual(ALL);
    expect(ownV8Flags(['--enable-source-maps'], '--max-old-space-size=4096')).toEqual(ALL);
  });

  test.each([
    [['--turbofan'], undefined],
    [['--max-opt=3'], undefined],
    [['--max_opt=3'], undefined],
    [[], '--opt'],
    [[], '--max-old-space-size=4096 --maglev'],
    [['--no-opt'], undefined],
  ])('leaves tiering to a user who chose it: %p %p', (execArgv, nodeOptions) => {
    expect(ownV8Flags(execArgv, nodeOptions)).toEqual(['--semi-space-growth-factor=1']);
  });

  test.each([
    [['--max-semi-space-size=64'], undefined],
    [['--max_semi_space_size=64'], undefined],
    [['--min-semi-space-size=8'], undefined],
    [[], '--semi-space-growth-factor=2'],
  ])('leaves the young generation to a user who sized it: %p %p', (execArgv, nodeOptions) => {
    expect(ownV8Flags(execArgv, nodeOptions)).toEqual(['--no-turbofan']);
  });

  test('a user who chose both gets neither', () => {
    expect(ownV8Flags(['--turbofan', '--max-semi-space-size=32'], undefined)).toEqual([]);
  });

  test('the installed command runs under them: its code cache is named by their V8 flag tag', () => {
    // the tag of a process that set exactly these flags, and of one that set none
    const tagWith = (flags: string[]): string =>
      spawnSync(
        process.execPath,
        [
          '-e',
          `for (const f of ${JSON.stringify(flags)}) require('node:v8').setFlagsFromString(f);` +
            "process.stdout.write(String(require('node:v8').cachedDataVersionTag()))",
        ],
        { encoding: 'utf8' },
      ).stdout;
    const cacheDir = path.join(path.dirname(ENTRY), '..', '.v8-cache');
    // a cache left by an earlier run would prove nothing: start without any for `rules`
    for (const file of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
      if (file.startsWith('rules-')) {
        rmSync(path.join(cacheDir, file), { force: true });
      }
    }
    const result = spawnSync(process.execPath, [ENTRY, 'rules', '--format', 'json'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(result.status).toBe(0);
    const rulesCaches = readdirSync(cacheDir).filter((f) => f.startsWith('rules-'));
    // (another test running the CLI under other node flags may add a cache of its own meanwhile)
    const withOnlyTurbofanOff = tagWith(['--no-turbofan']);
    expect(tagWith(ALL)).not.toBe(withOnlyTurbofanOff);
    expect(rulesCaches).toContainEqual(expect.stringContaining(`-${tagWith(ALL)}-`));
    expect(rulesCaches).not.toContainEqual(expect.stringContaining(`-${withOnlyTurbofanOff}-`));
  });

  test('a flag with a similar name is not a choice', () => {
    expect(
      ownV8Flags(
        ['--optimize-for-size', '--semi-space-size-test'],
        '--max-optimized-bytecode-size=1',
      ),
    ).toEqual(ALL);
  });
});
