import { BACKUP_READERS } from './read-backup';
import { CLOUDWATCH_READERS } from './read-cloudwatch';
import { COMPUTE_READERS } from './read-compute';
import { DYNAMODB_READERS } from './read-dynamodb';
import { EC2_READERS } from './read-ec2';
import { EFS_READERS } from './read-efs';
import { EVENTS_READERS } from './read-events';
import { FIS_READERS } from './read-fis';
import { RDS_READERS } from './read-rds';
import { ROUTE53_READERS } from './read-route53';
import { S3_READERS } from './read-s3';
import type { InventoryLinker, ResourceReader, ServiceReaders } from './resource-reader';

/** Every service area the template reader understands. */
const SERVICES: readonly ServiceReaders[] = [
  DYNAMODB_READERS,
  S3_READERS,
  RDS_READERS,
  EFS_READERS,
  EC2_READERS,
  COMPUTE_READERS,
  BACKUP_READERS,
  ROUTE53_READERS,
  CLOUDWATCH_READERS,
  EVENTS_READERS,
  FIS_READERS,
];

/** Readers by CloudFormation type. */
export const READERS: ReadonlyMap<string, ResourceReader> = new Map(
  SERVICES.flatMap((s) => Object.entries(s.readers)),
);

/** Linkers, run after every resource was read. */
export const LINKERS: readonly InventoryLinker[] = SERVICES.flatMap((s) => s.linkers ?? []);
