import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

// Both cases run a fresh Node: jest itself has loaded child_process long before any test.
const DIST = path.join(__dirname, '..', '..', 'dist');
const SHIM = path.join(DIST, 'bin', 'lazy-child-process.js');
const CHILD_PROCESS = 'NativeModule child_process';

function node(args: readonly string[]): { stdout: string; stderr: string; status: number } {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
}

describe('bin/lazy-child-process (node:child_process as the CLI bundle sees it)', () => {
  it('loads child_process only when a member is first read, and then is child_process', () => {
    const script =
      `const loaded = () => process.moduleLoadList.includes(${JSON.stringify(CHILD_PROCESS)});` +
      `const shim = require(${JSON.stringify(SHIM)});` +
      'const before = loaded();' +
      `const out = shim.execFileSync(process.execPath, ['-e', 'process.stdout.write("child")'], { encoding: 'utf8' });` +
      `const same = shim.spawn === require('node:child_process').spawn && 'spawnSync' in shim;` +
      'process.stdout.write(JSON.stringify({ before, after: loaded(), out, same }));';
    const { stdout, status } = node(['-e', script]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ before: false, after: true, out: 'child', same: true });
  });

  it('keeps child_process out of a `continuity check` run, though commander requires it', () => {
    const fixtures = path.join(__dirname, 'fixtures');
    const probe = path.join(mkdtempSync(path.join(tmpdir(), 'lazy-child-process-')), 'probe.js');
    const loaded = `process.moduleLoadList.includes(${JSON.stringify(CHILD_PROCESS)})`;
    writeFileSync(
      probe,
      `process.on('exit', () => process.stderr.write('loaded child_process: ' + ${loaded}));\n`,
    );
    const { stdout, stderr, status } = node([
      '--require',
      probe,
      path.join(DIST, 'bin', 'cli.js'),
      'check',
      path.join(fixtures, 'compliant.template.json'),
      '--spec',
      path.join(fixtures, 'spec.yaml'),
      '--format',
      'json',
    ]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ met: true });
    expect(stderr).toContain('loaded child_process: false');
  });
});
