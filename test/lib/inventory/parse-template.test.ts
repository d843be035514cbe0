import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { inventoryFromTemplates, parseTemplateText, readInventory } from '../../../lib/inventory';
import type { InputError } from '../../../lib/model/input-error';
import { isInputError } from '../../../lib/model/input-error';
import { fixture } from './fixtures';

function thrown(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (isInputError(error)) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('reading template files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'continuity-inventory-'));
  const write = (name: string, text: string): string => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  test('turns every YAML short-form intrinsic into its long form', () => {
    // GIVEN
    const text = [
      'a: !Ref Table',
      'b: !GetAtt Db.Endpoint.Address',
      'c: !Sub "${AWS::Region}-x"',
      'd: !Join ["", [a, !Ref B]]',
      'e: !Select [0, !GetAZs ""]',
      'f: !If [Prod, !ImportValue X, !Ref AWS::NoValue]',
      'g: !FindInMap [M, !Ref AWS::Region, k]',
      'h: !Split [",", "a,b"]',
      'i: !Equals [!Ref P, x]',
      'j: !Not [!Condition C]',
      'k: !And [!Condition C, !Or [!Condition D, !Condition E]]',
      'l: !Base64 text',
      'm: !Cidr [10.0.0.0/16, 4, 8]',
      'n: !GetAtt [Db, Arn]',
      'o: !Sub ["${A}", { A: !Ref B }]',
    ].join('\n');
    // WHEN
    const parsed = parseTemplateText(text, 'short.yaml');
    // THEN
    expect(parsed).toEqual({
      a: { Ref: 'Table' },
      b: { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] },
      c: { 'Fn::Sub': '${AWS::Region}-x' },
      d: { 'Fn::Join': ['', ['a', { Ref: 'B' }]] },
      e: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      f: { 'Fn::If': ['Prod', { 'Fn::ImportValue': 'X' }, { Ref: 'AWS::NoValue' }] },
      g: { 'Fn::FindInMap': ['M', { Ref: 'AWS::Region' }, 'k'] },
      h: { 'Fn::Split': [',', 'a,b'] },
      i: { 'Fn::Equals': [{ Ref: 'P' }, 'x'] },
      j: { 'Fn::Not': [{ Condition: 'C' }] },
      k: {
        'Fn::And': [{ Condition: 'C' }, { 'Fn::Or': [{ Condition: 'D' }, { Condition: 'E' }] }],
      },
      l: { 'Fn::Base64': 'text' },
      m: { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] },
      n: { 'Fn::GetAtt': ['Db', 'Arn'] },
      o: { 'Fn::Sub': ['${A}', { A: { Ref: 'B' } }] },
    });
  });

  test('reads the YAML and JSON forms of a template into the same inventory', () => {
    // GIVEN the same hand-written template in both forms
    // WHEN
    const fromYaml = readInventory([fixture('backup-compliant.yaml')], { region: 'us-east-1' });
    const fromJson = readInventory([fixture('backup-compliant.json')], { region: 'us-east-1' });
    // THEN
    const strip = (x: unknown): string => JSON.stringify(x).replace(/"file":"[^"]*",?/g, '');
    expect(strip(fromJson)).toEqual(strip(fromYaml));
  });

  test('fails on a missing file naming it', () => {
    // GIVEN
    const missing = join(dir, 'nope.json');
    // WHEN
    const error = thrown(() => readInventory([missing]));
    // THEN
    expect(error.issues[0].path).toBe(missing);
    expect(error.message).toMatch(/ENOENT/);
  });

  test('fails on invalid JSON with line and column', () => {
    // GIVEN
    const file = write(
      'broken.json',
      '{\n  "Resources": {\n    "A": { "Type": "AWS::S3::Bucket", }\n  }\n}\n',
    );
    // WHEN
    const error = thrown(() => readInventory([file]));
    // THEN
    expect(error.issues[0].path).toMatch(/broken\.json:3:\d+$/);
    expect(error.message).toMatch(/invalid JSON/);
  });

  test('fails on truncated JSON at its end', () => {
    // GIVEN
    const file = write('truncated.template.json', '{"Resources": {"A": {"Type": "AWS::S3::Bucket"');
    // WHEN
    const error = thrown(() => readInventory([file]));
    // THEN
    expect(error.issues[0].path).toMatch(/truncated\.template\.json:1:\d+$/);
  });

  test('fails on invalid YAML with line and column', () => {
    // GIVEN
    const file = write(
      'broken.yaml',
      'Resources:\n  A:\n    Type: AWS::S3::Bucket\n   Properties: [\n',
    );
    // WHEN
    const error = thrown(() => readInventory([file]));
    // THEN
    expect(error.issues[0].path).toMatch(/broken\.yaml:\d+:\d+$/);
    expect(error.message).toMatch(/invalid YAML/);
  });

  test('fails on a document that is not a template, saying what to pass', () => {
    // GIVEN
    const file = write('spec.yaml', 'regions: { primary: us-east-1, recovery: us-west-2 }\n');
    // WHEN
    const error = thrown(() => readInventory([file]));
    // THEN
    expect(error.message).toMatch(/not a CloudFormation template: it has no `Resources` map/);
    expect(error.issues[0].path).toBe(file);
  });

  test('fails on resources without a type, listing each', () => {
    // GIVEN
    const file = write(
      'untyped.json',
      '{"Resources": {"A": {}, "B": {"Type": 3}, "C": {"Type": "AWS::S3::Bucket", "Properties": []}}}',
    );
    // WHEN
    const error = thrown(() => readInventory([file]));
    // THEN
    expect(error.issues.map((i) => i.path)).toEqual([
      `${file}: Resources.A`,
      `${file}: Resources.B`,
      `${file}: Resources.C.Properties`,
    ]);
  });

  test('fails on a directory without manifest.json', () => {
    // GIVEN
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    // WHEN
    const error = thrown(() => readInventory([empty]));
    // THEN
    expect(error.message).toMatch(/no manifest\.json; pass a cdk\.out directory/);
  });

  test('fails on a manifest that points at a missing template', () => {
    // GIVEN
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(
      join(out, 'manifest.json'),
      JSON.stringify({
        artifacts: {
          S: { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' } },
        },
      }),
    );
    // WHEN
    const error = thrown(() => readInventory([out]));
    // THEN
    expect(error.issues[0].path).toBe(join(out, 'manifest.json'));
    expect(error.message).toMatch(/S\.template\.json, which does not exist; run `cdk synth` again/);
  });

  test('reads an empty stack that cdk synth wrote as {} in a cloud assembly', () => {
    // GIVEN
    const out = join(dir, 'out-empty-stack');
    mkdirSync(out);
    writeFileSync(join(out, 'Empty.template.json'), '{}');
    writeFileSync(
      join(out, 'Full.template.json'),
      JSON.stringify({ Resources: { B: { Type: 'AWS::S3::Bucket' } } }),
    );
    writeFileSync(
      join(out, 'manifest.json'),
      JSON.stringify({
        artifacts: {
          Empty: {
            type: 'aws:cloudformation:stack',
            properties: { templateFile: 'Empty.template.json' },
          },
          Full: {
            type: 'aws:cloudformation:stack',
            properties: { templateFile: 'Full.template.json' },
          },
        },
      }),
    );
    // WHEN
    const inventory = readInventory([out]);
    // THEN
    expect(inventory.resources.map((r) => r.id)).toEqual(['Full/B']);
  });

  test('fails on a template file {} given directly, which is not a template', () => {
    // GIVEN
    const file = join(dir, 'empty-object.json');
    writeFileSync(file, '{}');
    // WHEN
    const error = thrown(() => readInventory([file]));
    // THEN
    expect(error.message).toMatch(/not a CloudFormation template/);
  });

  test('fails when given no path', () => {
    // GIVEN
    // WHEN
    const error = thrown(() => readInventory([]));
    // THEN
    expect(error.message).toMatch(/no template given/);
  });

  test('fails on two templates with the same stack name', () => {
    // GIVEN
    const template = { Resources: {} };
    // WHEN
    const error = thrown(() =>
      inventoryFromTemplates([
        { stack: 'A', template },
        { stack: 'A', template },
      ]),
    );
    // THEN
    expect(error.message).toMatch(/two templates are named 'A'/);
  });

  test('names stacks after files, telling apart files of the same name in two folders', () => {
    // GIVEN
    mkdirSync(join(dir, 'east'));
    mkdirSync(join(dir, 'west'));
    const a = write('east/template.yaml', 'Resources:\n  T: { Type: AWS::SNS::Topic }\n');
    const b = write('west/template.yaml', 'Resources:\n  T: { Type: AWS::SNS::Topic }\n');
    // WHEN
    const inventory = readInventory([a, b]);
    // THEN
    expect(inventory.resources.map((r) => r.id)).toEqual(['template/T', 'west-template/T']);
  });
});
