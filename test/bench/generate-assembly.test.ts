import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchSpec, generateAssembly } from '../../bench/generate-assembly';
import { readInventory } from '../../lib/inventory';
import { parseSpec } from '../../lib/spec';

describe('generateAssembly', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ck-gen-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('writes at least the requested resources, listed in the manifest', () => {
    // GIVEN / WHEN
    const assembly = generateAssembly({ dir, minResources: 300 });
    // THEN
    expect(assembly.resources).toBeGreaterThanOrEqual(300);
    expect(assembly.resources).toBeLessThan(330);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      artifacts: Record<string, { properties: { templateFile: string } }>;
    };
    expect(Object.keys(manifest.artifacts)).toHaveLength(assembly.stacks);
    const counted = Object.values(manifest.artifacts).reduce((sum, a) => {
      const t = JSON.parse(readFileSync(join(dir, a.properties.templateFile), 'utf8')) as {
        Resources: Record<string, unknown>;
      };
      return sum + Object.keys(t.Resources).length;
    }, 0);
    expect(counted).toBe(assembly.resources);
  });

  test('is deterministic', () => {
    // GIVEN
    const other = mkdtempSync(join(tmpdir(), 'ck-gen-'));
    // WHEN
    const a = generateAssembly({ dir, minResources: 150 });
    const b = generateAssembly({ dir: other, minResources: 150 });
    // THEN
    const read = (d: string, f: string): string => readFileSync(join(d, f), 'utf8');
    expect(a.templateFiles.map((f) => read(dir, f.slice(dir.length + 1)))).toEqual(
      b.templateFiles.map((f) => read(other, f.slice(other.length + 1))),
    );
    rmSync(other, { recursive: true, force: true });
  });

  test('its spec is valid and the checker finds every declared store', () => {
    // GIVEN
    const assembly = generateAssembly({ dir, minResources: 200 });
    const spec = parseSpec(JSON.parse(readFileSync(assembly.specFile, 'utf8')), {
      now: new Date('2026-11-21'),
    });
    // WHEN
    const inventory = readInventory([dir], { region: 'us-east-1' });
    // THEN
    expect(spec.services).toHaveLength(assembly.services);
    expect(inventory.stores.filter((s) => s.kind === 'dynamodb')).toHaveLength(assembly.services);
    const replicated = inventory.stores.filter((s) => s.kind === 's3' && s.replicas.length > 0);
    expect(replicated.length).toBeGreaterThan(0);
    expect(replicated.every((s) => s.replicas[0]!.target !== undefined)).toBe(true);
  });

  test('benchSpec leaves compute out on request', () => {
    // GIVEN / WHEN
    const spec = benchSpec(3, false) as { services: { resources: { kind: string }[] }[] };
    // THEN
    expect(spec.services.flatMap((s) => s.resources.map((r) => r.kind))).not.toContain('lambda');
  });
});
