import { context, run } from './cli-harness';
import { EXIT_CODES } from '../../../bin/cli/cli-context';
import { COMMANDS } from '../../../bin/cli/commands';
import { runCli } from '../../../bin/cli/run-cli';
import { InputError } from '../../../lib/model/input-error';
import type { CommandRegistration } from '../../../bin/cli/cli-context';

describe('runCli', () => {
  test('prints help for --help and exits 0', async () => {
    // GIVEN
    const args = ['--help'];
    // WHEN
    const out = await run(args);
    // THEN
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/Usage: continuity/);
    expect(out.stdout).toMatch(/check \[options\] \[paths\.\.\.\]/);
    expect(out.stdout).toMatch(/plan \[options\]/);
    expect(out.stdout).toMatch(/rules \[options\]/);
  });

  test('prints the command help for check --help, listing every option', async () => {
    // GIVEN
    const args = ['check', '--help'];
    // WHEN
    const out = await run(args);
    // THEN
    expect(out.exitCode).toBe(0);
    for (const option of [
      '--spec',
      '--format',
      '--output',
      '--today',
      '--region',
      '--account',
      '--no-color',
    ]) {
      expect(out.stdout).toContain(option);
    }
  });

  test('prints the version of the package', async () => {
    // GIVEN
    const args = ['--version'];
    // WHEN
    const out = await run(args);
    // THEN
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('fails with usage and exit 2 when no command is given', async () => {
    // GIVEN
    const args: string[] = [];
    // WHEN
    const out = await run(args);
    // THEN
    expect(out.exitCode).toBe(EXIT_CODES.INPUT_ERROR);
    expect(out.stderr).toMatch(/Usage: continuity/);
  });

  test('fails with exit 2 on an unknown command', async () => {
    // GIVEN
    const args = ['chekc'];
    // WHEN
    const out = await run(args);
    // THEN
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/unknown command 'chekc'/);
  });

  test('fails with exit 2 when plan misses its required --spec', async () => {
    // GIVEN
    const args = ['plan'];
    // WHEN
    const out = await run(args);
    // THEN
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/required option '-s, --spec <file>' not specified/);
  });

  test('runs a command added as a registration, and maps its InputError to exit 2', async () => {
    // GIVEN
    const hello: CommandRegistration = (program, _context, done) => {
      program
        .command('hello')
        .argument('<name>')
        .action((name: string) => {
          if (name === 'nobody') {
            throw new InputError([{ path: '<name>', message: "received 'nobody'; name someone" }]);
          }
          done({ exitCode: 0, stdout: `hello ${name}\n` });
        });
    };
    // WHEN
    const ok = await runCli(['hello', 'world'], context(), [...COMMANDS, hello]);
    const bad = await runCli(['hello', 'nobody'], context(), [...COMMANDS, hello]);
    // THEN
    expect(ok).toEqual({ exitCode: 0, stdout: 'hello world\n', stderr: '' });
    expect(bad).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: "error: <name>: received 'nobody'; name someone\n",
    });
  });

  test('reports an unexpected error in one line with exit 3 and no stack trace', async () => {
    // GIVEN
    const crash: CommandRegistration = (program) => {
      program.command('crash').action(() => {
        throw new TypeError('cannot read properties of undefined\n    at somewhere');
      });
    };
    // WHEN
    const out = await runCli(['crash'], context(), [crash]);
    // THEN
    expect(out.exitCode).toBe(EXIT_CODES.INTERNAL_ERROR);
    expect(out.stderr).toMatch(
      /^error: internal error in continuity-kit: cannot read properties of undefined; please report it/,
    );
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  test('adds the stack of an unexpected error when CONTINUITY_DEBUG is set', async () => {
    // GIVEN
    const crash: CommandRegistration = (program) => {
      program.command('crash').action(() => {
        throw new Error('boom');
      });
    };
    // WHEN
    const out = await runCli(['crash'], context({ env: { CONTINUITY_DEBUG: '1' } }), [crash]);
    // THEN
    expect(out.stderr).toMatch(/\n\s+at /);
  });
});
