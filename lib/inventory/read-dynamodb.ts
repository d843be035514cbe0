import { RESOURCE_DEFAULTS } from '../facts/resource-defaults';
import type { StoreReplica } from '../model/inventory';
import type { ReplicationMechanism } from '../model/protection';
import { Unresolved } from '../model/unresolved';
import type { Known } from '../model/unresolved';
import { asArray, isRecord } from './raw';
import type { RawObject } from './raw';
import type { ResourceReader, ServiceReaders, TemplateResource } from './resource-reader';
import type { StackScope } from './stack-scope';
import { readBoolean, readNumber, readString, requiredString } from './values';
import { withEntry } from './with-entry';

/** Whether a `PointInTimeRecoverySpecification` enables point-in-time recovery (absent: no). */
function pitrEnabled(scope: StackScope, spec: unknown): Known<boolean> {
  return readBoolean(scope, isRecord(spec) ? spec.PointInTimeRecoveryEnabled : undefined) ?? false;
}

function pitr(
  scope: StackScope,
  spec: unknown,
): { pointInTimeRecovery: Known<boolean>; pitrRetentionDays?: Known<number> } {
  const enabled = pitrEnabled(scope, spec);
  if (enabled !== true) {
    return { pointInTimeRecovery: enabled };
  }
  return {
    pointInTimeRecovery: true,
    pitrRetentionDays:
      readNumber(scope, (spec as RawObject).RecoveryPeriodInDays) ??
      RESOURCE_DEFAULTS.dynamodbPitrDays,
  };
}

function sseKms(scope: StackScope, spec: unknown): Known<boolean> {
  return readBoolean(scope, isRecord(spec) ? spec.SSEEnabled : undefined) ?? false;
}

const readTable: ResourceReader = (resource: TemplateResource, scope, out) => {
  const p = resource.properties;
  out.addStore(
    withEntry(resource, {
      kind: 'dynamodb',
      type: resource.type,
      // DynamoDB stores every table across three AZs of its Region
      // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/disaster-recovery-resiliency.html
      multiAz: true,
      replicas: [],
      encrypted: sseKms(scope, p.SSESpecification),
      // spreads last: a spread followed by more properties is slow in V8, and this runs per resource
      ...pitr(scope, p.PointInTimeRecoverySpecification),
    }),
  );
};

function isOwnReplica(scope: StackScope, replica: RawObject): boolean {
  const region = readString(scope, replica.Region);
  return typeof region === 'string' && region === scope.stack.region;
}

const readGlobalTable: ResourceReader = (resource, scope, out) => {
  const p = resource.properties;
  // MultiRegionConsistency STRONG: synchronous replication (MRSC), RPO zero
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html
  const consistency = readString(scope, p.MultiRegionConsistency);
  const mechanism: ReplicationMechanism =
    consistency === 'STRONG' ? 'dynamodb-global-table-strong' : 'dynamodb-global-table';
  // CloudFormation requires a replica in the stack's Region: that one is this store, the others
  // are its replicas (plain loops: global tables are common, and this runs per table)
  let own: RawObject | undefined;
  const replicas: StoreReplica[] = [];
  for (const r of asArray(p.Replicas)) {
    if (!isRecord(r)) {
      continue;
    }
    if (own === undefined && isOwnReplica(scope, r)) {
      own = r;
    } else {
      replicas.push({
        mechanism,
        region: requiredString(scope, r.Region, 'Region'),
        pointInTimeRecovery: pitrEnabled(scope, r.PointInTimeRecoverySpecification),
      });
    }
  }
  const ownPitr = own
    ? pitr(scope, own.PointInTimeRecoverySpecification)
    : {
        pointInTimeRecovery: new Unresolved(`replica of ${resource.id} in the stack's region`),
      };
  out.addStore(
    withEntry(resource, {
      kind: 'dynamodb',
      type: resource.type,
      multiAz: true,
      replicas,
      encrypted: sseKms(scope, p.SSESpecification),
      ...ownPitr,
    }),
  );
};

/** DynamoDB tables and global tables. */
export const DYNAMODB_READERS: ServiceReaders = {
  readers: {
    'AWS::DynamoDB::Table': readTable,
    'AWS::DynamoDB::GlobalTable': readGlobalTable,
  },
};
