export { sampleRegistry } from './registry';
export { sampleActivities } from './activities';
export { seededRandom, seedOf } from './random';
