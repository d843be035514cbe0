import { FIRST_TOUCH_MB, measureFirstTouchMs } from '../../bench/machine';
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

describe('renderReport', () => {
  test('states the cost of fresh memory beside the machine', () => {
    // GIVEN a machine whose fresh memory costs 312 ms per 100 MB
    const machine: MachineInfo = {
      cpuModel: 'Test CPU',
      cores: 2,
      memoryGiB: 24,
      node: 'v20.0.0',
      loadAtStart: 0.5,
      firstTouchMs: 312,
    };
    // WHEN
    const report = renderReport([], {
      machine,
      date: '2026-12-07',
      quick: false,
      loadAtEnd: 0.7,
      durationMs: 1000,
    });
    // THEN
    expect(report).toContain(
      `- **Fresh memory**: filling ${FIRST_TOUCH_MB} MB never touched before takes 312 ms`,
    );
  });
});
