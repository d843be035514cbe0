/* eslint-disable @typescript-eslint/no-require-imports */
// The CLI loads the core on first use, so `continuity --help` and usage errors stay fast; the
// `typeof import()` types keep these loads type-checked.

/** `lib/engine`: `assess`. */
export const loadEngine = (): typeof import('../../lib/engine') => require('../../lib/engine');

/** `lib/inventory`: `readInventory`. */
export const loadInventory = (): typeof import('../../lib/inventory') =>
  require('../../lib/inventory');

/** `lib/planner`: `planContinuity`. */
export const loadPlanner = (): typeof import('../../lib/planner') => require('../../lib/planner');

/** `lib/report`: every report format. */
export const loadReport = (): typeof import('../../lib/report') => require('../../lib/report');

/** `lib/rules`: `allRules`, `renderRulesMarkdown`. */
export const loadRules = (): typeof import('../../lib/rules') => require('../../lib/rules');

/** `lib/spec`: `loadSpec`, `parseSpec`. */
export const loadSpecModule = (): typeof import('../../lib/spec') => require('../../lib/spec');

/** `lib/export`: exports of the spec to other tools' formats. */
export const loadExport = (): typeof import('../../lib/export') => require('../../lib/export');

/** `lib/docs`: `writeDocs`. */
export const loadDocs = (): typeof import('../../lib/docs') => require('../../lib/docs');

/** `yaml`: YAML output of `continuity export`. */
export const loadYaml = (): typeof import('yaml') => require('yaml');
