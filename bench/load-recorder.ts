import { writeFileSync } from 'node:fs';

/** Environment variable naming the file {@link recordLoadedModules} writes. */
export const LOADED_MODULES_ENV = 'CK_BENCH_LOADED_MODULES';

/**
 * Preload (`node --require dist/bench/load-recorder.js ...`): at exit, writes the paths of every
 * module in `require.cache` to the file named by `CK_BENCH_LOADED_MODULES`, one per line, so
 * the benchmark can assert which packages a command loaded.
 */
export function recordLoadedModules(): void {
  const file = process.env[LOADED_MODULES_ENV];
  if (!file) {
    return;
  }
  process.on('exit', () => {
    writeFileSync(file, Object.keys(require.cache).join('\n'));
  });
}

recordLoadedModules();
