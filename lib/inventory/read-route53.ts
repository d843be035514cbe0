import { ROUTE53 } from '../facts/failover-timing';
import type { DnsRecord, ResourceId } from '../model/inventory';
import { isUnresolved } from '../model/unresolved';
import type { Known } from '../model/unresolved';
import { asArray, isRecord } from './raw';
import type { RawObject } from './raw';
import type { ResourceReader, ServiceReaders, TemplateResource } from './resource-reader';
import type { StackScope } from './stack-scope';
import { readNumber, readReference, readString, referencesIn, requiredString } from './values';
import { withEntry } from './with-entry';

const readHealthCheck: ResourceReader = (resource, scope, out) => {
  const config = isRecord(resource.properties.HealthCheckConfig)
    ? resource.properties.HealthCheckConfig
    : {};
  out.healthChecks.push(
    withEntry(resource, {
      requestIntervalSeconds:
        readNumber(scope, config.RequestInterval) ?? ROUTE53.standardIntervalSeconds,
      failureThreshold:
        readNumber(scope, config.FailureThreshold) ?? ROUTE53.defaultFailureThreshold,
    }),
  );
};

function routing(set: RawObject): DnsRecord['routing'] {
  if (set.Failover !== undefined) {
    return 'failover';
  }
  if (set.Region !== undefined) {
    return 'latency';
  }
  return set.Weight !== undefined ? 'weighted' : 'simple';
}

function healthCheck(scope: StackScope, raw: unknown): Known<ResourceId | string> | undefined {
  const ref = readReference(scope, raw, ['AWS::Route53::HealthCheck']);
  if (ref === undefined || isUnresolved(ref)) {
    return ref;
  }
  return 'id' in ref ? ref.id : ref.literal;
}

/** Ids of the resources an alias target or the record values point at. */
function targets(scope: StackScope, set: RawObject): ResourceId[] {
  const alias = isRecord(set.AliasTarget) ? set.AliasTarget.DNSName : undefined;
  const values = [alias, ...asArray(set.ResourceRecords)];
  const ids = values.flatMap((v) =>
    v === undefined ? [] : referencesIn(scope.resolve(v)).map((r) => r.id),
  );
  return [...new Set(ids)];
}

function record(
  resource: TemplateResource,
  scope: StackScope,
  set: RawObject,
  id: ResourceId,
): DnsRecord {
  const failover = readString(scope, set.Failover);
  const check = healthCheck(scope, set.HealthCheckId);
  const region = set.Region === undefined ? undefined : requiredString(scope, set.Region, 'Region');
  return {
    id,
    location: resource.location,
    region: resource.region,
    account: resource.account,
    tags: resource.tags,
    name: requiredString(scope, set.Name, 'Name'),
    routing: routing(set),
    // alias records have no TTL of their own
    ttlSeconds: set.AliasTarget !== undefined ? undefined : readNumber(scope, set.TTL),
    targets: targets(scope, set),
    ...(failover === 'PRIMARY' || failover === 'SECONDARY' ? { failover } : {}),
    ...(check !== undefined ? { healthCheck: check } : {}),
    ...(region !== undefined ? { recordRegion: region } : {}),
  };
}

const readRecordSet: ResourceReader = (resource, scope, out) => {
  out.dnsRecords.push(record(resource, scope, resource.properties, resource.id));
};

const readRecordSetGroup: ResourceReader = (resource, scope, out) => {
  asArray(resource.properties.RecordSets).forEach((set, i) => {
    if (isRecord(set)) {
      out.dnsRecords.push(record(resource, scope, set, `${resource.id}[${i}]`));
    }
  });
};

/** Route 53 health checks, record sets and record set groups. */
export const ROUTE53_READERS: ServiceReaders = {
  readers: {
    'AWS::Route53::HealthCheck': readHealthCheck,
    'AWS::Route53::RecordSet': readRecordSet,
    'AWS::Route53::RecordSetGroup': readRecordSetGroup,
  },
};
