/** Settings → Your data: make a backup file, or choose one to restore (with a preview before anything changes). */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  BACKUP_EXTENSION,
  backupWork,
  type CheckedBackup,
  checkBackupFile,
  forgetCheckedBackup,
  makeBackup,
} from '../../state/settings/backup';
import { showNotice } from '../../state/shared/notices';
import { settings } from '../../state/shared/storage';
import { formatSize, lastBackupWords } from './format';
import { RestoreDialog } from './restore-dialog';
import './backup.css';

const TASK_WORDS = { backup: 'Making the backup', check: 'Checking the backup file', restore: 'Restoring' };

function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Large files are written to disk after the click returns: keep the URL alive for a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The backup and restore controls with a progress bar and the last backup's date. */
export function BackupPanel() {
  const [problem, setProblem] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ backup: CheckedBackup; fileName: string } | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const work = backupWork.value;
  const last = settings.value.lastBackupAt;

  useEffect(() => {
    // Arriving from the reminder (/settings#backup): bring the backup controls into view.
    if (location.hash === '#backup') root.current?.scrollIntoView({ block: 'center' });
  }, []);

  const backUp = async () => {
    setProblem(null);
    const result = await makeBackup();
    if (!result.ok) {
      setProblem(result.problem.message);
      return;
    }
    saveFile(result.value.blob, result.value.fileName);
    showNotice({
      id: 'backup-made',
      tone: 'success',
      text: `Backup saved as ${result.value.fileName} (${formatSize(result.value.blob.size)}). Keep it somewhere safe.`,
    });
  };

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setProblem(null);
    const result = await checkBackupFile(file);
    if (result.ok) setChecked({ backup: result.value, fileName: file.name });
    else setProblem(result.problem.message);
  };

  return (
    <div class="bk stack" id="backup" ref={root}>
      <h3 id="backup-h">Backup and restore</h3>
      <p>
        A backup file holds everything: profiles, scores, lesson progress, assignments, reports, settings and
        imported songs. Keep it somewhere safe; restore it here or in Headroom on another device.
      </p>
      <p class="muted bk-last">{lastBackupWords(last)}</p>
      <div class="row">
        <button type="button" class="btn btn-primary" disabled={work !== null} onClick={() => void backUp()}>
          Back up now
        </button>
        <label class={`btn bk-file${work !== null ? ' is-disabled' : ''}`}>
          Restore from a backup…
          <input
            type="file"
            accept={`${BACKUP_EXTENSION},application/octet-stream`}
            disabled={work !== null}
            onChange={(e) => void choose(e.currentTarget)}
          />
        </label>
      </div>
      {work && (
        <div class="bk-progress">
          <span role="status">{TASK_WORDS[work.task]}…</span>
          <progress max={1} value={work.fraction} aria-label={TASK_WORDS[work.task]} />
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
      {checked && (
        <RestoreDialog
          backup={checked.backup}
          fileName={checked.fileName}
          onClose={(restored) => {
            if (!restored) forgetCheckedBackup(checked.backup);
            setChecked(null);
          }}
        />
      )}
    </div>
  );
}
