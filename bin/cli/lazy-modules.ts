/* eslint-disable @typescript-eslint/no-require-imports */
// The CLI loads the core on first use, so `continuity --help` and usage errors stay fast; the
// `typeof import()` types keep these loads type-checked.

import type { ContinuityPlan } from '../../lib/model/plan';
import type { ContinuitySpec } from '../../lib/model/spec';

/** `lib/engine`: `assess`. */
export const loadEngine = (): typeof import('../../lib/engine') => require('../../lib/engine');

/** `lib/inventory`: `readInventory`. */
export const loadInventory = (): typeof import('../../lib/inventory') => require('../../lib/inventory');

/** What the CLI needs of `lib/planner`. */
export interface PlannerModule {
  planContinuity(spec: ContinuitySpec): ContinuityPlan;
}

/** `lib/planner`: `planContinuity`. */
export const loadPlanner = (): PlannerModule => require('../../lib/planner');

/** `lib/report`: every report format. */
export const loadReport = (): typeof import('../../lib/report') => require('../../lib/report');

/** `lib/rules`: `allRules`, `renderRulesMarkdown`. */
export const loadRules = (): typeof import('../../lib/rules') => require('../../lib/rules');

/** `lib/spec`: `loadSpec`, `parseSpec`. */
export const loadSpecModule = (): typeof import('../../lib/spec') => require('../../lib/spec');
