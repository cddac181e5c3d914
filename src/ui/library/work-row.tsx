import { useState } from 'preact/hooks';
import { deleteWork, duplicateArrangement, openArrangement, openMix } from '../../state/library/library';
import { renameSavedWork, type SavedWork, workName } from '../../state/shared/saved-work';
import { ConfirmDialog } from '../controls/confirm-dialog';

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function details(work: SavedWork): string {
  const what = work.kind === 'arrangement' ? 'Arrangement' : 'Mix: faders, pan, EQ, compressors, sends';
  const named = work.name ? ` of ${work.title}` : '';
  return `${what}${named} · saved ${WHEN.format(work.updatedAt)}`;
}

/** A saved arrangement or mix: open it where it was made, rename it (inline), delete it (confirmed). */
export function WorkRow({ work }: { work: SavedWork }) {
  const title = workName(work);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const fieldId = `work-name-${work.id.replace(/[^a-z0-9-]/gi, '_')}`;

  const save = async () => {
    const result = await renameSavedWork(work.id, name);
    if (result.ok) {
      setEditing(false);
      setError(null);
    } else setError(result.error);
  };

  return (
    <li class="lib-song lib-work">
      <div class="lib-song-text">
        <span class="lib-song-title">{title}</span>
        <span class="lib-song-details muted">{details(work)}</span>
      </div>
      <div class="lib-song-actions">
        <button
          type="button"
          class="btn btn-primary"
          onClick={() => (work.kind === 'arrangement' ? void openArrangement(work) : openMix(work))}
        >
          {work.kind === 'arrangement' ? 'Open in arranger' : 'Open mix'}
        </button>
        {!editing && (
          <button
            type="button"
            class="btn"
            onClick={() => {
              setName(title);
              setEditing(true);
            }}
          >
            Rename
          </button>
        )}
        {work.kind === 'arrangement' && (
          <button
            type="button"
            class="btn"
            onClick={async () => {
              const result = await duplicateArrangement(work);
              if (!result.ok) setError(result.error);
            }}
          >
            Duplicate
          </button>
        )}
        <button type="button" class="btn btn-danger" onClick={() => setConfirming(true)}>
          Delete…
        </button>
      </div>
      {editing && (
        <form
          class="lib-rename"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label class="lib-visually-hidden" for={fieldId}>
            New name for {title}
          </label>
          <input
            id={fieldId}
            class="lib-input"
            value={name}
            maxLength={80}
            // biome-ignore lint/a11y/noAutofocus: the field appears because the learner asked to rename.
            autoFocus
            onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setEditing(false);
            }}
            aria-invalid={error !== null}
          />
          <button type="submit" class="btn btn-primary">
            Save
          </button>
          <button type="button" class="btn" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      )}
      {error && <p class="lib-error">{error}</p>}
      <ConfirmDialog
        open={confirming}
        title={`Delete “${title}”?`}
        confirmLabel={work.kind === 'arrangement' ? 'Delete arrangement' : 'Delete mix'}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          setConfirming(false);
          const result = await deleteWork(work);
          if (!result.ok) setError(result.error);
        }}
      >
        <p>
          {work.kind === 'arrangement'
            ? 'This removes the arrangement from this device. Mixes you made of it stay.'
            : 'This forgets your fader, pan, EQ, compressor and send settings for this song; it opens with the rough mix next time.'}{' '}
          It cannot be undone.
        </p>
      </ConfirmDialog>
    </li>
  );
}
