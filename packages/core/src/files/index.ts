export { fileNameForId, isCanonicalId, truncateBytes, byteLength } from './file-names';
export { sha256Hex } from './sha256';
