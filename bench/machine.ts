import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a run measured on. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  /** 1-minute load average when the run started. */
  readonly loadAtStart: number;
}

/** CPU model (from /proc/cpuinfo where there is one), cores, memory, Node version, load. */
export function describeMachine(): MachineInfo {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    cpuModel = match?.[1]?.trim() ?? cpuModel;
  } catch {
    // not Linux: keep the model Node reports
  }
  return {
    cpuModel,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAtStart: loadavg()[0] ?? Number.NaN,
  };
}
