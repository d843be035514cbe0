export * from './resilience-hub';
