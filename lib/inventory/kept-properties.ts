import { STATEFUL_TYPES } from '../diff/replacement-properties';
import { VAULT_TYPES } from './read-backup-plan';

/** The custom resource CDK writes cross-region references with. */
export const CROSS_REGION_WRITER = 'Custom::CrossRegionExportWriter';

/**
 * The CloudFormation types whose raw properties outlive the reading of their stack: an inventory
 * resource of another type has `properties` `{}` once its reader has run, and a stack read from a
 * file keeps only these resources' properties after it is read (`TemplateStream`), so that a
 * large assembly is never held whole in memory.
 *
 * It must list every type whose properties are read after its own resource is read: by rules and
 * `continuity diff` (the stateful types: replacement rules, default deletion policies, store
 * ARNs), by linkers (RDS and Aurora), and by lookups from other stacks (`findByName` targets,
 * vault ARNs of copy actions, KMS keys and aliases behind a vault's key, CDK's cross-region
 * export writers). `AssemblyIndex.findByName` refuses a type that is not here.
 */
export const PROPERTIES_KEPT: ReadonlySet<string> = new Set<string>([
  ...STATEFUL_TYPES,
  ...VAULT_TYPES,
  'AWS::KMS::Alias',
  'AWS::KMS::ReplicaKey',
  CROSS_REGION_WRITER,
]);
