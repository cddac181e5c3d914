/** /classroom/open#a=…: shows a received assignment and asks which profile does it. Nothing is stored before that. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { acceptAssignment, openedAssignment, readAssignment } from '../../state/classroom';
import { createProfile } from '../../state/profiles';
import { navigate } from '../../state/router';
import { activeProfileId, profiles } from '../../state/storage';
import { AssignmentSummary } from './assignment-summary';

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
  const keep = async () => {
    let id = profileId;
    if (id === 'new') {
      const made = await createProfile(newName, { activate: false });
      if (!made.ok) return setError(made.error);
      id = made.profile.id;
    }
    const r = await acceptAssignment(a, id);
    if (!r.ok) return setError(r.error);
    openedAssignment.value = null;
    navigate(`/classroom/work/${encodeURIComponent(a.id)}`);
  };
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
        <button type="button" class="btn btn-primary" onClick={() => void keep()}>
          Keep it and start
        </button>
        <a class="btn" href="/classroom">
          Not now
        </a>
      </div>
    </section>
  );
}
