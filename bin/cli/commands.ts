import { registerCheck } from './check-command';
import { registerDiff } from './diff';
import { registerDocs } from './docs';
import { registerExport } from './export-command';
import { registerPlan } from './plan-command';
import { registerRecommend } from './recommend';
import { registerRules } from './rules-command';
import type { CommandRegistration } from './cli-context';

/** Every `continuity` command, in the order `--help` lists them. Add new commands here. */
export const COMMANDS: readonly CommandRegistration[] = [
  registerCheck,
  registerDiff,
  registerPlan,
  registerRules,
  registerRecommend,
  registerDocs,
  registerExport,
];
