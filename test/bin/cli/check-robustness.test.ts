import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { READERS } from '../../../lib/inventory/readers';
import { METADATA_SPEC_KEY } from '../../../lib/model';
import { fixture, run } from './cli-harness';
import type { CliOutput } from '../../../bin/cli/run-cli';

/*
 * Issue 7: `continuity check` never crashes. Whatever file it is given (random bytes, a truncated
 * template, a template-shaped object with odd values, a broken cdk.out), it ends with exit code 0
 * or 1 (assessed), or 2 with an `error:` message and no stack trace; never 3 (internal error).
 * Every run goes through the CLI in-process (runCli), with the CLI fixture spec or, for some
 * cases, the spec embedded in the template.
 */

// Loading the core on the first run can take seconds on a busy machine.
jest.setTimeout(120_000);

/** How many runs each property makes (override with FUZZ_RUNS for a longer soak). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

const TEMPLATES_DIR = path.join(__dirname, '..', '..', 'fixtures', 'templates');

/** Template files of the fixtures, as text. */
const FIXTURE_FILES: readonly { readonly name: string; readonly text: string }[] = [
  ...readdirSync(TEMPLATES_DIR).map((f) => path.join(TEMPLATES_DIR, f)),
  ...['compliant.template.json', 'noncompliant.template.yaml'].map((f) => fixture(f)),
  path.join(TEMPLATES_DIR, 'assembly', 'ShopPrimary.template.json'),
]
  .filter((f) => statSync(f).isFile())
  .map((f) => ({ name: path.basename(f), text: readFileSync(f, 'utf8') }));

const JSON_FIXTURES = FIXTURE_FILES.filter((f) => f.name.endsWith('.json')).map((f) => ({
  name: f.name,
  template: JSON.parse(f.text) as unknown,
}));

/** Every object key of the fixtures: property names the readers look for. */
function keysOf(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((v) => keysOf(v, into));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}
const KNOWN_KEYS = [...JSON_FIXTURES.reduce((s, f) => keysOf(f.template, s), new Set<string>())];
const KNOWN_TYPES = [...READERS.keys(), 'AWS::KMS::Key', 'AWS::SNS::Topic', 'AWS::IAM::Role'];

const name = fc.oneof(fc.constantFrom(...KNOWN_KEYS), fc.string({ maxLength: 12 }));

/** A template value: JSON, intrinsics (well- and ill-formed) and nested mixes of both. */
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 2 }),
    fc.record({ Ref: fc.oneof(name, fc.jsonValue({ maxDepth: 1 })) }),
    fc.record({ 'Fn::GetAtt': fc.oneof(fc.tuple(name, name), fc.jsonValue({ maxDepth: 1 })) }),
    fc.record({
      'Fn::Join': fc.tuple(fc.string({ maxLength: 2 }), fc.array(tie('value'), { maxLength: 3 })),
    }),
    fc.record({
      'Fn::Sub': fc.oneof(fc.string({ maxLength: 20 }), fc.array(tie('value'), { maxLength: 2 })),
    }),
    fc.record({ 'Fn::If': fc.array(tie('value'), { maxLength: 3 }) }),
    fc.record({ 'Fn::Select': fc.tuple(tie('value'), tie('value')) }),
    fc.record({ 'Fn::ImportValue': tie('value') }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(name, tie('value'), { maxKeys: 4 }),
  ),
}));

const resource = fc.record(
  {
    // mostly well-formed, so that most templates get past the reader's shape checks
    Type: fc.oneof(
      { arbitrary: fc.constantFrom(...KNOWN_TYPES), weight: 20 },
      { arbitrary: fc.jsonValue({ maxDepth: 1 }), weight: 1 },
    ),
    Properties: fc.oneof(
      { arbitrary: fc.dictionary(name, value, { maxKeys: 8 }), weight: 20 },
      { arbitrary: value, weight: 1 },
    ),
    DeletionPolicy: fc.oneof(fc.constantFrom('Retain', 'Snapshot', 'Delete'), value),
    UpdateReplacePolicy: fc.constantFrom('Retain', 'Snapshot', 'Delete'),
    Metadata: value,
    DependsOn: value,
    Condition: value,
  },
  { requiredKeys: ['Type'] },
);

const logicalId = fc.oneof(
  fc.constantFrom('OrdersTable', 'Vault', 'Plan', 'Selection', 'Bucket', 'Db'),
  fc.string({ minLength: 1, maxLength: 10 }),
);

const template = fc.record(
  {
    Resources: fc.oneof(
      { arbitrary: fc.dictionary(logicalId, resource, { maxKeys: 6 }), weight: 10 },
      { arbitrary: value, weight: 1 },
    ),
    Parameters: value,
    Conditions: value,
    Mappings: value,
    Outputs: value,
    Metadata: value,
  },
  { requiredKeys: ['Resources'] },
);

/** A fixture with one value, anywhere in it, replaced. */
const mutatedFixture = fc
  .record({
    fixture: fc.constantFrom(...JSON_FIXTURES),
    pick: fc.nat(),
    replacement: value,
  })
  .map(({ fixture: f, pick, replacement }) => {
    const copy = structuredClone(f.template);
    const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach((v, i) => {
          slots.push({ parent: node, key: i });
          walk(v);
        });
      } else if (typeof node === 'object' && node !== null) {
        for (const [k, v] of Object.entries(node)) {
          slots.push({ parent: node as Record<string, unknown>, key: k });
          walk(v);
        }
      }
    };
    walk(copy);
    const slot = slots[pick % slots.length];
    if (slot !== undefined) {
      (slot.parent as Record<string | number, unknown>)[slot.key] = replacement;
    }
    return copy;
  });

let dir: string;
let counter = 0;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'continuity-fuzz-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (process.env.FUZZ_STATS) {
    for (const [property, codes] of seen) {
      const count = (c: number): number => codes.filter((x) => x === c).length;

      console.log(
        `${property}: ${codes.length} runs, exit 0/1/2 = ${count(0)}/${count(1)}/${count(2)}`,
      );
    }
  }
});

function write(file: string, content: string | Uint8Array): string {
  const target = path.join(dir, `${counter++}-${file}`);
  writeFileSync(target, content);
  return target;
}

/** Report options of a run: every format, with or without GitHub annotations. */
interface Rendering {
  readonly format: 'text' | 'json' | 'markdown' | 'sarif' | 'junit';
  readonly annotations: boolean;
}

const JSON_REPORT: Rendering = { format: 'json', annotations: false };

const rendering: fc.Arbitrary<Rendering> = fc.record({
  format: fc.constantFrom('text', 'json', 'markdown', 'sarif', 'junit'),
  annotations: fc.boolean(),
});

/** Runs `check` on `target`, with the fixture spec unless `embedded`. */
function check(target: string, embedded = false, how: Rendering = JSON_REPORT): Promise<CliOutput> {
  return run([
    'check',
    target,
    ...(embedded ? [] : ['--spec', fixture('spec.yaml')]),
    '--today',
    '2026-11-21',
    '--format',
    how.format,
    ...(how.annotations ? ['--annotations'] : []),
  ]);
}

const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

/** Exit codes seen, per property, to show the inputs reach the reader and the engine. */
const seen = new Map<string, number[]>();

/** Fails with the output unless the run ended as `check` promises. */
function expectHandled(out: CliOutput): void {
  const property = expect.getState().currentTestName ?? '';
  seen.set(property, [...(seen.get(property) ?? []), out.exitCode]);
  if (![0, 1, 2].includes(out.exitCode)) {
    throw new Error(`check exited ${out.exitCode}:\n${out.stderr}`);
  }
  if (out.exitCode === 2) {
    expect(out.stderr).toMatch(/^error: /m);
    expect(out.stderr).not.toMatch(STACK_FRAME);
    expect(out.stderr).not.toContain('internal error');
  } else if (/^\s*[{[]/.test(out.stdout)) {
    // an assessed run in JSON or SARIF prints a parseable report (annotations go to stderr)
    expect(() => JSON.parse(out.stdout) as unknown).not.toThrow();
  } else {
    expect(out.stdout).not.toBe('');
  }
}

/** How many runs of the current test reached the engine (exit 0 or 1). */
function assessedRuns(): number {
  const codes = seen.get(expect.getState().currentTestName ?? '') ?? [];
  return codes.filter((c) => c === 0 || c === 1).length;
}

/** A short-form YAML template `check` assesses: a known example for the tag property. */
const REACHES_ENGINE_YAML = [
  'Resources:',
  '  Orders:',
  '    Type: AWS::DynamoDB::Table',
  '    Properties:',
  '      TableName: !Sub orders-${AWS::Region}',
].join('\n');

/** A cloud assembly manifest naming only ShopPrimary: a known example for the manifest property. */
const ONE_STACK_MANIFEST = JSON.stringify({
  version: '36.0.0',
  artifacts: {
    ShopPrimary: {
      type: 'aws:cloudformation:stack',
      environment: 'aws://111111111111/us-east-1',
      properties: { templateFile: 'ShopPrimary.template.json' },
    },
  },
});

const extension = fc.constantFrom('.json', '.yaml', '.yml', '.template');

describe('continuity check never crashes', () => {
  test('on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), extension, async (bytes, ext) => {
        // GIVEN / WHEN
        const out = await check(write(`bytes${ext}`, bytes));
        // THEN
        expectHandled(out);
      }),
      { numRuns: RUNS },
    );
  });

  test('on random text that looks like JSON or YAML', async () => {
    const text = fc.oneof(
      fc.string({
        unit: fc.constantFrom(...'{}[]:,"\'-\n !Ref&*|>#0123abcType'.split('')),
        maxLength: 200,
      }),
      fc.string({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(text, extension, async (t, ext) => {
        // GIVEN / WHEN
        const out = await check(write(`text${ext}`, t));
        // THEN
        expectHandled(out);
      }),
      { numRuns: RUNS },
    );
  });

  test('on YAML templates with short-form intrinsics on any node', async () => {
    const tag = fc.constantFrom(
      ...['Ref', 'GetAtt', 'Sub', 'Join', 'If', 'Select', 'Split', 'FindInMap', 'Base64'],
      ...['Cidr', 'GetAZs', 'ImportValue', 'Equals', 'And', 'Or', 'Not', 'Condition', 'Foo'],
    );
    const node = fc.constantFrom(
      ...['a.b', 'x', "''", '[a, b]', '[1, [2]]', '{a: 1}', '[]', '', '!Ref y'],
    );
    const property = fc
      .tuple(name, tag, node)
      .map(([key, t, n]) => `      ${JSON.stringify(key)}: !${t} ${n}`);
    const yamlTemplate = fc
      .array(
        fc.tuple(logicalId, fc.constantFrom(...KNOWN_TYPES), fc.array(property, { maxLength: 5 })),
        { minLength: 1, maxLength: 4 },
      )
      .map((resources) =>
        [
          'Resources:',
          ...resources.flatMap(([id, type, props]) => [
            `  ${JSON.stringify(id)}:`,
            `    Type: ${type}`,
            ...(props.length > 0 ? ['    Properties:', ...props] : []),
          ]),
        ].join('\n'),
      );
    await fc.assert(
      fc.asyncProperty(yamlTemplate, rendering, async (text, how) => {
        // GIVEN / WHEN
        const out = await check(write('tags.yaml', text), false, how);
        // THEN
        expectHandled(out);
      }),
      { numRuns: RUNS, examples: [[REACHES_ENGINE_YAML, JSON_REPORT]] },
    );
    // some inputs get past the reader and reach the engine
    expect(assessedRuns()).toBeGreaterThan(0);
  });

  test('on truncated fixture templates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FIXTURE_FILES), fc.nat(), async (f, cut) => {
        // GIVEN
        const truncated = f.text.slice(0, cut % (f.text.length + 1));
        // WHEN
        const out = await check(write(f.name, truncated));
        // THEN
        expectHandled(out);
      }),
      // the whole first fixture (cut = its length) reaches the engine whatever the seed
      { numRuns: RUNS, examples: [[FIXTURE_FILES[0], FIXTURE_FILES[0].text.length]] },
    );
    // some inputs get past the reader and reach the engine
    expect(assessedRuns()).toBeGreaterThan(0);
  });

  test('on random template-shaped objects, as JSON or YAML', async () => {
    await fc.assert(
      fc.asyncProperty(template, fc.boolean(), rendering, async (t, asYaml, how) => {
        // GIVEN
        const target = asYaml
          ? write('shaped.yaml', stringify(t))
          : write('shaped.json', JSON.stringify(t));
        // WHEN
        const out = await check(target, false, how);
        // THEN
        expectHandled(out);
      }),
      { numRuns: RUNS },
    );
    // the inputs get past the reader: most reach the engine
    expect(assessedRuns()).toBeGreaterThan(RUNS / 2);
  });

  test('on fixture templates with one value replaced', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedFixture, rendering, async (t, how) => {
        // GIVEN / WHEN
        const out = await check(write('mutated.json', JSON.stringify(t)), false, how);
        // THEN
        expectHandled(out);
      }),
      { numRuns: RUNS * 3 },
    );
    // the inputs get past the reader: most reach the engine
    expect(assessedRuns()).toBeGreaterThan(RUNS / 2);
  });

  test('on templates whose embedded spec is anything', async () => {
    const valid = parse(readFileSync(fixture('spec.yaml'), 'utf8')) as unknown;
    const embedded = fc.oneof(
      fc.constant(valid),
      fc.constant(JSON.stringify(valid)),
      value,
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(
        embedded,
        fc.dictionary(logicalId, resource, { maxKeys: 3 }),
        async (spec, resources) => {
          // GIVEN
          const t = { Metadata: { [METADATA_SPEC_KEY]: spec }, Resources: resources };
          // WHEN
          const out = await check(write('embedded.json', JSON.stringify(t)), true);
          // THEN
          expectHandled(out);
        },
      ),
      { numRuns: RUNS, examples: [[valid, {}]] },
    );
    // some inputs get past the reader and reach the engine
    expect(assessedRuns()).toBeGreaterThan(0);
  });

  test('on truncated or altered spec files', async () => {
    const specText = readFileSync(fixture('spec.yaml'), 'utf8');
    const specObject = parse(specText) as unknown;
    const spec = fc.oneof(
      fc.nat().map((cut) => specText.slice(0, cut % (specText.length + 1))),
      fc
        .record({ key: fc.constantFrom(...keysOf(specObject, new Set<string>())), v: value })
        .map(({ key, v }) => {
          const copy = structuredClone(specObject);
          const replace = (node: unknown): void => {
            if (Array.isArray(node)) {
              node.forEach(replace);
            } else if (typeof node === 'object' && node !== null) {
              const record = node as Record<string, unknown>;
              for (const k of Object.keys(record)) {
                if (k === key) {
                  record[k] = v;
                } else {
                  replace(record[k]);
                }
              }
            }
          };
          replace(copy);
          return stringify(copy);
        }),
    );
    await fc.assert(
      fc.asyncProperty(spec, async (text) => {
        // GIVEN
        const specFile = write('spec.yaml', text);
        // WHEN
        const out = await run([
          'check',
          fixture('compliant.template.json'),
          '--spec',
          specFile,
          '--today',
          '2026-11-21',
        ]);
        // THEN
        expectHandled(out);
      }),
      // the untouched spec reaches the engine whatever the seed
      { numRuns: RUNS, examples: [[specText]] },
    );
    // some inputs get past the spec validation and reach the engine
    expect(assessedRuns()).toBeGreaterThan(0);
  });

  test('on cdk.out directories with a broken or truncated manifest', async () => {
    const manifest = readFileSync(path.join(TEMPLATES_DIR, 'assembly', 'manifest.json'), 'utf8');
    const template = readFileSync(
      path.join(TEMPLATES_DIR, 'assembly', 'ShopPrimary.template.json'),
      'utf8',
    );
    const artifact = fc.record(
      {
        type: fc.oneof(
          fc.constantFrom('aws:cloudformation:stack', 'cdk:cloud-assembly', 'cdk:tree'),
          value,
        ),
        environment: fc.oneof(
          fc.constantFrom('aws://111111111111/us-east-1', 'aws://unknown-account/unknown-region'),
          value,
        ),
        properties: fc.oneof(
          fc.record(
            {
              templateFile: fc.oneof(
                fc.constantFrom('ShopPrimary.template.json', 'missing.json', '.', 'manifest.json'),
                value,
              ),
              directoryName: fc.oneof(
                fc.constantFrom('.', '..', 'missing', 'manifest.json'),
                value,
              ),
              stackName: value,
            },
            { requiredKeys: [] },
          ),
          value,
        ),
        displayName: value,
        metadata: value,
        dependencies: value,
      },
      { requiredKeys: ['type'] },
    );
    const content = fc.oneof(
      fc.nat().map((cut) => manifest.slice(0, cut % (manifest.length + 1))),
      fc
        .record({
          version: fc.constantFrom('36.0.0', '1.0.0'),
          artifacts: fc.dictionary(name, artifact, { maxKeys: 3 }),
        })
        .map((m) => JSON.stringify(m)),
      fc
        .record({ artifacts: fc.dictionary(name, value, { maxKeys: 3 }), version: value })
        .map((m) => JSON.stringify(m)),
      value.map((v) => JSON.stringify(v) ?? ''),
    );
    await fc.assert(
      fc.asyncProperty(content, async (m) => {
        // GIVEN
        const assembly = path.join(dir, `${counter++}-cdk.out`);
        mkdirSync(assembly);
        writeFileSync(path.join(assembly, 'manifest.json'), m);
        writeFileSync(path.join(assembly, 'ShopPrimary.template.json'), template);
        // WHEN
        const out = await check(assembly);
        // THEN
        expectHandled(out);
      }),
      // a manifest naming only the stack written beside it reaches the engine whatever the seed
      { numRuns: RUNS, examples: [[ONE_STACK_MANIFEST]] },
    );
    // some inputs get past the reader and reach the engine
    expect(assessedRuns()).toBeGreaterThan(0);
  });
});
