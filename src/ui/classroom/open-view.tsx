/** /classroom/open#a=…: shows a received assignment and asks which profile does it. Nothing is stored before that. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { acceptAssignment, openedAssignment, readAssignment } from '../../state/classroom/classroom';
import { createProfile, switchProfile } from '../../state/classroom/profiles';
import { navigate } from '../../state/shared/router';
import { activeProfileId, profiles } from '../../state/shared/storage';
import { AssignmentSummary } from './assignment-summary';
import { formatTime } from './transfer';

function useHash(): string {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return hash;
}

/** The received assignment, the profile picker, and "Keep it". */
export function OpenView() {
  const hash = useHash();
  const decoded = useMemo(
    () =>
      hash.length > 1
        ? readAssignment(location.href)
        : openedAssignment.value
          ? { ok: true as const, assignment: openedAssignment.value }
          : null,
    [hash, openedAssignment.value],
  );
  const [profileId, setProfileId] = useState(activeProfileId.value);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ profileId: string; title: string; savedAt: number } | null>(
    null,
  );
  const nameField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (profileId === 'new') nameField.current?.focus();
  }, [profileId]);
  if (decoded === null)
    return (
      <section class="panel" role="alert">
        <h2>No assignment to open</h2>
        <p>
          This page opens the assignment in a link. The link you followed has nothing after “#”, so there is
          nothing to show. <a href="/classroom">Paste the link or code</a> instead.
        </p>
      </section>
    );
  if (!decoded.ok)
    return (
      <section class="panel cr-refused" role="alert">
        <h2>This assignment cannot be opened</h2>
        <p>{decoded.error}</p>
        <p class="muted">Nothing was stored. Ask your teacher for the link or file again.</p>
        <a class="btn" href="/classroom">
          Back to my assignments
        </a>
      </section>
    );
  const a = decoded.assignment;
  const open = () => {
    openedAssignment.value = null;
    navigate(`/classroom/work/${encodeURIComponent(a.id)}`);
  };
  const keep = async (replace = false) => {
    let id = conflict?.profileId ?? profileId;
    if (id === 'new') {
      const made = await createProfile(newName, { activate: false });
      if (!made.ok) return setError(made.error);
      id = made.profile.id;
    }
    const r = await acceptAssignment(a, id, { replace });
    if (!r.ok) {
      if ('kept' in r) {
        setError(null);
        return setConflict({ profileId: id, ...r.kept });
      }
      return setError(r.error);
    }
    open();
  };
  if (conflict)
    return (
      <section class="panel stack cr-conflict" role="alert" aria-labelledby="conflict-h">
        <h2 id="conflict-h">You already have a different assignment with this id</h2>
        <p>
          This profile kept “{conflict.title}” on {formatTime(conflict.savedAt)}. The one you just opened, “
          {a.title}”, uses the same id but is not the same assignment. Which one do you want?
        </p>
        <p class="muted">
          Your answers stay in your history either way. If you take the new one, only answers to questions it
          shares with the old one count for it.
        </p>
        <div class="row">
          <button
            type="button"
            class="btn btn-primary"
            onClick={async () => {
              const r = await switchProfile(conflict.profileId).then(
                () => true,
                () => false,
              );
              if (r) open();
            }}
          >
            Keep working on “{conflict.title}”
          </button>
          <button type="button" class="btn" onClick={() => void keep(true)}>
            Replace it with “{a.title}”
          </button>
        </div>
      </section>
    );
  return (
    <section class="panel stack" aria-label="Received assignment">
      <p class="cr-kicker">Assignment from your teacher</p>
      <AssignmentSummary assignment={a} />
      <fieldset class="cr-who">
        <legend>Who is doing it?</legend>
        {profiles.value.map((p) => (
          <label key={p.id} class="choice">
            <input type="radio" name="who" checked={profileId === p.id} onChange={() => setProfileId(p.id)} />
            {p.name}
          </label>
        ))}
        <label class="choice">
          <input type="radio" name="who" checked={profileId === 'new'} onChange={() => setProfileId('new')} />
          Someone new:
        </label>
        {profileId === 'new' && (
          <input
            class="cr-input"
            aria-label="New profile’s name"
            value={newName}
            maxLength={40}
            ref={nameField}
            onInput={(e) => setNewName(e.currentTarget.value)}
          />
        )}
      </fieldset>
      {error && (
        <p class="cr-error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="button" class="btn btn-primary" onClick={() => void keep(false)}>
          Keep it and start
        </button>
        <a class="btn" href="/classroom">
          Not now
        </a>
      </div>
    </section>
  );
}
