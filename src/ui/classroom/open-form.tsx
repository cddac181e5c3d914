/** Paste a link or code, or choose a `.headroom.json` file: decoded here, nothing stored until the student says so. */
import { useState } from 'preact/hooks';
import { openedAssignment, readAssignment } from '../../state/classroom/classroom';
import { navigate } from '../../state/shared/router';
import { readFiles } from './transfer';

/** The form; on success it shows the assignment on /classroom/open. */
export function OpenAssignmentForm() {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = (input: string) => {
    const decoded = readAssignment(input);
    if (!decoded.ok) {
      setError(decoded.error);
      return;
    }
    setError(null);
    openedAssignment.value = decoded.assignment;
    navigate('/classroom/open');
  };
  return (
    <section class="panel" aria-labelledby="open-h">
      <h2 id="open-h">Open an assignment</h2>
      <p class="muted">
        Got a link from your teacher? Just open it. Or paste the link or code here, or choose the file.
      </p>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          open(text);
        }}
      >
        <label class="cr-field">
          <span>Link or code</span>
          <textarea
            class="cr-input cr-code"
            rows={2}
            value={text}
            spellcheck={false}
            aria-invalid={error ? true : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <div class="row">
          <button type="submit" class="btn btn-primary" disabled={text.trim() === ''}>
            Open
          </button>
          <label class="btn cr-file">
            Choose a file…
            <input
              type="file"
              accept=".json,application/json"
              onChange={async (e) => {
                const input = e.currentTarget;
                const [file] = await readFiles(input.files);
                input.value = '';
                if (!file) return;
                if (file.text === null) setError(file.error ?? 'The file could not be read.');
                else open(file.text);
              }}
            />
          </label>
        </div>
        {error && (
          <p class="cr-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
