/** What went wrong with storage, in words the UI can show as they are. */
export type StorageErrorKind = 'quota' | 'blocked' | 'unavailable' | 'version' | 'invalid' | 'unknown';

/** A storage failure with a kind the UI can act on and a message a person understands. */
export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = 'StorageError';
  }
}

const MESSAGES: Record<StorageErrorKind, string> = {
  quota:
    'Storage is full: the browser refused to save more. Free some space (Settings → clear cached audio, or remove other sites’ data) and try again. Nothing already shown as saved was lost.',
  blocked:
    'Headroom is open in another tab with an older version. Close the other Headroom tabs, then reload this one.',
  unavailable:
    'This browser does not let Headroom store data (private browsing or storage turned off). Your practice will not be kept.',
  version:
    'The saved data comes from a newer version of Headroom. Reload to get the newest version; nothing was changed.',
  invalid: 'The data to save was not valid, so nothing was written.',
  unknown: 'Saving failed for an unexpected reason. Nothing half-written was kept.',
};

/** Maps any thrown value from IndexedDB to a StorageError with a clear message. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  const text = String((error as { message?: string } | null)?.message ?? error);
  let kind: StorageErrorKind = 'unknown';
  if (name === 'QuotaExceededError' || /quota/i.test(text)) kind = 'quota';
  else if (name === 'VersionError') kind = 'version';
  else if (
    name === 'InvalidStateError' ||
    name === 'SecurityError' ||
    /indexeddb.*(not|un)available/i.test(text)
  )
    kind = 'unavailable';
  else if (name === 'DataError' || name === 'DataCloneError' || name === 'ConstraintError') kind = 'invalid';
  return new StorageError(kind, MESSAGES[kind], error);
}

/** The message shown for a kind of storage failure. */
export function storageMessage(kind: StorageErrorKind): string {
  return MESSAGES[kind];
}
