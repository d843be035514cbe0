import { measuredEnv, runProcess, START_UP_ENV } from '../../bench/measure';

describe('measuredEnv', () => {
  test('drops the variables that add start-up work, keeps the rest and adds the extra ones', () => {
    // GIVEN an environment with NODE_EXTRA_CA_CERTS and others
    const env = { NODE_EXTRA_CA_CERTS: '/etc/ca.pem', PATH: '/bin', CDK_VALIDATION: 'true' };
    // WHEN
    const out = measuredEnv({ CDK_VALIDATION: 'false' }, env);
    // THEN
    expect(START_UP_ENV).toContain('NODE_EXTRA_CA_CERTS');
    expect(out).toEqual({ PATH: '/bin', CDK_VALIDATION: 'false' });
    expect(env.NODE_EXTRA_CA_CERTS).toBe('/etc/ca.pem'); // the given environment is left as it was
  });
});

describe('runProcess', () => {
  const saved = process.env.NODE_EXTRA_CA_CERTS;
  afterEach(() => {
    if (saved === undefined) {
      delete process.env.NODE_EXTRA_CA_CERTS;
    } else {
      process.env.NODE_EXTRA_CA_CERTS = saved;
    }
  });

  test('runs the measured process without NODE_EXTRA_CA_CERTS, with the extra variables', () => {
    // GIVEN this process's environment sets it
    process.env.NODE_EXTRA_CA_CERTS = '/nonexistent/ca.pem';
    // WHEN a child prints what it sees
    const run = runProcess(
      process.execPath,
      ['-e', 'process.stdout.write(`${process.env.NODE_EXTRA_CA_CERTS}|${process.env.CK_EXTRA}`)'],
      { env: { CK_EXTRA: 'yes' } },
    );
    // THEN
    expect(run.stdout).toBe('undefined|yes');
  });
});
