import { Unresolved } from '../model/unresolved';
import type { Known } from '../model/unresolved';
import { asArray, isRecord } from './raw';
import type { ResourceReader, ServiceReaders } from './resource-reader';
import type { StackScope } from './stack-scope';
import { withEntry } from './with-entry';

function eventPattern(
  scope: StackScope,
  raw: unknown,
): Known<Readonly<Record<string, unknown>> | undefined> {
  if (raw === undefined) {
    return undefined;
  }
  let pattern = raw;
  if (typeof pattern === 'string') {
    try {
      pattern = JSON.parse(pattern);
    } catch {
      return new Unresolved('EventPattern (not valid JSON)');
    }
  }
  const resolved = scope.resolve(pattern);
  return resolved.kind === 'literal' && isRecord(resolved.value)
    ? resolved.value
    : new Unresolved('EventPattern');
}

const readEventRule: ResourceReader = (resource, scope, out) => {
  const p = resource.properties;
  out.eventRules.push(
    withEntry(resource, {
      eventPattern: eventPattern(scope, p.EventPattern),
      hasTargets: asArray(p.Targets).length > 0,
    }),
  );
};

/** EventBridge rules. */
export const EVENTS_READERS: ServiceReaders = {
  readers: { 'AWS::Events::Rule': readEventRule },
};
