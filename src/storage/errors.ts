/** A write whose eTag is not the stored item's: someone else wrote it since it was read. */
export class StorageConflictError extends Error {
  readonly code = 'ETAG_CONFLICT';
  constructor() {
    super('Storage: eTag conflict, the item was changed since it was read');
    this.name = 'StorageConflictError';
  }
}

/** Whether a storage write failed because of an eTag conflict (ours, or Azure Blob's 412 precondition failure). */
export function isStorageConflict(error: unknown): boolean {
  if (error instanceof StorageConflictError) return true;
  if (!(error instanceof Error)) return false;
  const status = (error as Error & { statusCode?: unknown }).statusCode;
  return status === 412 || /eTag conflict/i.test(error.message);
}
