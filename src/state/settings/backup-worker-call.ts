/**
 * The page's side of backup.worker.ts: requests go out with an id, progress messages come back while the
 * worker works, and the promise settles on the final reply. A worker that cannot start makes `ask`
 * return null (the caller then does the work on the main thread); one that fails mid-way rejects.
 */
import type { BackupResult } from '../../storage/backup';
import type { BackupContents } from '../../storage/backup-records';
import type { RestoreMode, RestoreSummary } from '../../storage/backup-restore';

/** What the page asks the backup worker. */
export type BackupWorkerRequest =
  | { id: number; type: 'check'; file: Blob }
  | { id: number; type: 'restore'; ticket: number; mode: RestoreMode; dbName?: string; mark?: string }
  | { id: number; type: 'forget' };

/** A backup the worker checked and keeps: what it holds, and the ticket a restore of it names. */
export interface CheckedInWorker {
  contents: BackupContents;
  ticket: number;
}

/** What the backup worker answers: progress (0…1) while working, then one final reply. */
export type BackupWorkerReply =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'done'; result: BackupResult<CheckedInWorker | RestoreSummary | null> }
  | { id: number; type: 'error'; message: string };

/** Requests without their id (the caller adds one). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

interface Waiting {
  resolve: (result: BackupResult<unknown>) => void;
  reject: (error: Error) => void;
  onProgress?: (fraction: number) => void;
}

let worker: Worker | null = null;
let failed = false;
let nextId = 1;
const waiting = new Map<number, Waiting>();

function start(): Worker | null {
  if (failed || typeof Worker === 'undefined') return null;
  if (worker) return worker;
  try {
    worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    failed = true;
    return null;
  }
  worker.onmessage = (event: MessageEvent<BackupWorkerReply>) => {
    const reply = event.data;
    const entry = waiting.get(reply.id);
    if (!entry) return;
    if (reply.type === 'progress') {
      entry.onProgress?.(reply.fraction);
      return;
    }
    waiting.delete(reply.id);
    if (reply.type === 'done') entry.resolve(reply.result);
    else entry.reject(new Error(reply.message));
  };
  worker.onerror = () => {
    failed = true;
    worker?.terminate();
    worker = null;
    const pending = [...waiting.values()];
    waiting.clear();
    for (const entry of pending) entry.reject(new Error('The backup worker stopped.'));
  };
  return worker;
}

/**
 * Sends a request to the backup worker; null when no worker can run here. The promise settles with the
 * worker's result, or rejects when the worker fails mid-way.
 */
export function askBackupWorker<T>(
  request: Unnumbered<BackupWorkerRequest>,
  onProgress?: (fraction: number) => void,
): Promise<BackupResult<T>> | null {
  const w = start();
  if (!w) return null;
  const id = nextId++;
  return new Promise<BackupResult<T>>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (r: BackupResult<unknown>) => void, reject, onProgress });
    w.postMessage({ ...request, id });
  });
}
