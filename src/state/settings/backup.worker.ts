/**
 * Checks and restores backup files off the main thread, so a 45 MB backup does not freeze the page: the
 * file is read here in pieces, its manifest parsed and checked here, and the restore writes to IndexedDB
 * from here (batched, with progress). The checked backup stays here until it is restored or replaced;
 * the page only gets what the preview shows.
 */
import { type CheckedBackup, readBackup } from '../../storage/backup';
import { backupProblem } from '../../storage/backup-format';
import { restoreBackup } from '../../storage/backup-restore';
import { toStorageError } from '../../storage/errors';
import { openHeadroomDb } from '../../storage/open';
import type { BackupWorkerReply, BackupWorkerRequest } from './backup-worker-call';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BackupWorkerRequest>) => void) | null;
  postMessage(message: BackupWorkerReply): void;
};

/** The last backup checked here, by the id of its check request. */
let held: { ticket: number; backup: CheckedBackup } | null = null;

async function answer(request: BackupWorkerRequest): Promise<BackupWorkerReply> {
  const { id } = request;
  const onProgress = (fraction: number) => scope.postMessage({ id, type: 'progress', fraction });
  if (request.type === 'forget') {
    held = null;
    return { id, type: 'done', result: { ok: true, value: null } };
  }
  if (request.type === 'check') {
    held = null;
    const read = await readBackup(request.file, { onProgress });
    if (!read.ok) return { id, type: 'done', result: read };
    held = { ticket: id, backup: read.value };
    return { id, type: 'done', result: { ok: true, value: { contents: read.value.contents, ticket: id } } };
  }
  if (held?.ticket !== request.ticket)
    return {
      id,
      type: 'done',
      result: { ok: false, problem: backupProblem('storage', 'Choose the backup file again.') },
    };
  let db: Awaited<ReturnType<typeof openHeadroomDb>>;
  try {
    db = await openHeadroomDb({ name: request.dbName });
  } catch (error) {
    return {
      id,
      type: 'done',
      result: { ok: false, problem: backupProblem('storage', toStorageError(error).message) },
    };
  }
  try {
    const result = await restoreBackup(db, held.backup, request.mode, { onProgress, mark: request.mark });
    if (result.ok) held = null;
    return { id, type: 'done', result };
  } finally {
    db.close();
  }
}

scope.onmessage = (event) => {
  answer(event.data).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) =>
      scope.postMessage({
        id: event.data.id,
        type: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
