import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { registerRecommend, runRecommend } from '../../../bin/cli/recommend';
import { runCli } from '../../../bin/cli/run-cli';
import type { CliContext } from '../../../bin/cli/cli-context';

const CONTEXT: CliContext = { cwd: process.cwd(), env: {}, isTty: false };
const EXAMPLE = [
  '--bia',
  'examples/bia.yaml',
  '--spec',
  'examples/continuity.yaml',
  '--today',
  '2026-11-21',
];

function run(args: readonly string[]) {
  return runCli(['recommend', ...args], CONTEXT, [registerRecommend]);
}

describe('continuity recommend', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'continuity-recommend-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('recommends a tier per example service and flags declared tiers (exit 1 when under-provisioned)', async () => {
    // GIVEN / WHEN
    const result = await run([...EXAMPLE, '--format', 'json']);
    // THEN
    expect(result.exitCode).toBe(1);
    const { currency, services } = JSON.parse(result.stdout) as {
      currency: string;
      services: {
        service: string;
        best?: { tier: string };
        declared?: { tier: string; flag: string };
      }[];
    };
    expect(currency).toBe('USD');
    const flags = Object.fromEntries(
      services.map((s) => [s.service, `${s.declared?.tier}:${s.declared?.flag}`]),
    );
    expect(flags).toEqual({
      payments: 'platinum:ok',
      orders: 'gold:under-provisioned',
      search: 'silver:over-provisioned',
      catalog: 'silver:under-provisioned',
      documents: 'silver-files:ok',
      reporting: 'bronze:ok',
      // 800 GiB of media: silver-files' extra storage costs less than the downtime it saves
      media: 'bronze:under-provisioned',
    });
    expect(services.find((s) => s.service === 'search')?.best?.tier).toBe('silver-files');
  });

  test('prints a text table with the recommended tier, runner-up, costs and flag', async () => {
    // GIVEN / WHEN
    const result = await run(EXAMPLE);
    // THEN
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^service\s+recommended\s+expected cost\/yr\s+runner-up\s+expected cost\/yr\s+declared\s+flag$/,
    );
    expect(lines.find((l) => l.startsWith('search'))).toMatch(
      /^search\s+silver-files\s+[\d,]+\s+silver\s+[\d,]+\s+silver\s+over-provisioned$/,
    );
    expect(result.stdout).toMatch(
      /gold excluded: application RTO 4h exceeds the maximum outage 2h/,
    );
  });

  test('renders Markdown with the running cost lines of the best tier', async () => {
    // GIVEN / WHEN
    const result = await run([...EXAMPLE, '--format', 'markdown']);
    // THEN
    expect(result.stdout).toMatch(/^# Tier recommendations/);
    expect(result.stdout).toContain(
      '| service | recommended | expected cost/yr | runner-up | expected cost/yr | declared | flag |',
    );
    expect(result.stdout).toMatch(
      /- backup storage \(aurora 120 GiB\): [\d,]+ \(120 GiB × \(1 \+ 0\.02 × 35 d\)/,
    );
  });

  test('uses the built-in tiers and the BIA tier fields without a spec (exit 0 when nothing is under-provisioned)', () => {
    // GIVEN
    const bia = join(dir, 'bia.yaml');
    writeFileSync(
      bia,
      'services:\n  wiki: { tier: platinum, downtimeCostPerHour: 10, dataLossCostPerHour: 10, computeCostPerMonth: 1000 }\n',
    );
    // WHEN
    const result = runRecommend({ bia, format: 'json' }, CONTEXT);
    // THEN
    expect(result.exitCode).toBe(0);
    const wiki = JSON.parse(result.stdout).services[0];
    expect(wiki.evaluations.map((e: { tier: string }) => e.tier).sort()).toEqual([
      'bronze',
      'gold',
      'platinum',
      'silver',
    ]);
    expect(wiki.declared.flag).toBe('over-provisioned');
  });

  test('writes to --output and prints a summary', () => {
    // GIVEN
    const output = join(dir, 'out', 'recommendations.md');
    // WHEN
    const result = runRecommend(
      {
        bia: 'examples/bia.yaml',
        spec: 'examples/continuity.yaml',
        today: '2026-11-21',
        format: 'markdown',
        output,
      },
      CONTEXT,
    );
    // THEN
    expect(result.stdout).toMatch(
      /^recommend: 7 services, 3 under-provisioned; report written to /,
    );
    expect(readFileSync(output, 'utf8')).toMatch(/^# Tier recommendations/);
  });

  test('fails with exit 2 and the path of each problem in a bad BIA', async () => {
    // GIVEN
    const bia = join(dir, 'bad.yaml');
    writeFileSync(
      bia,
      'services:\n  payments: { downtimeCostPerHour: -5, dataLossCostPerHour: 1, maxOutage: soon }\n',
    );
    // WHEN
    const result = await run(['--bia', bia]);
    // THEN
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /services\.payments\.downtimeCostPerHour: must be zero or more, received -5/,
    );
    expect(result.stderr).toMatch(/services\.payments\.maxOutage: .*'soon'/);
    expect(result.stdout).toBe('');
  });

  test('fails with exit 2 when a BIA service is not in the spec', async () => {
    // GIVEN
    const bia = join(dir, 'ghost.yaml');
    writeFileSync(
      bia,
      'services:\n  paymnts: { downtimeCostPerHour: 1, dataLossCostPerHour: 1 }\n',
    );
    // WHEN
    const result = await run([
      '--bia',
      bia,
      '--spec',
      'examples/continuity.yaml',
      '--today',
      '2026-11-21',
    ]);
    // THEN
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(
      /services\.paymnts: service 'paymnts' is not in the spec; use one of payments, orders/,
    );
  });

  test('fails with exit 2 without --bia or with a missing file', async () => {
    // GIVEN / WHEN
    const missingOption = await run([]);
    const missingFile = await run(['--bia', join(dir, 'nope.yaml')]);
    // THEN
    expect(missingOption.exitCode).toBe(2);
    expect(missingOption.stderr).toMatch(/--bia/);
    expect(missingFile.exitCode).toBe(2);
    expect(missingFile.stderr).toMatch(
      /cannot read the BIA file \(ENOENT\); check the path given to --bia/,
    );
  });
});
