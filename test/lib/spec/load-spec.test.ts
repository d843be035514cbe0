import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { COMPUTE_KINDS, STORE_KINDS, isInputError } from '../../../lib/model';
import type { InputIssue } from '../../../lib/model';
import { loadSpec } from '../../../lib/spec';
import { looserDisruptions } from '../../../lib/tiers';
import { NOW } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'continuity-spec-'));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function issuesOf(file: string): InputIssue[] {
  try {
    loadSpec(file, { now: NOW });
  } catch (error) {
    if (isInputError(error)) {
      return [...error.issues];
    }
    throw error;
  }
  throw new Error(`expected ${file} to be rejected`);
}

const MINIMAL_YAML = `regions: { primary: us-east-1, recovery: us-west-2 }
services:
  - name: orders
    tier: gold
    owner: team-orders
    reviewedOn: 2026-10-01
`;

describe('loadSpec', () => {
  it('loads the example shop: every store and compute kind, dependencies on equal or stricter tiers', () => {
    // GIVEN the example spec used by the CDK app and the Pulumi program
    // WHEN
    const spec = loadSpec('examples/continuity.yaml', { now: NOW });
    // THEN
    const kinds = new Set(spec.services.flatMap((s) => s.resources.map((r) => r.kind)));
    expect([...kinds].sort()).toEqual([...STORE_KINDS, ...COMPUTE_KINDS].sort());
    expect(spec.services.length).toBeGreaterThanOrEqual(6);
    expect(new Set(spec.services.map((s) => s.tier))).toEqual(
      new Set(['platinum', 'gold', 'silver', 'bronze', 'silver-files']),
    );
    for (const service of spec.services) {
      for (const dependency of service.dependsOn) {
        const other = spec.services.find((s) => s.name === dependency)!;
        expect(looserDisruptions(spec.tiers[other.tier], spec.tiers[service.tier])).toEqual([]);
      }
      for (const resource of service.resources) {
        expect(resource.logicalId).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      }
    }
    expect(
      spec.services.filter((s) =>
        s.resources.some((r) => (COMPUTE_KINDS as readonly string[]).includes(r.kind)),
      ).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('loads JSON by extension', () => {
    // GIVEN / WHEN
    const spec = loadSpec('examples/specs/minimal.json', { now: NOW });
    // THEN
    expect(spec.services[0].resources).toEqual([
      { kind: 'dynamodb', logicalId: 'OrdersTable', sizeGiB: 20 },
    ]);
  });

  it('reads unquoted YAML dates as dates', () => {
    // GIVEN a YAML file with `reviewedOn: 2026-10-01` unquoted
    const file = write('continuity.yml', MINIMAL_YAML);
    // WHEN
    const spec = loadSpec(file, { now: NOW });
    // THEN
    expect(spec.services[0].reviewedOn).toBe('2026-10-01');
  });

  it('sniffs JSON and YAML content when the extension says nothing', () => {
    // GIVEN the same spec as JSON and YAML in files without a known extension
    const json = write(
      'spec.txt',
      JSON.stringify({ regions: { primary: 'us-east-1', recovery: 'us-west-2' }, services: [] }),
    );
    const yaml = write('spec.conf', MINIMAL_YAML);
    // WHEN / THEN
    expect(loadSpec(json, { now: NOW }).services).toEqual([]);
    expect(loadSpec(yaml, { now: NOW }).services[0].name).toBe('orders');
  });

  it('fails on a missing file, naming it and the fix', () => {
    // GIVEN / WHEN
    const issues = issuesOf(join(dir, 'nope.yaml'));
    // THEN
    expect(issues).toEqual([
      {
        path: join(dir, 'nope.yaml'),
        message: expect.stringMatching(
          /cannot read the spec file \(no such file\); check the path/,
        ),
      },
    ]);
  });

  it('fails on a YAML syntax error with line and column', () => {
    // GIVEN a bad indentation on line 3
    const file = write('broken.yaml', 'regions:\n  primary: us-east-1\n recovery: [us-west-2\n');
    // WHEN
    const issues = issuesOf(file);
    // THEN
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0].path).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:\\d+:\\d+$`));
    expect(issues[0].message).toMatch(/^invalid YAML: .*; fix the file at this line$/);
  });

  it('fails on a duplicate YAML key at its line', () => {
    // GIVEN `services` twice, the second on line 3
    const file = write(
      'dup.yaml',
      'regions: { primary: us-east-1, recovery: us-west-2 }\nservices: []\nservices: []\n',
    );
    // WHEN
    const issues = issuesOf(file);
    // THEN
    expect(issues[0].path).toBe(`${file}:3:1`);
    expect(issues[0].message).toMatch(/invalid YAML: map keys must be unique/);
  });

  it('fails on a JSON syntax error with line and column', () => {
    // GIVEN a trailing comma on line 2
    const file = write('broken.json', '{\n  "services": [],\n}\n');
    // WHEN
    const issues = issuesOf(file);
    // THEN
    expect(issues[0].path).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:3:1$`));
    expect(issues[0].message).toMatch(/^invalid JSON: .*; fix the file at this point$/);
  });

  it('fails on an empty file', () => {
    // GIVEN / WHEN
    const issues = issuesOf(write('empty.yaml', '# nothing yet\n'));
    // THEN
    expect(issues[0].message).toMatch(/the spec file is empty/);
  });

  it('prefixes every issue of the invalid example with file, line and column, in line order', () => {
    // GIVEN the invalid example
    // WHEN
    const issues = issuesOf('examples/specs/invalid.yaml');
    // THEN
    const where = (path: string): string | undefined =>
      issues.find((i) => i.path.endsWith(` ${path}`))?.path;
    expect(where('regions.primary')).toBe('examples/specs/invalid.yaml:4:3 regions.primary');
    expect(where('tiers.gold-eu.region.rpo')).toBe(
      'examples/specs/invalid.yaml:9:24 tiers.gold-eu.region.rpo',
    );
    expect(where('services[0].tier')).toBe('examples/specs/invalid.yaml:13:5 services[0].tier');
    expect(where('services[0].resources[0].kind')).toBe(
      'examples/specs/invalid.yaml:17:11 services[0].resources[0].kind',
    );
    expect(where('services[1].reviewedOn')).toBe(
      'examples/specs/invalid.yaml:23:5 services[1].reviewedOn',
    );
    expect(where('suppressions[0].reason')).toBe(
      'examples/specs/invalid.yaml:28:5 suppressions[0].reason',
    );
    expect(
      issues.some((i) => /dependency cycle orders -> payments -> orders/.test(i.message)),
    ).toBe(true);
    const lines = issues.map((i) => Number(/:(\d+):/.exec(i.path)![1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('locates a missing key at its parent', () => {
    // GIVEN a service without owner, starting on line 3
    const file = write(
      'no-owner.yaml',
      'regions: { primary: us-east-1, recovery: us-west-2 }\nservices:\n  - name: orders\n    tier: gold\n',
    );
    // WHEN
    const issues = issuesOf(file);
    // THEN
    expect(issues).toEqual([
      { path: `${file}:3:5 services[0].owner`, message: expect.stringMatching(/is required/) },
    ]);
  });
});
