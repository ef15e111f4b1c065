/**
 * @liujin/core/sample: the embedded synthetic sample district (Qingpu's real subdistricts and towns
 * filled with made-up units, every name marked 示例) and its activity log, for demos, docs and tests.
 * Not part of the main entry: an office's own data never mixes with it by accident.
 */
export { sampleRegistry } from './registry';
export { sampleActivities } from './activities';
export { seededRandom, seedOf } from './random';
