import { FIRST_TOUCH_MB, measureFirstTouchMs, measureStartUpMs } from '../../bench/machine';
import { renderReport } from '../../bench/report';
import type { MachineInfo } from '../../bench/machine';

describe('measureFirstTouchMs', () => {
  test('times filling fresh memory in a child process', () => {
    // GIVEN one probe process
    // WHEN
    const ms = measureFirstTouchMs(1);
    // THEN it reports a time, not a failure or NaN
    expect(Number.isFinite(ms)).toBe(true);
    expect(ms).toBeGreaterThan(0);
  });
});

describe('measureStartUpMs', () => {
  // a certificate file Node reads at start; missing, it only warns
  const withCerts = { ...process.env, NODE_EXTRA_CA_CERTS: '/nonexistent/ca.pem' };
  const withoutCerts = { ...process.env };
  delete withoutCerts.NODE_EXTRA_CA_CERTS;

  test('times Node also in this environment when it sets a start-up variable', () => {
    // WHEN the environment sets NODE_EXTRA_CA_CERTS
    const startUp = measureStartUpMs(1, withCerts);
    // THEN
    expect(startUp.variables).toEqual(['NODE_EXTRA_CA_CERTS']);
    expect(startUp.measuredMs).toBeGreaterThan(0);
    expect(startUp.environmentMs).toBeGreaterThan(0);
  });

  test('times Node once when the environment sets none', () => {
    const startUp = measureStartUpMs(1, withoutCerts);
    expect(startUp.variables).toEqual([]);
    expect(startUp.measuredMs).toBeGreaterThan(0);
    expect(startUp).not.toHaveProperty('environmentMs');
  });
});

describe('renderReport', () => {
  const machine: MachineInfo = {
    cpuModel: 'Test CPU',
    cores: 2,
    memoryGiB: 24,
    node: 'v20.0.0',
    loadAtStart: 0.5,
    firstTouchMs: 312,
    startUp: { measuredMs: 61, variables: [] },
  };
  const render = (m: MachineInfo): string =>
    renderReport([], {
      machine: m,
      date: '2026-12-07',
      quick: false,
      loadAtEnd: 0.7,
      durationMs: 1000,
    });

  test('states the cost of fresh memory beside the machine', () => {
    expect(render(machine)).toContain(
      `- **Fresh memory**: filling ${FIRST_TOUCH_MB} MB never touched before takes 312 ms`,
    );
  });

  test('states Node start-up as measured, and with the variables the environment sets', () => {
    // GIVEN a machine whose environment sets NODE_EXTRA_CA_CERTS
    const certs: MachineInfo = {
      ...machine,
      startUp: { measuredMs: 61, variables: ['NODE_EXTRA_CA_CERTS'], environmentMs: 103 },
    };
    // THEN both times are given, and which variable makes the difference
    expect(render(certs)).toMatch(
      /- \*\*Node start-up\*\*: an empty Node process takes 61 ms .* without `NODE_EXTRA_CA_CERTS`; 103 ms with it/,
    );
    // and without one, only the measured time
    expect(render(machine)).toMatch(
      /- \*\*Node start-up\*\*: an empty Node process takes 61 ms \(median of \d+\)\n/,
    );
  });
});
