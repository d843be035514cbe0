import { BACKUP_READERS } from './read-backup';
import { DYNAMODB_READERS } from './read-dynamodb';
import { S3_READERS } from './read-s3';
import type { InventoryLinker, ResourceReader, ServiceReaders } from './resource-reader';

/** Every service area the template reader understands. */
const SERVICES: readonly ServiceReaders[] = [DYNAMODB_READERS, S3_READERS, BACKUP_READERS];

/** Readers by CloudFormation type. */
export const READERS: ReadonlyMap<string, ResourceReader> = new Map(
  SERVICES.flatMap((s) => Object.entries(s.readers)),
);

/** Linkers, run after every resource was read. */
export const LINKERS: readonly InventoryLinker[] = SERVICES.flatMap((s) => s.linkers ?? []);
