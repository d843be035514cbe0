import { asArray, isRecord } from './raw';
import type { ResourceReader, ServiceReaders } from './resource-reader';
import { readString } from './values';
import { withEntry } from './with-entry';

const readExperimentTemplate: ResourceReader = (resource, scope, out) => {
  const p = resource.properties;
  const actions = isRecord(p.Actions) ? Object.values(p.Actions) : [];
  out.experimentTemplates.push(
    withEntry(resource, {
      actions: actions
        .map((a) => (isRecord(a) ? readString(scope, a.ActionId) : undefined))
        .filter((a): a is string => typeof a === 'string'),
      // a stop condition with source `none` stops nothing
      hasStopConditions: asArray(p.StopConditions).some(
        (c) => isRecord(c) && readString(scope, c.Source) !== 'none',
      ),
    }),
  );
};

/** FIS experiment templates. */
export const FIS_READERS: ServiceReaders = {
  readers: { 'AWS::FIS::ExperimentTemplate': readExperimentTemplate },
};
