export * from './declared-resources-found';
export * from './stateful-resource-has-service';
export * from './stateful-resource-retained';
