/** Who is working on this device: pick a profile, add one, rename or delete the active one. */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  activeProfile,
  createProfile,
  deleteProfile,
  MAX_PROFILE_NAME,
  renameProfile,
  switchProfile,
} from '../../state/classroom/profiles';
import { showNotice } from '../../state/shared/notices';
import { activeProfileId, profiles } from '../../state/shared/storage';
import { ConfirmDialog } from '../controls/confirm-dialog';

type Mode = { kind: 'idle' } | { kind: 'create' } | { kind: 'rename'; id: string };

/** A name field with Save/Cancel; shows the reason a name was refused. */
function NameForm(props: {
  initial: string;
  label: string;
  onSave: (name: string) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  return (
    <form
      class="row cr-inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(await props.onSave(name));
      }}
    >
      <label class="cr-field">
        <span>{props.label}</span>
        <input
          class="cr-input"
          value={name}
          maxLength={MAX_PROFILE_NAME}
          ref={field}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'profile-name-error' : undefined}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="btn btn-primary">
        Save
      </button>
      <button type="button" class="btn" onClick={props.onCancel}>
        Cancel
      </button>
      {error && (
        <p id="profile-name-error" class="cr-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** The profile list and its actions. */
export function ProfilesPanel() {
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const active = activeProfile();
  const list = profiles.value;
  return (
    <section class="panel" aria-labelledby="profiles-h">
      <h2 id="profiles-h">Who is practising?</h2>
      <p class="muted">
        Each profile keeps its own scores, lessons and assignments. Pick yours before you start.
      </p>
      <ul class="plain-list cr-profiles">
        {list.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              class={`cr-profile cr-color-${p.color}`}
              aria-pressed={p.id === activeProfileId.value}
              onClick={() => void switchProfile(p.id)}
            >
              {p.name} {p.id === activeProfileId.value && <span class="badge">active</span>}
            </button>
          </li>
        ))}
      </ul>
      {mode.kind === 'create' && (
        <NameForm
          initial=""
          label="New profile’s name"
          onCancel={() => setMode({ kind: 'idle' })}
          onSave={async (name) => {
            const r = await createProfile(name);
            if (!r.ok) return r.error;
            setMode({ kind: 'idle' });
            showNotice({ id: 'profile', tone: 'success', text: `Now practising as ${r.profile.name}.` });
            return null;
          }}
        />
      )}
      {mode.kind === 'rename' && (
        <NameForm
          initial={list.find((p) => p.id === mode.id)?.name ?? ''}
          label="New name"
          onCancel={() => setMode({ kind: 'idle' })}
          onSave={async (name) => {
            const r = await renameProfile(mode.id, name);
            if (!r.ok) return r.error;
            setMode({ kind: 'idle' });
            return null;
          }}
        />
      )}
      {mode.kind === 'idle' && (
        <div class="row">
          <button type="button" class="btn" onClick={() => setMode({ kind: 'create' })}>
            New profile…
          </button>
          {active && (
            <button type="button" class="btn" onClick={() => setMode({ kind: 'rename', id: active.id })}>
              Rename “{active.name}”…
            </button>
          )}
          {active && list.length > 1 && (
            <button type="button" class="btn btn-danger" onClick={() => setConfirming(true)}>
              Delete “{active.name}”…
            </button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete “${active?.name ?? ''}”?`}
        confirmLabel="Delete profile"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          setConfirming(false);
          if (!active) return;
          const r = await deleteProfile(active.id);
          if (r.ok) showNotice({ id: 'profile', tone: 'success', text: `${active.name} was deleted.` });
        }}
      >
        <p>
          This deletes {active?.name}’s scores, progress, lesson places and received assignments on this
          device. It cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}
