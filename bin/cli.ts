#!/usr/bin/env node
/**
 * Entry of the installed `continuity` command (`dist/bin/cli.js`).
 *
 * It runs the CLI bundled into one file by esbuild (`dist/continuity.bundle.js`, built from
 * `bin/continuity.ts` by `npm run build`) and keeps V8's code cache of that bundle per command,
 * written when the process exits, so that the bytecode of every function the command ran is
 * reused by the next run instead of being compiled again. Node 20 has no built-in compile cache
 * (`module.enableCompileCache` arrived in Node 22), and caching right after compilation, as
 * v8-compile-cache does, misses the functions V8 compiles lazily while the command runs, which
 * is most of them. Measured in BENCHMARKS.md; a stale or foreign cache is rejected by V8 and
 * rewritten, an unwritable directory only costs the speed-up.
 *
 * Without the bundle (only `tsc` ran) it runs `bin/continuity.ts` as compiled.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { isAscii } from 'node:buffer';
import Module from 'node:module';
import { basename, dirname, join } from 'node:path';
import { cachedDataVersionTag, setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/** The bundled CLI, relative to this file in `dist/bin/`. */
export const BUNDLE = join(__dirname, '..', 'continuity.bundle.js');

/** Directory of the code caches, next to the bundle. */
export const CACHE_DIR = join(__dirname, '..', '.v8-cache');

type Main = () => Promise<void>;

/** What the entry takes from the CLI (bin/continuity.ts). */
interface Cli {
  readonly main: Main;
  /** Ends the process once its output is written (bin/continuity.ts). */
  readonly exitWhenWritten: () => void;
}

/** A bundle loaded by {@link loadWithCodeCache}. */
export interface LoadedBundle extends Cli {
  /** `used`: V8 took the cached bytecode; `missing` or `rejected`: it is written at exit. */
  readonly cache: 'used' | 'missing' | 'rejected';
}

/**
 * File of the code cache for a command line: one per subcommand, which runs its own code; per
 * Node version and V8 flags (`cachedDataVersionTag`: V8 rejects a cache made under other flags,
 * such as a run with `--turbofan`, so each keeps its own); and per build of the bundle (V8 checks
 * only the source's length, so a rebuilt bundle of the same length must not meet the old cache).
 */
export function cacheFileFor(
  args: readonly string[],
  bundle: string = BUNDLE,
  dir: string = CACHE_DIR,
): string {
  const command = /^[a-z][a-z-]*$/.test(args[0] ?? '') ? (args[0] as string) : 'other';
  const { size, mtimeMs } = statSync(bundle);
  const flags = cachedDataVersionTag();
  return join(dir, `${command}-${process.version}-${flags}-${size}-${Math.round(mtimeMs)}.bin`);
}

/** The build of the bundle a cache file is for: its name's last two fields, `<size>-<mtime>.bin`. */
function buildOf(cacheName: string): string {
  return cacheName.slice(cacheName.lastIndexOf('-', cacheName.lastIndexOf('-') - 1));
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined; // no cache yet: compile from source and write one at exit
  }
}

function writeCache(file: string, data: Buffer): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch {
    // a read-only install: the command still works, only without the cached bytecode
    return;
  }
  // caches of the same command for an older build of the bundle are never read again (those of
  // this build under another Node version or other V8 flags still are)
  const name = basename(file);
  const command = name.slice(0, name.indexOf('-v') + 1);
  const build = buildOf(name);
  for (const other of readdirSync(dirname(file))) {
    if (other.startsWith(command) && other.endsWith('.bin') && buildOf(other) !== build) {
      rmSync(join(dirname(file), other), { force: true });
    }
  }
}

/**
 * The text of `bundle`. The build writes it in ASCII (esbuild escapes other characters and drops
 * comments), which reads as one-byte text without UTF-8 decoding (measured on the bundle of 1.3 MB
 * it once was: 9 ms instead of 13). Anything else is decoded as UTF-8.
 */
function sourceOf(bundle: string): string {
  const bytes = readFileSync(bundle);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * What the CLI bundle requires by a path of its own (`npm run bundle`): a library it needs only
 * on some paths, bundled into its own file so that every run does not read, deserialize and
 * evaluate it. zod (0.6 MB, half of the CLI) validates a spec only once the fast reader found it
 * invalid, and a business impact analysis; yaml (0.17 MB) reads YAML specs and templates. Kept
 * out of the CLI's bundle, a check of 402 resources from JSON takes 16-20 ms and 860 page faults
 * less (paired medians of 25), and one with a YAML spec no more.
 */
const VENDORED = /^\.\/vendor\/[a-z-]+\.js$/;

/**
 * The cache file of a vendored library, beside the bundle's cache of the same command and build:
 * `check-v20…bin` -> `check.zod-v20…bin` (its own command prefix, so writing either cache never
 * removes the other).
 */
function vendorCacheFile(cacheFile: string, library: string): string {
  const name = basename(cacheFile);
  const dash = name.indexOf('-');
  const command = dash < 0 ? name : name.slice(0, dash);
  return join(dirname(cacheFile), `${command}.${library}${dash < 0 ? '' : name.slice(dash)}`);
}

/**
 * Runs the CommonJS file `file` through `vm.Script` with the cached bytecode in `cacheFile`,
 * `require` resolving from `file`, and writes a fresh cache at exit when there was none or V8
 * rejected it and `completeRun` says the run compiled what the next one will need. Returns the
 * module's exports and what became of the cache.
 */
function runWithCodeCache(
  file: string,
  cacheFile: string,
  require: NodeJS.Require,
  completeRun: (exitCode: number) => boolean,
): { exports: unknown; cache: LoadedBundle['cache'] } {
  const cachedData = readCache(cacheFile);
  const script = new Script(Module.wrap(sourceOf(file).replace(/^#!.*/, '')), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const cache =
    cachedData === undefined ? 'missing' : script.cachedDataRejected === true ? 'rejected' : 'used';
  if (cache !== 'used') {
    process.once('exit', (code) => {
      if (completeRun(code)) {
        writeCache(cacheFile, script.createCachedData());
      }
    });
  }
  const loaded = new Module(file, module);
  loaded.filename = file;
  loaded.paths = (
    Module as unknown as { _nodeModulePaths(dir: string): string[] }
  )._nodeModulePaths(dirname(file));
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(loaded.exports, loaded.exports, require, loaded, file, dirname(file));
  return { exports: loaded.exports, cache };
}

/**
 * The `require` of the bundle: Node's, except that a {@link VENDORED} library is run from its
 * file next to the bundle, once, with a code cache of its own.
 */
function bundleRequire(bundle: string, cacheFile: string): NodeJS.Require {
  const nodeRequire = Module.createRequire(bundle);
  const vendored = new Map<string, unknown>();
  const require = (id: string): unknown => {
    if (!VENDORED.test(id)) {
      return nodeRequire(id);
    }
    if (!vendored.has(id)) {
      const file = join(dirname(bundle), id);
      const library = basename(file, '.js');
      const own = Module.createRequire(file);
      // loaded on first use, then used through (an invalid spec's issues, exit 2, are zod's
      // whole work), so any exit but a crash leaves a cache worth keeping
      const { exports } = runWithCodeCache(
        file,
        vendorCacheFile(cacheFile, library),
        own,
        (code) => code >= 0 && code <= 2,
      );
      vendored.set(id, exports);
    }
    return vendored.get(id);
  };
  return Object.assign(require, nodeRequire) as NodeJS.Require;
}

/**
 * Loads `bundle` as a CommonJS module through `vm.Script` with the cached bytecode in
 * `cacheFile`, and writes a fresh cache at exit when there was none or V8 rejected it. The
 * libraries it keeps in files of their own ({@link VENDORED}) get the same treatment when the
 * command first needs them.
 */
export function loadWithCodeCache(bundle: string, cacheFile: string): LoadedBundle {
  const { exports, cache } = runWithCodeCache(
    bundle,
    cacheFile,
    bundleRequire(bundle, cacheFile),
    // only a run that went all the way (met or not met) has compiled what the command needs; a
    // usage error (exit 2) would leave a cache without most of it
    (code) => code === 0 || code === 1,
  );
  const { main, exitWhenWritten } = exports as Cli;
  return { main, exitWhenWritten, cache };
}

/** A V8 flag the CLI sets for its own process, unless the user made that choice themselves. */
interface OwnFlag {
  /** The flag, as `setFlagsFromString` takes it. */
  readonly flag: string;
  /** Matches the name of a flag (`--name`, dashes for underscores, no `=value`) by which the user chose the same setting. */
  readonly chosenBy: RegExp;
}

/**
 * The V8 flags the CLI sets for its own process. A command runs for about a second over many
 * functions, each called a few thousand times, and most of what it allocates lives to the end
 * (templates, inventory, assessment, report). Measured in BENCHMARKS.md and the README.
 */
const OWN_FLAGS: readonly OwnFlag[] = [
  {
    // V8's optimizing compiler spends more on compiling those functions than the optimized code
    // saves in that time, so the CLI runs on bytecode and baseline (Sparkplug) code (check suite:
    // 26% faster at 10,002 resources; the two break even at about 40,000)
    flag: '--no-turbofan',
    chosenBy: /^--(no-)?(turbofan|opt|max-opt|maglev)$/,
  },
  {
    // V8 doubles its young generation, up to 2 x 16 MB, whenever most of it survives a scavenge,
    // which it always does here; every page of the bigger semi-spaces is fresh memory the process
    // must fault in. Kept at its starting size, a check of 4,002 / 10,002 resources takes 10-25%
    // less time and 25-30 MB less memory (check suite: *check with V8's young generation*)
    flag: '--semi-space-growth-factor=1',
    chosenBy: /^--(semi-space-growth-factor|min-semi-space-size|max-semi-space-size)$/,
  },
];

/**
 * The V8 flags the CLI sets for its own process ({@link OWN_FLAGS}): `--no-turbofan` and
 * `--semi-space-growth-factor=1`, each unless a flag on node's command line or in
 * `NODE_OPTIONS` chose the same setting (`--turbofan`, `--opt`, `--max-opt`, `--maglev`;
 * `--max-semi-space-size`, `--min-semi-space-size`, `--semi-space-growth-factor`; V8 spells
 * them with `-` or `_`).
 */
export function ownV8Flags(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)]
    .filter((arg) => arg.startsWith('--'))
    .map((arg) => `--${arg.slice(2).split('=')[0].replace(/_/g, '-')}`);
  return OWN_FLAGS.filter(({ chosenBy }) => !given.some((arg) => chosenBy.test(arg))).map(
    ({ flag }) => flag,
  );
}

function load(): Cli {
  if (existsSync(BUNDLE)) {
    return loadWithCodeCache(BUNDLE, cacheFileFor(process.argv.slice(2)));
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./continuity') as Cli;
}

if (require.main === module) {
  for (const flag of ownV8Flags(process.execArgv, process.env.NODE_OPTIONS)) {
    setFlagsFromString(flag);
  }
  const cli = load();
  void cli.main().then(() => cli.exitWhenWritten());
}
