import { useEffect, useRef, useState } from 'preact/hooks';
import { formatBytes } from '../../production/import/limits';
import { importLimits, refreshImportLimits } from '../../state/library/import-limits';
import {
  dismissImportProblems,
  type ImportProgress,
  importFiles,
  importProblems,
  importProgress,
} from '../../state/library/library';

/** "10 minutes", "5 minutes 30 seconds", "1 minute". */
function minutes(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  const words = [m > 0 ? `${m} minute${m === 1 ? '' : 's'}` : '', s > 0 ? `${s} seconds` : ''];
  return words.filter(Boolean).join(' ');
}

/** What the file picker offers (the browser may decode more; WAV always works). */
const ACCEPT = 'audio/*,.wav,.wave,.flac,.mp3,.ogg,.oga,.opus,.m4a,.mp4,.aac,.aif,.aiff,.webm';

/** Shows the import's progress only when it takes longer than this, so quick imports do not flicker. */
const SHOW_AFTER_MS = 200;

const STAGE_WORDS: Record<ImportProgress['stage'], string> = {
  reading: 'Reading',
  decoding: 'Decoding',
  resampling: 'Converting the sample rate of',
  saving: 'Saving',
};

/** The import's progress after SHOW_AFTER_MS, else null. */
function useLateProgress(): ImportProgress | null {
  const progress = importProgress.value;
  const [shown, setShown] = useState(false);
  const running = progress !== null;
  useEffect(() => {
    if (!running) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [running]);
  return shown ? progress : null;
}

/** Import: a file button and a drop zone (one file is a mix, several are the stems of one song). */
export function ImportPanel() {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const progress = useLateProgress();
  const running = importProgress.value !== null;
  const problems = importProblems.value;
  const limits = importLimits.value;

  useEffect(() => {
    // The free storage is known a moment after the memory: the song limit follows it.
    void refreshImportLimits();
  }, []);

  const take = (list: FileList | null | undefined) => {
    const files = list ? [...list] : [];
    if (files.length > 0 && !running) void importFiles(files);
  };

  return (
    <section class="panel lib-import" aria-labelledby="lib-import-h">
      <h2 id="lib-import-h">Import your own audio</h2>
      <section
        aria-label="Drop zone for audio files"
        class={`lib-drop${over ? ' is-over' : ''}`}
        onDragEnter={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(e) => {
          if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setOver(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          take(e.dataTransfer?.files);
        }}
      >
        <p class="lib-drop-lead">
          Drop audio files here, or{' '}
          <button
            type="button"
            class="btn btn-primary"
            disabled={running}
            onClick={() => input.current?.click()}
          >
            Choose files…
          </button>
        </p>
        <p class="muted lib-hint">
          One file becomes a song to listen to; several files become the <strong>stems</strong> of one song,
          one track each (named after the files). WAV, FLAC, MP3, Ogg or M4A, up to {limits.maxTracks} files.
          Everything stays on this device.
        </p>
        <p class="muted lib-hint lib-limits">
          Files up to {minutes(limits.maxSeconds)} of stereo and {formatBytes(limits.maxFileBytes)} each on
          this device; {formatBytes(limits.maxSongBytes)} of audio in one song.
        </p>
        <input
          ref={input}
          id="lib-file"
          class="lib-visually-hidden"
          type="file"
          multiple
          accept={ACCEPT}
          tabIndex={-1}
          aria-label="Audio files to import"
          onChange={(e) => {
            const el = e.currentTarget as HTMLInputElement;
            take(el.files);
            el.value = '';
          }}
        />
      </section>
      {progress && (
        <div class="lib-progress" role="status">
          <span>
            {progress.stage === 'saving'
              ? 'Saving the song…'
              : `${STAGE_WORDS[progress.stage]} “${progress.file}” (${progress.index + 1} of ${progress.count})…`}
          </span>
          <progress max={1} value={progress.fraction} />
        </div>
      )}
      {problems.length > 0 && (
        <div class="lib-problems" role="alert">
          <p>
            <strong>Nothing was imported.</strong>{' '}
            {problems.length === 1 ? 'One problem:' : `${problems.length} problems:`}
          </p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.file}:${p.code}`}>{p.message}</li>
            ))}
          </ul>
          <button type="button" class="btn btn-ghost" onClick={dismissImportProblems}>
            Dismiss
          </button>
        </div>
      )}
    </section>
  );
}
