/** The restore preview: what a checked backup holds, merge or replace, and a confirmation before replacing. */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  applyBackup,
  BACKUP_KIND_ORDER,
  type BackupKind,
  backupWork,
  type CheckedBackup,
  countPhrase,
  describeRestore,
  kindWords,
  type RestoreMode,
} from '../../state/settings/backup';
import { showNotice } from '../../state/shared/notices';
import { formatSize, madeWords } from './format';

/** "a, b or c". */
function listWords(words: string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

function names(list: string[], max = 4): string {
  if (list.length <= max) return list.join(', ');
  return `${list.slice(0, max).join(', ')} and ${list.length - max} more`;
}

/** A modal dialog (native <dialog>) showing the backup's contents; restoring closes it. */
export function RestoreDialog(props: {
  backup: CheckedBackup;
  fileName: string;
  /** `restored` is true when the dialog closes because the backup was restored. */
  onClose: (restored: boolean) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const work = backupWork.value;
  const busy = work !== null;
  const c = props.backup.contents;

  useEffect(() => {
    ref.current?.showModal();
    return () => ref.current?.close();
  }, []);

  const restore = async () => {
    setProblem(null);
    const result = await applyBackup(props.backup, mode);
    if (!result.ok) {
      setProblem(result.problem.message);
      setConfirming(false);
      return;
    }
    props.onClose(true);
    showNotice({ id: 'restored', tone: 'success', text: describeRestore(result.value) });
  };

  const details: Partial<Record<BackupKind, string>> = {
    profiles: names(c.profileNames),
    songs: `${names(c.songNames)} · ${formatSize(c.audioBytes)}`,
  };
  const held = BACKUP_KIND_ORDER.filter((k) => c.counts[k] > 0);
  const missing = BACKUP_KIND_ORDER.filter((k) => c.counts[k] === 0).map(kindWords);

  return (
    <dialog
      ref={ref}
      class="dialog bk-dialog"
      aria-labelledby="restore-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) props.onClose(false);
      }}
    >
      <h2 id="restore-title">Restore this backup?</h2>
      <p class="muted bk-made">
        {madeWords(c.createdAt)} · {formatSize(props.backup.source.size)}
        <br />
        <span class="bk-name">{props.fileName}</span>
      </p>
      <h3 class="bk-visually-hidden">What the backup holds</h3>
      <ul class="plain-list bk-contents">
        {held.map((k) => (
          <li key={k}>
            <strong>{countPhrase(k, c.counts[k])}</strong>
            {details[k] && <span class="muted">: {details[k]}</span>}
          </li>
        ))}
      </ul>
      {missing.length > 0 && <p class="muted bk-missing">No {listWords(missing)}.</p>}
      {!confirming ? (
        <>
          <fieldset class="bk-modes">
            <legend>How to restore</legend>
            <label class="choice bk-mode">
              <input
                type="radio"
                name="restore-mode"
                checked={mode === 'merge'}
                onChange={() => setMode('merge')}
              />
              <span>
                <strong>Merge</strong> with what is on this device: adds what it does not have yet. Nothing is
                deleted and nothing is doubled.
              </span>
            </label>
            <label class="choice bk-mode">
              <input
                type="radio"
                name="restore-mode"
                checked={mode === 'replace'}
                onChange={() => setMode('replace')}
              />
              <span>
                <strong>Replace</strong> everything on this device with the backup.
              </span>
            </label>
          </fieldset>
          <div class="row bk-actions">
            <button type="button" class="btn" disabled={busy} onClick={() => props.onClose(false)}>
              Cancel
            </button>
            {mode === 'merge' ? (
              <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void restore()}>
                Merge and restore
              </button>
            ) : (
              <button
                type="button"
                class="btn btn-danger"
                disabled={busy}
                onClick={() => setConfirming(true)}
              >
                Replace…
              </button>
            )}
          </div>
        </>
      ) : (
        <div class="stack bk-confirm">
          <h3 id="replace-h">Replace everything on this device?</h3>
          <p>
            Every profile, score, lesson state, assignment, report, setting and imported song on this device
            is deleted and the backup’s take their place. This cannot be undone.
          </p>
          <div class="row bk-actions">
            <button type="button" class="btn" disabled={busy} onClick={() => setConfirming(false)} autofocus>
              Back
            </button>
            <button type="button" class="btn btn-danger" disabled={busy} onClick={() => void restore()}>
              Delete and restore
            </button>
          </div>
        </div>
      )}
      {work?.task === 'restore' && (
        <div class="bk-progress">
          <span role="status">
            Restoring… If the page closes before this ends, nothing on this device changes.
          </span>
          <progress max={1} value={work.fraction} aria-label="Restoring" />
          <span class="bk-percent" aria-hidden="true">
            {Math.round(work.fraction * 100)} %
          </span>
        </div>
      )}
      {problem && (
        <p class="bk-error" role="alert">
          {problem}
        </p>
      )}
    </dialog>
  );
}
