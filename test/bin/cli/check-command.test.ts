import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { checkArgs, context, fixture, run } from './cli-harness';
import { runCheck } from '../../../bin/cli/check-command';
import { sarifValidator } from '../../lib/report/sarif-schema';
import { InputError } from '../../../lib/model/input-error';
import { METADATA_SPEC_KEY, METADATA_SPEC_REF_KEY } from '../../../lib/model';
import { specDigest } from '../../../lib/spec';

// Loading the core and reading templates can take seconds on a busy CI machine.
jest.setTimeout(30_000);

const ANSI = /\u001b\[[0-9;]*m/;

describe('continuity check (in-process)', () => {
  test('exits 0 with a text table when every objective is met', async () => {
    // GIVEN
    const args = checkArgs('compliant.template.json');
    // WHEN
    const out = await run(args);
    // THEN
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^continuity check: the service meets its objectives/);
    expect(out.stdout).toMatch(/orders\s+relaxed\s+application\s+1d \/ \S+ ✓/);
    expect(out.stderr).toBe('');
  });

  test('exits 1 and names the rule and fix when an objective is not met', async () => {
    // GIVEN
    const args = checkArgs('noncompliant.template.yaml');
    // WHEN
    const out = await run(args);
    // THEN
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toMatch(/application\s+1d \/ none ✗/);
    expect(out.stdout).toContain('error RR-OBJ1');
    expect(out.stdout).toContain('fix: ');
  });

  test.each([
    [
      'json',
      (s: string) =>
        expect(JSON.parse(s)).toMatchObject({ met: false, services: [{ name: 'orders' }] }),
    ],
    [
      'markdown',
      (s: string) =>
        expect(s).toMatch(/^## ❌ Continuity check[\s\S]*```mermaid[\s\S]*class s0 unmet/),
    ],
    ['sarif', (s: string) => expect(JSON.parse(s).runs[0].results[0].ruleId).toBe('RR-OBJ1')],
    ['junit', (s: string) => expect(XMLValidator.validate(s)).toBe(true)],
    ['text', (s: string) => expect(s).toContain('NOT MET')],
  ])('renders --format %s', async (format, assertReport) => {
    // GIVEN
    const args = checkArgs('noncompliant.template.yaml', '--format', format);
    // WHEN
    const out = await run(args);
    // THEN
    expect(out.exitCode).toBe(1);
    assertReport(out.stdout);
  });

  test('SARIF with the real rule catalogue validates against the official schema', async () => {
    // GIVEN
    const args = checkArgs('noncompliant.template.yaml', '--format', 'sarif');
    // WHEN
    const out = await run(args);
    // THEN
    const validate = sarifValidator();
    const valid = validate(JSON.parse(out.stdout));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(JSON.parse(out.stdout).runs[0].tool.driver.rules.length).toBeGreaterThan(5);
  });

  test('SARIF results point at the template file relative to the working directory', async () => {
    // GIVEN
    const args = checkArgs('noncompliant.template.yaml', '--format', 'sarif');
    // WHEN
    const out = await run(args);
    // THEN
    const result = JSON.parse(out.stdout).runs[0].results[0];
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'test/bin/fixtures/noncompliant.template.yaml',
    );
    expect(result.locations[0].logicalLocations[0].name).toBe('OrdersTable');
    // `OrdersTable:` is on line 4 of the fixture
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 4 });
  });

  test('writes the report to --output and prints a one-line summary', async () => {
    // GIVEN
    const dir = mkdtempSync(path.join(tmpdir(), 'continuity-'));
    const file = path.join(dir, 'reports', 'continuity.json');
    // WHEN
    const out = await run(
      checkArgs('noncompliant.template.yaml', '--format', 'json', '--output', file),
    );
    // THEN
    expect(out.exitCode).toBe(1);
    expect(JSON.parse(readFileSync(file, 'utf8')).met).toBe(false);
    expect(out.stdout).toBe(`1 of 1 service misses its objectives; report written to ${file}\n`);
  });

  test.each(['json', 'sarif'])(
    'streams the %s report to the process stdout, byte for byte what it returns whole',
    async (format) => {
      // GIVEN a context that can write to stdout as the installed command's does
      const args = checkArgs('noncompliant.template.yaml', '--format', format);
      const written: string[] = [];
      // WHEN run with it and without it
      const streamed = await run(args, { writeStdout: (text) => written.push(text) });
      const whole = await run(args);
      // THEN the report went to the writer, and its text is that of the report returned whole
      expect(streamed.exitCode).toBe(1);
      expect(streamed.stdout).toBe('');
      expect(written.join('')).toBe(whole.stdout);
    },
  );

  test('reads the spec embedded in a cdk.out when --spec is not given', async () => {
    // GIVEN
    const args = ['check', fixture('assembly'), '--today', '2026-11-21', '--format', 'json'];
    // WHEN
    const out = await run(args);
    // THEN
    expect(out.stderr).toBe('');
    expect(out.exitCode).toBe(0);
    expect(JSON.parse(out.stdout).services[0]).toMatchObject({ name: 'orders', met: true });
  });

  describe('with the spec embedded in one stack and pointed to from another', () => {
    /** A cdk.out of the fixture's ShopPrimary and a stack pointing to it with `sha256`. */
    function assemblyWithReference(sha256: string): string {
      const dir = mkdtempSync(path.join(tmpdir(), 'spec-ref-'));
      const primary = readFileSync(fixture('assembly/ShopPrimary.template.json'), 'utf8');
      writeFileSync(path.join(dir, 'ShopPrimary.template.json'), primary);
      const pointer = { stack: 'ShopPrimary', sha256 };
      const recovery = { Metadata: { [METADATA_SPEC_REF_KEY]: pointer }, Resources: {} };
      writeFileSync(path.join(dir, 'ShopRecovery.template.json'), JSON.stringify(recovery));
      const stackArtifact = (name: string, region: string) => ({
        type: 'aws:cloudformation:stack',
        environment: `aws://123456789012/${region}`,
        properties: { templateFile: `${name}.template.json` },
      });
      const manifest = {
        version: '48.0.0',
        artifacts: {
          ShopRecovery: stackArtifact('ShopRecovery', 'us-west-2'),
          ShopPrimary: stackArtifact('ShopPrimary', 'us-east-1'),
        },
      };
      writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
      return dir;
    }
    /** The spec the fixture's ShopPrimary embeds. */
    const fixtureSpec = (): unknown =>
      (
        JSON.parse(readFileSync(fixture('assembly/ShopPrimary.template.json'), 'utf8')) as {
          Metadata: Record<string, unknown>;
        }
      ).Metadata[METADATA_SPEC_KEY];

    test('reads the spec of the whole cdk.out, with no warning when the digest matches', async () => {
      // GIVEN
      const dir = assemblyWithReference(specDigest(fixtureSpec()));
      // WHEN
      const out = await run(['check', dir, '--today', '2026-11-21', '--format', 'json']);
      // THEN
      expect(out.stderr).toBe('');
      expect(out.exitCode).toBe(0);
      expect(JSON.parse(out.stdout).services[0]).toMatchObject({ name: 'orders', met: true });
    });

    test('warns when a stack points to a spec with another digest (built from another spec)', async () => {
      // GIVEN
      const dir = assemblyWithReference('0'.repeat(64));
      // WHEN
      const out = await run(['check', dir, '--today', '2026-11-21', '--format', 'json']);
      // THEN
      expect(out.exitCode).toBe(0);
      expect(out.stderr).toBe(
        'warning: stacks ShopPrimary, ShopRecovery embed different specs; using the one of ' +
          'ShopPrimary; pass --spec to choose\n',
      );
    });

    test('exits 2 naming the stack that holds the spec when only the pointing template is read', async () => {
      // GIVEN
      const dir = assemblyWithReference('0'.repeat(64));
      // WHEN
      const out = await run(['check', path.join(dir, 'ShopRecovery.template.json')]);
      // THEN
      expect(out.exitCode).toBe(2);
      expect(out.stderr).toBe(
        'error: --spec: no continuity spec: stack ShopRecovery points to the spec embedded in ' +
          'stack ShopPrimary (ContinuityKit::SpecRef), which was not read: read the whole ' +
          'cdk.out, or include the template of ShopPrimary, which holds ContinuityKit::Spec; ' +
          'or pass --spec FILE\n',
      );
    });
  });

  test('colours the text on a terminal, and not when NO_COLOR is set', async () => {
    // GIVEN
    const args = checkArgs('compliant.template.json');
    // WHEN
    const tty = await run(args, { isTty: true });
    const noColor = await run(args, { isTty: true, env: { NO_COLOR: '1' } });
    const forced = await run([...args, '--color']);
    // THEN
    expect(tty.stdout).toMatch(ANSI);
    expect(noColor.stdout).not.toMatch(ANSI);
    expect(forced.stdout).toMatch(ANSI);
  });

  test('prints GitHub annotations when GITHUB_ACTIONS=true, on stderr when stdout is JSON', async () => {
    // GIVEN
    const env = { GITHUB_ACTIONS: 'true' };
    // WHEN
    const text = await run(checkArgs('noncompliant.template.yaml'), { env });
    const json = await run(checkArgs('noncompliant.template.yaml', '--format', 'json'), { env });
    // THEN
    expect(text.stdout).toMatch(
      /^::error file=test\/bin\/fixtures\/noncompliant.template.yaml,line=4,title=RR-OBJ1 /m,
    );
    expect(json.stderr).toMatch(/^::error file=/m);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });

  test('prints no annotations outside GitHub Actions, or with --no-annotations', async () => {
    // GIVEN
    const args = checkArgs('noncompliant.template.yaml');
    // WHEN
    const outside = await run(args);
    const disabled = await run([...args, '--no-annotations'], { env: { GITHUB_ACTIONS: 'true' } });
    const forced = await run([...args, '--annotations']);
    // THEN
    expect(outside.stdout).not.toContain('::error');
    expect(disabled.stdout).not.toContain('::error');
    expect(forced.stdout).toContain('::error');
  });

  describe('bad input exits 2 with one clear line per issue', () => {
    test.each([
      [
        'a missing template',
        [fixture('nope.template.json'), '--spec', fixture('spec.yaml')],
        /^error: .*nope\.template\.json: no such file or directory; pass CloudFormation/,
      ],
      [
        'a template that is not valid JSON',
        [fixture('broken.template.json'), '--spec', fixture('spec.yaml')],
        /^error: .*broken\.template\.json:1:\d+: invalid JSON/,
      ],
      [
        'a missing spec file',
        [fixture('compliant.template.json'), '--spec', fixture('nope.yaml')],
        /^error: .*nope\.yaml: cannot read the spec file/,
      ],
      [
        'no spec anywhere',
        [fixture('compliant.template.json')],
        /^error: --spec: no continuity spec: pass --spec FILE/,
      ],
      [
        'a bad --today',
        [
          fixture('compliant.template.json'),
          '--spec',
          fixture('spec.yaml'),
          '--today',
          '2026-02-30',
        ],
        /^error: --today: expected a date as YYYY-MM-DD, received '2026-02-30'/,
      ],
      [
        'an unknown format',
        ['--format', 'xml'],
        /argument 'xml' is invalid. Allowed choices are text, json, markdown, sarif, junit/,
      ],
      ['an unknown option', ['--bogus'], /^error: unknown option '--bogus'/],
    ])('fails on %s', async (_case, args, message) => {
      // GIVEN
      const argv = ['check', ...args];
      // WHEN
      const out = await run(argv);
      // THEN
      expect(out.exitCode).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(message);
      expect(out.stderr).not.toMatch(/\n\s+at /);
    });

    test('fails on an invalid spec, listing every issue', async () => {
      // GIVEN
      const args = checkArgs('compliant.template.json').map((a) =>
        a.endsWith('spec.yaml') ? fixture('bad-spec.yaml') : a,
      );
      // WHEN
      const out = await run(args);
      // THEN
      expect(out.exitCode).toBe(2);
      const lines = out.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^error: .*bad-spec\.yaml:\d+:\d+ regions\.recovery: /);
      expect(lines[1]).toMatch(
        /^error: .*bad-spec\.yaml:\d+:\d+ services\[0\]\.tier: unknown tier 'titanium'/,
      );
    });

    test('fails with a hint to run cdk synth when there is no cdk.out and no path', async () => {
      // GIVEN
      const cwd = mkdtempSync(path.join(tmpdir(), 'continuity-empty-'));
      // WHEN
      const out = await run(['check'], { cwd });
      // THEN
      expect(out.exitCode).toBe(2);
      expect(out.stderr).toMatch(
        /^error: cdk.out: no cdk.out directory here; run `cdk synth` first/,
      );
    });
  });

  test('runCheck throws InputError, for callers that handle errors themselves', () => {
    // GIVEN
    const options = { spec: fixture('spec.yaml') };
    // WHEN
    const check = () => runCheck([fixture('nope.json')], options, context());
    // THEN
    expect(check).toThrow(InputError);
  });
});
