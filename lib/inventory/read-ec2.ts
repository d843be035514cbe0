import type { ResourceReader, ServiceReaders } from './resource-reader';
import { readBoolean } from './values';
import { withEntry } from './with-entry';

const readVolume: ResourceReader = (resource, scope, out) => {
  out.addStore(
    withEntry(resource, {
      kind: 'ebs',
      type: resource.type,
      pointInTimeRecovery: false,
      // an EBS volume lives in one AZ
      // https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volumes.html
      multiAz: false,
      replicas: [],
      encrypted: readBoolean(scope, resource.properties.Encrypted) ?? false,
    }),
  );
};

/** EBS volumes. */
export const EC2_READERS: ServiceReaders = {
  readers: { 'AWS::EC2::Volume': readVolume },
};
