import type { ServiceSpec } from '../model/spec';

/** A service that passed schema validation, with its index in the document for issue paths. */
export interface IndexedService {
  readonly index: number;
  readonly service: ServiceSpec;
}
