import { useState } from 'preact/hooks';
import {
  deleteSong,
  formatBytes,
  formatDuration,
  lastImportedId,
  mixSong,
  renameSong,
  type SongSummary,
  togglePreview,
} from '../../state/library/library';
import { ConfirmDialog } from '../controls/confirm-dialog';
import { SongRow } from './song-row';

function details(song: SongSummary): string {
  const tracks = song.tracks.length === 1 ? '1 track' : `${song.tracks.length} tracks`;
  const names = song.tracks.length > 1 ? `: ${song.tracks.map((t) => t.name).join(', ')}` : '';
  return `${formatDuration(song.length / song.sampleRate)} · ${formatBytes(song.bytes)} · ${tracks}${names}`;
}

/** An imported song: the shared row plus rename (inline) and delete (confirmed). */
export function ImportedSongRow({ song }: { song: SongSummary }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(song.name);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  const save = async () => {
    const result = await renameSong(song.id, name);
    if (result.ok) {
      setEditing(false);
      setError(null);
    } else setError(result.error);
  };

  const renameForm = editing && (
    <form
      class="lib-rename"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label class="lib-visually-hidden" for={`rename-${song.id}`}>
        New name for {song.name}
      </label>
      <input
        id={`rename-${song.id}`}
        class="lib-input"
        value={name}
        maxLength={120}
        // biome-ignore lint/a11y/noAutofocus: the field appears because the learner asked to rename.
        autoFocus
        onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setEditing(false);
        }}
        aria-invalid={error !== null}
        aria-describedby={error ? `rename-err-${song.id}` : undefined}
      />
      <button type="submit" class="btn btn-primary">
        Save
      </button>
      <button type="button" class="btn" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {error && (
        <p id={`rename-err-${song.id}`} class="lib-error">
          {error}
        </p>
      )}
    </form>
  );

  return (
    <SongRow
      id={song.id}
      title={song.name}
      details={details(song)}
      highlight={lastImportedId.value === song.id}
      onPreview={() => void togglePreview(song.id)}
      onMix={() => mixSong(song.id)}
      below={renameForm || (error && <p class="lib-error">{error}</p>)}
    >
      {!editing && (
        <button
          type="button"
          class="btn"
          onClick={() => {
            setName(song.name);
            setEditing(true);
          }}
        >
          Rename
        </button>
      )}
      <button type="button" class="btn btn-danger" onClick={() => setConfirming(true)}>
        Delete…
      </button>
      <ConfirmDialog
        open={confirming}
        title={`Delete “${song.name}”?`}
        confirmLabel="Delete song"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          setConfirming(false);
          const result = await deleteSong(song.id);
          if (!result.ok) setError(result.error);
        }}
      >
        <p>
          This removes the song and its {song.tracks.length === 1 ? 'audio' : `${song.tracks.length} tracks`}{' '}
          from this device ({formatBytes(song.bytes)}). Your original files are not touched. It cannot be
          undone.
        </p>
      </ConfirmDialog>
    </SongRow>
  );
}
