import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileLineLocator } from '../../../bin/cli/line-locator';

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
