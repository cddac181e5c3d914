import { useState } from 'preact/hooks';
import type { DrillSession } from '../../state/drill/drill';
import { freeStorage, storageProblem } from '../../state/shared/storage';

/**
 * Whether the answer just given is stored: "Saving…", then "Saved on this device" only once its
 * transaction completed, or why not, with a way to free space (storage full) and try again.
 */
export function SaveStatus({ session }: { session: DrillSession }) {
  const [busy, setBusy] = useState(false);
  const save = session.lastSave.value;
  if (!save || save.index !== session.index.value) return null;
  if (save.state === 'saving') return <p class="save-status muted">Saving…</p>;
  if (save.state === 'saved')
    return (
      <p class="save-status is-saved">
        <span aria-hidden="true">✓ </span>Saved on this device.
      </p>
    );
  const problem = storageProblem.value;
  const full = problem?.kind === 'quota';
  const retry = async () => {
    setBusy(true);
    try {
      if (full) await freeStorage();
      await session.retryUnsaved();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="save-status is-failed" role="alert">
      <p>
        <strong>Not saved.</strong>{' '}
        {full
          ? 'Storage on this device is full. Clearing the cached audio makes room (songs are made again when needed).'
          : `${problem && problem.kind !== 'unknown' ? problem.message : 'This browser refused to store the answer.'} The answer is kept here until the drill closes.`}
      </p>
      <button type="button" class="btn" disabled={busy} onClick={() => void retry()}>
        {full ? 'Clear cached audio and save' : 'Try saving again'}
      </button>
    </div>
  );
}
