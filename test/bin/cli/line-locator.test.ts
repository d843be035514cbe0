import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { fileLineLocator, scanLines } from '../../../bin/cli/line-locator';

function file(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'continuity-lines-'));
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
}

describe('fileLineLocator', () => {
  test('finds a logical ID defined as a JSON key, not its references', () => {
    // GIVEN
    const template = file(
      't.json',
      '{\n  "Outputs": { "X": { "Value": { "Ref": "Orders" } } },\n  "Resources": {\n    "Orders": {}\n  }\n}\n',
    );
    // WHEN
    const line = fileLineLocator()(template, 'Orders');
    // THEN
    expect(line).toBe(4);
  });

  test('finds a YAML key and a service name in a spec', () => {
    // GIVEN
    const yaml = file('t.yaml', 'Resources:\n  Orders:\n    Type: AWS::S3::Bucket\n');
    const spec = file('continuity.yaml', 'services:\n  - name: payments\n  - name: "orders"\n');
    // WHEN
    const locate = fileLineLocator();
    // THEN
    expect(locate(yaml, 'Orders')).toBe(2);
    expect(locate(spec, 'orders')).toBe(3);
  });

  test('gives no line for a name it cannot find or a file it cannot read', () => {
    // GIVEN
    const yaml = file('t.yaml', 'Resources:\n  Orders: {}\n');
    // WHEN
    const locate = fileLineLocator();
    // THEN
    expect(locate(yaml, 'Ord.rs')).toBeUndefined();
    expect(locate(path.join(tmpdir(), 'no-such-file.yaml'), 'Orders')).toBeUndefined();
  });
});

describe('fileLineLocator index', () => {
  const word = fc.constantFrom('Orders', 'orders', 'name', 'Orders2', 'a.b', 'x');
  const quote = fc.constantFrom('', '"', "'");
  const space = fc.constantFrom('', ' ', '  ', '\t');
  const tail = fc.constantFrom('', ' {', ' x', ',', ' }', ' "v",', ': y');
  // Lines shaped like keys, names, references and noise, so that both patterns match often.
  const keyLine = fc
    .tuple(space, quote, word, quote, space, tail)
    .map(([indent, q1, w, q2, s, t]) => `${indent}${q1}${w}${q2}${s}:${t}`);
  const nameLine = fc
    .tuple(
      space,
      fc.constantFrom('- ', '', '{ '),
      quote,
      quote,
      word,
      quote,
      fc.constantFrom('', ',', ' }', ', '),
    )
    .map(
      ([indent, dash, q1, q2, w, q3, end]) =>
        `${indent}${dash}${q1}name${q1}: ${q2}${w}${q3}${end}`,
    );
  const noise = fc
    .array(fc.constantFrom('Orders', 'name', '"', "'", ':', ' ', ',', '}', '{', '-', 'Ref'), {
      maxLength: 6,
    })
    .map((parts) => parts.join(''));
  // Unix and Windows line ends, and a stray `\r` that ends no line
  const text = fc
    .tuple(
      fc.array(fc.oneof(keyLine, nameLine, noise), { maxLength: 10 }),
      fc.constantFrom('\n', '\r\n'),
      fc.constantFrom('', '\r', '\n'),
    )
    .map(([lines, end, last]) => lines.join(end) + last);
  const name = fc.oneof(word, fc.constantFrom('Ord"ers', 'a b', 'x:', 'name,'));

  test('finds the same lines as testing every line, asked for several names of one file', () => {
    fc.assert(
      fc.property(text, fc.array(name, { maxLength: 4 }), (content, names) => {
        // GIVEN a file and one locator asked for several names in a row
        const f = file('t.yaml', content);
        const locate = fileLineLocator();
        // WHEN / THEN every answer is the one of testing every line
        for (const wanted of names) {
          expect(locate(f, wanted)).toBe(scanLines(content.split(/\r?\n/), wanted));
        }
      }),
      { numRuns: 200 },
    );
  });

  test('finds the same line as testing every line with the name’s own patterns', () => {
    fc.assert(
      fc.property(text, name, (content, wanted) => {
        // GIVEN
        const f = file('t.yaml', content);
        // WHEN
        const found = fileLineLocator()(f, wanted);
        // THEN
        expect(found).toBe(scanLines(content.split(/\r?\n/), wanted));
      }),
      { numRuns: 500 },
    );
  });
});
