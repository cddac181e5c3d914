/** Importing reports: many files at once, or pasted codes; every input gets a line saying what happened. */
import { useState } from 'preact/hooks';
import { type ImportResult, importReports, splitPastedCodes } from '../../state/classroom/classroom-teacher';
import { readFiles } from './transfer';

const LABEL: Record<ImportResult['status'], string> = {
  added: 'Imported',
  flagged: 'Flagged',
  duplicate: 'Already there',
  refused: 'Refused',
};

/** The import panel. */
export function ReportImport() {
  const [text, setText] = useState('');
  const [results, setResults] = useState<ImportResult[]>([]);
  const [busy, setBusy] = useState(false);
  const run = async (inputs: { source: string; text: string | null; error?: string }[]) => {
    setBusy(true);
    const unreadable: ImportResult[] = inputs
      .filter((i) => i.text === null)
      .map((i) => ({ source: i.source, status: 'refused', message: i.error ?? 'Could not be read.' }));
    const readable = inputs.flatMap((i) => (i.text === null ? [] : [{ source: i.source, text: i.text }]));
    setResults([...unreadable, ...(await importReports(readable))]);
    setBusy(false);
  };
  return (
    <section class="panel stack" aria-labelledby="import-h">
      <h2 id="import-h">Import reports</h2>
      <div class="row">
        <label class="btn btn-primary cr-file">
          Choose report files…
          <input
            type="file"
            multiple
            accept=".json,application/json"
            disabled={busy}
            onChange={async (e) => {
              const input = e.currentTarget;
              const files = await readFiles(input.files);
              input.value = '';
              await run(files);
            }}
          />
        </label>
        <span class="muted">Select many at once.</span>
      </div>
      <form
        class="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          await run(
            splitPastedCodes(text).map((code, i) => ({ source: `Pasted code ${i + 1}`, text: code })),
          );
          setText('');
        }}
      >
        <label class="cr-field">
          <span>Or paste report codes (one or more)</span>
          <textarea
            class="cr-input cr-code"
            rows={3}
            spellcheck={false}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <div class="row">
          <button type="submit" class="btn" disabled={busy || text.trim() === ''}>
            Import codes
          </button>
        </div>
      </form>
      {results.length > 0 && (
        <ul class="plain-list cr-results" aria-live="polite">
          {results.map((r, i) => (
            <li key={i} class={`cr-result cr-result-${r.status}`}>
              <strong>{LABEL[r.status]}</strong> <span class="muted">{r.source}:</span> {r.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
