import { fixture, run } from './cli-harness';

// Loading the core and reading templates can take seconds on a busy CI machine.
jest.setTimeout(30_000);

describe('continuity plan', () => {
  test('prints the plan and predicted objectives, exit 0 when the tier can be met', async () => {
    // GIVEN
    const args = ['plan', '--spec', fixture('spec.yaml'), '--today', '2026-11-21'];
    // WHEN
    const out = await run(args);
    // THEN
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^continuity plan: primary us-east-1, recovery us-west-2/);
    expect(out.stdout).toContain('tier relaxed');
    expect(out.stdout).toMatch(/service orders \(relaxed\): \S+/);
    expect(out.stdout).toMatch(/orders\s+relaxed\s+application\s+1d \/ \S+ ✓/);
    expect(out.stdout).toMatch(/RPO \S+ = /);
  });

  test('prints the plan object as JSON', async () => {
    // GIVEN
    const args = ['plan', '--spec', fixture('spec.yaml'), '--format', 'json'];
    // WHEN
    const out = await run(args);
    // THEN
    const plan = JSON.parse(out.stdout);
    expect(plan.regions).toEqual({ primary: 'us-east-1', recovery: 'us-west-2' });
    expect(plan.services[0]).toMatchObject({ service: 'orders', tier: 'relaxed' });
    expect(plan.services[0].predicted.application.rtoSeconds).toEqual(expect.any(Number));
  });

  test('prints Markdown with the predicted diagram', async () => {
    // GIVEN
    const args = ['plan', '--spec', fixture('spec.yaml'), '--format', 'markdown'];
    // WHEN
    const out = await run(args);
    // THEN
    expect(out.stdout).toMatch(/^## Continuity plan: us-east-1 → us-west-2/);
    expect(out.stdout).toContain('```mermaid');
  });

  test('exits 1 when a declared objective cannot be met by any plan', async () => {
    // GIVEN: the example spec asks a 1d application RTO of a 4 TB bucket restored from versions
    const args = [
      'plan',
      '--spec',
      'examples/continuity.yaml',
      '--today',
      '2026-11-21',
      '--format',
      'json',
    ];
    // WHEN
    const out = await run(args);
    const findings = JSON.parse(out.stdout).services.flatMap(
      (s: { findings: { rule: string }[] }) => s.findings,
    );
    // THEN
    expect(out.exitCode).toBe(
      findings.some((f: { severity: string }) => f.severity === 'error') ? 1 : 0,
    );
  });

  test('fails with exit 2 on an invalid spec', async () => {
    // GIVEN
    const args = ['plan', '--spec', 'examples/specs/invalid.yaml'];
    // WHEN
    const out = await run(args);
    // THEN
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/^error: examples\/specs\/invalid\.yaml:\d+:\d+ /);
  });
});
