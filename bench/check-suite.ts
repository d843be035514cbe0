import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateAssembly } from './generate-assembly';
import { LOADED_MODULES_ENV } from './load-recorder';
import { runProcess } from './measure';
import { formatMs, logLogSlope, pairedRatio } from './stats';
import { Samples, comparisonRow, interleave } from './suite';
import type { BenchContext, BenchRow, Suite, SuiteResult } from './suite';
import type { GeneratedAssembly } from './generate-assembly';

/** Where `@cdklabs/cdk-validator-cfnguard` ships cfn-guard for this platform, if anywhere. */
export function findCfnGuard(root: string): string | undefined {
  const base = join(root, 'node_modules', '@cdklabs', 'cdk-validator-cfnguard', 'bin');
  const os = process.platform === 'darwin' ? 'macos' : 'ubuntu';
  const arch = process.arch === 'arm64' ? 'aarch64' : 'x86_64';
  const binary = join(base, os, arch, 'cfn-guard');
  return existsSync(binary) ? binary : undefined;
}

/** The packages a `continuity check` must never load. */
const FORBIDDEN_PACKAGES = ['aws-cdk-lib', 'constructs', '@pulumi'];

type Variant = 'floor' | 'check' | 'turbofan' | 'young' | 'guard';

/** The variants run by node, interleaved run by run (cfn-guard runs after all of them). */
const NODE_VARIANTS = ['floor', 'check', 'turbofan', 'young'] as const;

/**
 * Node flags of the variants that run `continuity check` with one of bin/cli.ts's own V8 flags
 * undone: a flag given on node's command line leaves that choice to the user.
 */
const UNDONE_FLAGS: Partial<Record<Variant, string[]>> = {
  // keeps V8's optimizing compiler, which bin/cli.ts otherwise turns off
  turbofan: ['--turbofan'],
  // V8's default: the young generation doubles whenever most of it survives (bin/cli.ts: 1)
  young: ['--semi-space-growth-factor=2'],
};

function checkArgs(root: string, assembly: GeneratedAssembly): string[] {
  return [
    join(root, 'dist', 'bin', 'cli.js'),
    'check',
    assembly.dir,
    '--spec',
    assembly.specFile,
    '--format',
    'json',
    '--output',
    '/dev/null',
    '--today',
    '2026-11-21',
  ];
}

/** Runs `continuity check` once with the load recorder; returns the forbidden modules it loaded. */
function forbiddenModulesLoaded(context: BenchContext, assembly: GeneratedAssembly): string[] {
  const file = join(context.workDir, 'loaded-modules.txt');
  runProcess(
    process.execPath,
    [
      '--require',
      join(context.root, 'dist', 'bench', 'load-recorder.js'),
      ...checkArgs(context.root, assembly),
    ],
    { okExitCodes: [0, 1], env: { [LOADED_MODULES_ENV]: file } },
  );
  const loaded = readFileSync(file, 'utf8').split('\n');
  return loaded.filter((path) =>
    FORBIDDEN_PACKAGES.some((p) => path.includes(`/node_modules/${p}/`)),
  );
}

/**
 * `continuity check` on generated assemblies against the floor (read and `JSON.parse` the
 * same files) and cfn-guard with equivalent rules.
 */
export const checkSuite: Suite = {
  name: 'check',
  run(context: BenchContext): SuiteResult {
    const sizes = context.quick ? [400, 2000] : [400, 4000, 10_000];
    // the floor takes 0.1-0.25 s and moves by a fifth between runs on a busy host: nine runs
    // of each keep the medians steady; cfn-guard, 20 times slower than check, needs fewer
    const repeats = context.quick ? 3 : 9;
    const guardRepeatsFor = (size: number): number => (context.quick ? 2 : size >= 4000 ? 3 : 7);
    const guard = findCfnGuard(context.root);
    const rulesDir = join(context.root, 'bench', 'guard');
    const ruleFiles = readdirSync(rulesDir).filter((f) => f.endsWith('.guard'));
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    const checks: { what: string; pass: boolean }[] = [];
    const points: Record<Variant, { x: number; y: number }[]> = {
      floor: [],
      check: [],
      turbofan: [],
      young: [],
      guard: [],
    };
    let forbidden: string[] = [];
    const measured: {
      size: number;
      assembly: GeneratedAssembly;
      samples: Record<Variant, Samples>;
    }[] = [];
    for (const size of sizes) {
      const assembly = generateAssembly({
        dir: join(context.workDir, `assembly-${size}`),
        minResources: size,
      });
      context.log(
        `check: ${assembly.resources} resources, ${assembly.stacks} stacks, ${assembly.services} services`,
      );
      const samples: Record<Variant, Samples> = {
        floor: new Samples(),
        check: new Samples(),
        turbofan: new Samples(),
        young: new Samples(),
        guard: new Samples(),
      };
      interleave(NODE_VARIANTS, repeats, (variant) => {
        if (variant === 'floor') {
          samples.floor.add(
            runProcess(process.execPath, [
              join(context.root, 'dist', 'bench', 'floor.js'),
              assembly.dir,
              assembly.specFile,
            ]),
          );
        } else {
          // exit 1: some services miss their objectives (the generator plants findings)
          const flags = UNDONE_FLAGS[variant] ?? [];
          samples[variant].add(
            runProcess(process.execPath, [...flags, ...checkArgs(context.root, assembly)], {
              okExitCodes: [0, 1],
            }),
          );
        }
      });
      if (size === sizes[sizes.length - 1]) {
        forbidden = forbiddenModulesLoaded(context, assembly);
      }
      measured.push({ size, assembly, samples });
    }
    // cfn-guard last, after every floor and check run: its process (280 MB and 10-16 s at 10,002
    // resources) slows whatever runs in the seconds after it, and memory-heavy runs the most
    // (measured: a check of 10,002 resources took 0.78 and 0.87 s right after it, 0.57 s before)
    if (guard) {
      for (const { size, assembly, samples } of measured) {
        context.log(`check: cfn-guard on ${assembly.resources} resources`);
        const guardData = assembly.templateFiles.flatMap((f) => ['-d', f]);
        interleave(['guard'], guardRepeatsFor(size), () => {
          // structured JSON to stdout, like `--format json`; exit 19 means some rule failed
          samples.guard.add(
            runProcess(
              guard,
              ['validate', '-r', rulesDir, ...guardData, '-z', '-S', 'none', '-o', 'json'],
              { okExitCodes: [0, 19] },
            ),
          );
        });
      }
    }
    const variants: Variant[] = [...NODE_VARIANTS, ...(guard ? ['guard' as const] : [])];
    for (const { assembly, samples } of measured) {
      const floorMs = samples.floor.runs.map((r) => r.wallMs);
      const checkMs = samples.check.runs.map((r) => r.wallMs);
      rows.push(
        comparisonRow(
          'check vs floor',
          assembly.resources,
          samples.floor,
          samples.check,
          { target: '<= 3x', passes: (ratio) => ratio <= 3 },
          'wallMs',
        ),
      );
      rows.push(
        comparisonRow(
          'check with TurboFan vs without',
          assembly.resources,
          samples.check,
          samples.turbofan,
          { target: '(reported)' },
          'wallMs',
        ),
      );
      rows.push(
        comparisonRow(
          "check with V8's young generation vs ours",
          assembly.resources,
          samples.check,
          samples.young,
          { target: '(reported)' },
          'wallMs',
        ),
      );
      if (guard) {
        rows.push(
          comparisonRow(
            'check vs cfn-guard',
            assembly.resources,
            samples.guard,
            samples.check,
            { target: '< 1x', passes: (ratio) => ratio < 1 },
            'wallMs',
          ),
        );
      }
      notes.push(
        `${assembly.resources} resources (${assembly.stacks} stacks, ${assembly.services} services): ` +
          `median CPU time (user + system) floor ${formatMs(samples.floor.cpuMs)}, check ` +
          `${formatMs(samples.check.cpuMs)} (with TurboFan ${formatMs(samples.turbofan.cpuMs)}, with V8's ` +
          `young generation ${formatMs(samples.young.cpuMs)})` +
          `${guard ? `, cfn-guard ${formatMs(samples.guard.cpuMs)}` : ''}; ` +
          `CPU ratio check/floor ${(samples.check.cpuMs / samples.floor.cpuMs).toFixed(2)}x` +
          (guard
            ? `, check/cfn-guard ${(samples.check.cpuMs / samples.guard.cpuMs).toFixed(2)}x`
            : '') +
          // reported beside the gated ratio of medians: how much of it is the host drifting
          `; each check over the floor run just before it, median ` +
          `${pairedRatio(floorMs, checkMs).toFixed(2)}x; the fastest runs, floor ` +
          `${formatMs(Math.min(...floorMs))} and check ${formatMs(Math.min(...checkMs))}; ` +
          // a wide spread says the host's speed changed during the suite
          `the slowest, floor ${formatMs(Math.max(...floorMs))} and check ` +
          `${formatMs(Math.max(...checkMs))}`,
      );
      for (const v of variants) {
        points[v].push({ x: assembly.resources, y: samples[v].wallMs });
      }
    }
    const slope = logLogSlope(points.check);
    checks.push({
      what: `check grows linearly: log-log slope of time vs resources ${slope.toFixed(2)} (target <= 1.10)`,
      pass: slope <= 1.1,
    });
    notes.push(
      `log-log slope of wall time vs resources: check ${slope.toFixed(2)}, floor ` +
        `${logLogSlope(points.floor).toFixed(2)}` +
        (guard ? `, cfn-guard ${logLogSlope(points.guard).toFixed(2)}` : '') +
        ' (1.00 = linear; at these sizes the fixed start-up cost pulls every slope below 1)',
    );
    checks.push({
      what:
        forbidden.length === 0
          ? '`continuity check` loads no aws-cdk-lib, constructs or @pulumi module (require.cache at exit)'
          : `\`continuity check\` loaded ${forbidden.length} forbidden module(s), e.g. ${forbidden[0]}`,
      pass: forbidden.length === 0,
    });
    if (!guard) {
      notes.push(
        'cfn-guard binary not found under node_modules/@cdklabs/cdk-validator-cfnguard/bin: comparison skipped',
      );
    }
    return {
      name: 'check',
      title: 'Offline check: `continuity check` vs the floor and cfn-guard',
      description: [
        '**Measured**: wall time and peak RSS of one fresh process per run on generated `cdk.out`-like assemblies ' +
          '(manifest.json plus one template per stack; per 10 services a primary stack and a recovery stack) of gold, silver ' +
          'and bronze services, each a DynamoDB global table with point-in-time recovery (off for every seventh service), ' +
          'a versioned S3 bucket replicating to the recovery Region (gold and silver), replication role, alarms, a Lambda ' +
          'function with its role and log group; per stack a KMS key, a backup vault, a backup plan with a copy action and a ' +
          "tag selection per tier that selects the stack's own stores (tier and `continuity:group` tag conditions); and the " +
          'matching spec (`continuity.json`). Until 2026-11-22 the selections had the tier condition only, so every plan ' +
          'selected every store of its tier in the Region (at 10,002 resources each table was backed up by 85 plans), an ' +
          'estate nobody deploys whose cost grows with stacks × stores.',
        '- *ours*: `node dist/bin/cli.js check <dir> --spec <spec> --format json --output /dev/null`, the installed ' +
          '`continuity` command: the CLI bundled by esbuild into one file (zod and yaml bundled apart in `dist/vendor/`, ' +
          'loaded only when needed: not for a valid JSON spec and JSON templates), loaded with the V8 code cache that its first ' +
          "`check` run writes, and run without V8's optimizing compiler, TurboFan, and with V8's young generation kept at its starting size " +
          '(`bin/cli.ts`); the row ' +
          '*check with TurboFan vs without* runs the same command as `node --turbofan dist/bin/cli.js ...` (ratio > 1: ' +
          "TurboFan costs more than it saves); the row *check with V8's young generation vs ours* runs it as " +
          "`node --semi-space-growth-factor=2 dist/bin/cli.js ...`, V8's default, where the young generation doubles " +
          'whenever most of it survives a scavenge (bin/cli.ts keeps it at its starting size; ratio > 1: ours is faster);',
        '- *floor*: `node dist/bench/floor.js <dir> <spec>`, which reads and `JSON.parse`s the manifest, every template and the spec, and does nothing else;',
        `- *cfn-guard* ${guard ? '3.x (the binary inside `@cdklabs/cdk-validator-cfnguard`)' : '(not found)'}: ` +
          `\`cfn-guard validate -r bench/guard -d <each template> -z -S none -o json\` with ${ruleFiles.length} rule files ` +
          `(${ruleFiles.map((f) => `\`${f}\``).join(', ')}): PITR on tables, versioning and replication on buckets, copy actions ` +
          'and retention in backup plans, tag selections, customer-managed keys on vaults. It checks far less than `continuity check`, ' +
          'which computes achieved RTO/RPO per service and runs the whole rule catalogue. Its runs come after all the others, ' +
          'because its large process slows the runs in the seconds after it (a check of 10,002 resources by a third).',
        '**Targets**: check within 3x of the floor; faster than cfn-guard; linear growth; never loads aws-cdk-lib.',
      ].join('\n'),
      rows,
      notes,
      checks,
    };
  },
};
