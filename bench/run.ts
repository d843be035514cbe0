import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkSuite } from './check-suite';
import { describeMachine } from './machine';
import { nagSuite } from './nag-suite';
import { pulumiSuite } from './pulumi-suite';
import { renderReport, suitePassed } from './report';
import { synthSuite } from './synth-suite';
import type { Suite, SuiteResult } from './suite';

/** Every suite, in report order. */
export const SUITES: readonly Suite[] = [checkSuite, synthSuite, nagSuite, pulumiSuite];

/** Parsed command line of `node dist/bench/run.js`. */
export interface RunArgs {
  readonly quick: boolean;
  readonly only?: string;
  /** Where to write the report. */
  readonly output: string;
}

/** Parses `--quick`, `--only <suite>` and `--output <file>`. */
export function parseArgs(argv: readonly string[], root: string): RunArgs {
  let quick = false;
  let only: string | undefined;
  let output = join(root, 'BENCHMARKS.md');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') {
      quick = true;
    } else if (arg === '--only') {
      only = argv[++i];
      if (!SUITES.some((s) => s.name === only)) {
        throw new Error(
          `--only got '${only}'; pass one of ${SUITES.map((s) => s.name).join(', ')}`,
        );
      }
    } else if (arg === '--output') {
      output = resolve(argv[++i] ?? '');
    } else {
      throw new Error(`unknown argument '${arg}'; use --quick, --only <suite> or --output <file>`);
    }
  }
  return { quick, only, output };
}

function main(): void {
  // dist/bench/run.js → repository root
  const root = resolve(__dirname, '..', '..');
  const args = parseArgs(process.argv.slice(2), root);
  const machine = describeMachine();
  const workDir = mkdtempSync(join(tmpdir(), 'ck-bench-'));
  const started = Date.now();
  const log = (message: string): void => {
    process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}\n`);
  };
  const results: SuiteResult[] = [];
  try {
    for (const suite of SUITES.filter((s) => args.only === undefined || s.name === args.only)) {
      log(`suite ${suite.name}`);
      const dir = join(workDir, suite.name);
      try {
        results.push(suite.run({ quick: args.quick, workDir: dir, root, log }));
      } catch (error) {
        // one broken suite must not lose the others' results
        const message = (error as Error).message.split('\n')[0] ?? '';
        log(`suite ${suite.name} failed: ${message}`);
        results.push({
          name: suite.name,
          title: `${suite.name} (did not complete)`,
          description: '',
          rows: [],
          notes: [],
          checks: [{ what: `the suite stopped with: ${message.slice(0, 400)}`, pass: false }],
        });
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  const report = renderReport(results, {
    machine,
    date: new Date().toISOString().slice(0, 10),
    quick: args.quick,
    loadAtEnd: loadavg()[0] ?? Number.NaN,
    durationMs: Date.now() - started,
  });
  writeFileSync(args.output, report);
  log(`wrote ${args.output}`);
  for (const r of results) {
    log(`${r.name}: ${suitePassed(r) ? 'pass' : 'FAIL'}`);
  }
}

if (require.main === module) {
  main();
}
