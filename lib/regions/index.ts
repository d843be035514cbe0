export * from './aws-regions';
export * from './closest-match';
export * from './suggest-region';
