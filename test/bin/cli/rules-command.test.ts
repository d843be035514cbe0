import { run } from './cli-harness';
import { allRules } from '../../../lib/rules';

describe('continuity rules', () => {
  test('prints the catalogue as Markdown by default', async () => {
    // GIVEN
    const args = ['rules'];
    // WHEN
    const out = await run(args);
    // THEN
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^# continuity-kit rules/);
    for (const rule of allRules) {
      expect(out.stdout).toContain(rule.id);
    }
  });

  test('prints the metadata of every rule as JSON', async () => {
    // GIVEN
    const args = ['rules', '--format', 'json'];
    // WHEN
    const out = await run(args);
    // THEN
    const rules = JSON.parse(out.stdout) as { id: string; severity: string; docsUrl: string }[];
    expect(rules.map((r) => r.id)).toEqual(allRules.map((r) => r.id));
    expect(Object.keys(rules[0]).sort()).toEqual(
      ['docsUrl', 'fix', 'id', 'name', 'rationale', 'severity', 'title', 'violation'].sort(),
    );
  });

  test('fails with exit 2 on an unknown format', async () => {
    // GIVEN
    const args = ['rules', '--format', 'yaml'];
    // WHEN
    const out = await run(args);
    // THEN
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/Allowed choices are markdown, json/);
  });
});
