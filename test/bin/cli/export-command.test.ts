import { parse } from 'yaml';
import { run } from './cli-harness';

const SPEC = 'examples/continuity.yaml';

describe('continuity export resilience-hub (in-process)', () => {
  test('prints a YAML template with a resiliency policy for every tier in use', async () => {
    // WHEN
    const out = await run(['export', 'resilience-hub', '--spec', SPEC]);
    // THEN
    expect(out.exitCode).toBe(0);
    const template = parse(out.stdout) as { Resources: Record<string, { Type: string }> };
    const types = Object.values(template.Resources).map((r) => r.Type);
    expect(types.length).toBeGreaterThanOrEqual(4);
    expect(new Set(types)).toEqual(new Set(['AWS::ResilienceHub::ResiliencyPolicy']));
  });

  test('prints JSON with --format json', async () => {
    // WHEN
    const out = await run([
      'export',
      'resilience-hub',
      '--spec',
      SPEC,
      '--format',
      'json',
      '--tier',
      'gold',
    ]);
    // THEN
    expect(out.exitCode).toBe(0);
    expect(Object.keys(JSON.parse(out.stdout).Resources)).toEqual(['GoldResiliencyPolicy']);
  });

  test('fails with exit 2 naming --tier for an unknown tier', async () => {
    // WHEN
    const out = await run(['export', 'resilience-hub', '--spec', SPEC, '--tier', 'golden']);
    // THEN
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/--tier: unknown tier 'golden'/);
  });

  test('fails with exit 2 when the spec is missing', async () => {
    // WHEN
    const out = await run(['export', 'resilience-hub', '--spec', 'nope.yaml']);
    // THEN
    expect(out.exitCode).toBe(2);
  });
});
