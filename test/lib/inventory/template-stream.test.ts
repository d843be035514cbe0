import fc from 'fast-check';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAssembly } from '../../../bench/generate-assembly';
import { PROPERTIES_KEPT } from '../../../lib/inventory/kept-properties';
import { AssemblyIndex } from '../../../lib/inventory/assembly-index';
import { readInventory, TemplateStream, parseTemplateText } from '../../../lib/inventory';
import type { StackTemplate, TemplateInput } from '../../../lib/inventory';
import { listAssemblyStacks } from '../../../lib/inventory/read-assembly';
import type { Inventory, InventoryEntry } from '../../../lib/model/inventory';
import { byLogicalId, fixture } from './fixtures';

type Source = Omit<TemplateInput, 'template'> & { readonly file: string };

/** The stacks of a cloud assembly, in manifest order, as the stream is given them. */
function stacksOf(dir: string): Source[] {
  return listAssemblyStacks(dir).map((s) => ({ ...s, synthesized: true }));
}

function parse(source: Omit<TemplateInput, 'template'>): unknown {
  const file = source.file as string;
  return parseTemplateText(readFileSync(file, 'utf8'), file);
}

/** Reads `sources` in order through a stream; `reparsed` collects the stacks parsed again. */
function stream(
  sources: readonly Source[],
  options: { readEarly?: boolean; release?: boolean } = {},
): { inventory: Inventory; reparsed: string[] } {
  const reparsed: string[] = [];
  const templates = new TemplateStream({
    readEarly: options.readEarly,
    ...(options.release === false
      ? {}
      : {
          reparse: (input) => {
            reparsed.push(input.stack);
            return parse(input);
          },
        }),
  });
  for (const source of sources) {
    templates.add({ ...source, template: parse(source) });
  }
  return { inventory: templates.finish(), reparsed };
}

/** Every stack read once all are in: what reading them as they come must equal. */
function readAtTheEnd(sources: readonly Source[]): Inventory {
  return stream(sources, { readEarly: false, release: false }).inventory;
}

describe('TemplateStream', () => {
  const assembly = fixture('assembly');

  test('reading each stack as it comes gives the inventory of reading them all at the end', () => {
    // GIVEN a cloud assembly whose stacks reference each other by CDK cross-region reference,
    // by export from a nested assembly listed after them, and by physical name
    const sources = stacksOf(assembly);
    // WHEN
    const streamed = stream(sources);
    // THEN entry for entry, in the same order
    expect(streamed.inventory).toEqual(readAtTheEnd(sources));
    expect(readInventory([assembly])).toEqual(streamed.inventory);
  });

  test('a stack read before a stack it references is parsed again and read once all are in', () => {
    // GIVEN the same stacks, each listed before the stacks it references
    const sources = stacksOf(assembly).reverse();
    // WHEN
    const streamed = stream(sources);
    // THEN the primary (which reads the recovery stack's cross-region export writer and the
    // nested assembly's export) is read again, from its file; the others, listed after what
    // they reference, are not
    expect(streamed.reparsed).toEqual(['ShopPrimary']);
    expect(streamed.inventory).toEqual(readAtTheEnd(sources));
    const vault = byLogicalId(streamed.inventory.backupPlans, 'Plan').rules[0].copyActions[0];
    expect(vault.destinationRegion).toBe('us-west-2');
  });

  test('held templates (no reparse) give the same inventory in any order', () => {
    // GIVEN
    const sources = stacksOf(assembly).reverse();
    // WHEN
    const held = stream(sources, { release: false });
    // THEN
    expect(held.reparsed).toEqual([]);
    expect(held.inventory).toEqual(readAtTheEnd(sources));
  });

  test('a generated assembly of primary and recovery stacks reads the same either way', () => {
    // GIVEN stacks that name each other's buckets and vaults by physical name
    const dir = mkdtempSync(join(tmpdir(), 'ck-stream-'));
    try {
      generateAssembly({ dir, minResources: 400 });
      const sources = stacksOf(dir);
      // WHEN
      const streamed = stream(sources);
      // THEN
      expect(streamed.reparsed).toEqual([]);
      expect(streamed.inventory).toEqual(readAtTheEnd(sources));
      const replicated = streamed.inventory.stores.filter((s) => s.replicas.length > 0);
      expect(replicated.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('in any stack order, reading as they come equals reading them all at the end', () => {
    // GIVEN a generated assembly (primary stacks name their recovery stacks' buckets and vaults)
    // and the fixture (cross-region reference, nested-assembly export), in random orders
    const dir = mkdtempSync(join(tmpdir(), 'ck-shuffle-'));
    try {
      generateAssembly({ dir, minResources: 150 });
      const all = [...stacksOf(dir), ...stacksOf(assembly)];
      fc.assert(
        fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (sources) => {
          // WHEN
          const streamed = stream(sources);
          // THEN
          expect(streamed.inventory).toEqual(readAtTheEnd(sources));
        }),
        { numRuns: 12 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('readInventory of an assembly listed consumers first reads it as listed producers first', () => {
    // GIVEN a copy of the fixture whose manifest lists the primary before the recovery stack
    const dir = mkdtempSync(join(tmpdir(), 'ck-order-'));
    try {
      cpSync(assembly, dir, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
        artifacts: Record<string, unknown>;
      };
      const { ShopRecovery, ...others } = manifest.artifacts;
      manifest.artifacts = { ...others, ShopRecovery };
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
      // WHEN
      const reordered = readInventory([dir]);
      // THEN the same stores, replicas and copies (listed in the new stack order)
      const original = readInventory([assembly]);
      const byId = <T extends InventoryEntry>(list: readonly T[]): Map<string, T> =>
        new Map(list.map((e) => [e.id, { ...e, location: { ...e.location, file: undefined } }]));
      expect(byId(reordered.stores)).toEqual(byId(original.stores));
      expect(byId(reordered.backupPlans)).toEqual(byId(original.backupPlans));
      expect(byId(reordered.resources)).toEqual(byId(original.resources));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A stack of buckets named as given, exporting `exports` (name -> value). */
function bucketStack(
  name: string,
  buckets: Record<string, string>,
  exports: Record<string, string> = {},
): StackTemplate {
  const resources = Object.fromEntries(
    Object.entries(buckets).map(([id, bucketName]) => [
      id,
      { Type: 'AWS::S3::Bucket', Properties: { BucketName: bucketName } },
    ]),
  );
  const outputs = Object.fromEntries(
    Object.entries(exports).map(([exportName, value]) => [
      exportName.replace(/\W/g, ''),
      { Value: value, Export: { Name: exportName } },
    ]),
  );
  return {
    name,
    region: 'us-east-1',
    account: '111111111111',
    resources,
    logicalIdsByType: new Map([['AWS::S3::Bucket', Object.keys(buckets)]]),
    parameters: {},
    mappings: {},
    conditions: {},
    outputs,
    metadata: {},
  };
}

describe('AssemblyIndex lookups logged while stacks come in', () => {
  test('a name a later stack also holds is answered differently once it is in', () => {
    // GIVEN
    const index = new AssemblyIndex();
    index.add(bucketStack('A', { Logs: 'logs' }));
    const log = index.record();
    // WHEN
    expect(index.findByName('AWS::S3::Bucket', 'BucketName', 'logs')).toEqual(['A/Logs']);
    expect(index.findByName('AWS::S3::Bucket', 'BucketName', 'data')).toEqual([]);
    index.stopRecording();
    index.add(bucketStack('B', { Other: 'other' }));
    // THEN nothing changed yet
    expect(log.map((sameAnswer) => sameAnswer())).toEqual([true, true]);
    // WHEN a later stack holds both names
    index.add(bucketStack('C', { Logs: 'logs', Data: 'data' }));
    // THEN
    expect(log.map((sameAnswer) => sameAnswer())).toEqual([false, false]);
  });

  test('an export a later stack defines or redefines, and a resource of a stack not in yet', () => {
    // GIVEN
    const index = new AssemblyIndex();
    index.add(bucketStack('A', { Logs: 'logs' }, { 'shared:logs': 'logs' }));
    const log = index.record();
    // WHEN
    expect(index.exportNamed('shared:logs')?.stack.name).toBe('A');
    expect(index.exportNamed('shared:data')).toBeUndefined();
    expect(index.resource('A/Logs')?.raw.Type).toBe('AWS::S3::Bucket');
    expect(index.resource('B/Data')).toBeUndefined();
    index.stopRecording();
    // THEN a lookup in a stack already in is not logged: it cannot change
    expect(log).toHaveLength(3);
    expect(log.map((sameAnswer) => sameAnswer())).toEqual([true, true, true]);
    // WHEN
    index.add(
      bucketStack('B', { Data: 'data' }, { 'shared:logs': 'b-logs', 'shared:data': 'data' }),
    );
    // THEN
    expect(log.map((sameAnswer) => sameAnswer())).toEqual([false, false, false]);
  });
});

describe('properties kept', () => {
  test('a resource keeps its raw properties only when its type is kept', () => {
    // GIVEN / WHEN
    const inventory = readInventory([fixture('assembly')]);
    // THEN
    const kept = inventory.resources.filter((r) => PROPERTIES_KEPT.has(r.type));
    const other = inventory.resources.filter((r) => !PROPERTIES_KEPT.has(r.type));
    expect(kept.length).toBeGreaterThan(0);
    expect(other.length).toBeGreaterThan(0);
    expect(kept.every((r) => Object.keys(r.properties).length > 0)).toBe(true);
    expect(other.every((r) => Object.keys(r.properties).length === 0)).toBe(true);
  });

  test('findByName refuses a type whose properties are not kept', () => {
    // GIVEN
    const index = new AssemblyIndex();
    // WHEN / THEN
    expect(() => index.findByName('AWS::Lambda::Function', 'FunctionName', 'f')).toThrow(
      /AWS::Lambda::Function.*PROPERTIES_KEPT/,
    );
    expect(index.findByName('AWS::S3::Bucket', 'BucketName', 'b')).toEqual([]);
  });
});
