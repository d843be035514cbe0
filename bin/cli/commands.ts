import { registerCheck } from './check-command';
import { registerDocs } from './docs';
import { registerExport } from './export-command';
import { registerPlan } from './plan-command';
import { registerRecommend } from './recommend';
import { registerRules } from './rules-command';
import type { CommandRegistration } from './cli-context';

/** Every `continuity` command, in the order `--help` lists them. Add new commands here. */
export const COMMANDS: readonly CommandRegistration[] = [
  registerCheck,
  registerPlan,
  registerRules,
  registerRecommend,
  registerDocs,
  registerExport,
];
