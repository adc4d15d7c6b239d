/** State storage lives in src/storage/; re-exported here for the server's callers. */
export { createStorage, type StateStorage, type StateStorageKind as StorageKind } from '../storage';
