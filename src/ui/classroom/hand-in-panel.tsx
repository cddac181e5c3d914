/** Hand in: the student's name, then the report as a download and a copyable code, with an honest note. */
import { useRef, useState } from 'preact/hooks';
import { type HandIn, handInAssignment, type StudentAssignment } from '../../state/classroom/classroom';
import { profiles } from '../../state/shared/storage';
import { copyText, downloadText, formatTime } from './transfer';

/** The panel for one received assignment. */
export function HandInPanel({ item }: { item: StudentAssignment }) {
  const profileName = profiles.value.find((p) => p.id === item.profileId)?.name ?? '';
  const [name, setName] = useState(profileName === 'Me' ? '' : profileName);
  const [result, setResult] = useState<HandIn | null>(null);
  const [error, setError] = useState<string | null>(null);
  const codeField = useRef<HTMLTextAreaElement>(null);
  const missing = item.grade.questions - item.grade.answered;
  return (
    <section class="panel stack" aria-labelledby="handin-h">
      <h2 id="handin-h">Hand in</h2>
      {item.handedInAt !== undefined && !result && (
        <p>
          You handed this in on {formatTime(item.handedInAt)}. You can hand in again; your teacher counts the
          newest report.
        </p>
      )}
      {missing > 0 && (
        <p class="cr-warning">
          {missing} of {item.grade.questions} questions are not answered yet; they count as 0.
        </p>
      )}
      <form
        class="row cr-inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await handInAssignment(item.key, name);
          if (r.ok) {
            setResult(r);
            setError(null);
          } else setError(r.error);
        }}
      >
        <label class="cr-field">
          <span>Your name, as your teacher knows you</span>
          <input
            class="cr-input"
            value={name}
            maxLength={60}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="btn btn-primary">
          Hand in
        </button>
      </form>
      {error && (
        <p class="cr-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div class="stack cr-report" aria-live="polite">
          <p>
            <strong>Your report is ready: {result.report.score}/100.</strong>{' '}
            {result.report.score >= item.assignment.passMark
              ? `That passes (the pass mark is ${item.assignment.passMark}).`
              : `The pass mark is ${item.assignment.passMark}: practise the items with low scores and hand in again if your teacher allows it.`}{' '}
            Send it to your teacher as a file, or copy the code into a message.
          </p>
          <div class="row">
            <button
              type="button"
              class="btn btn-primary"
              onClick={() => downloadText(result.fileName, result.fileText)}
            >
              Download report file
            </button>
            <button type="button" class="btn" onClick={() => void copyText(result.code, codeField.current)}>
              Copy report code
            </button>
          </div>
          <label class="cr-field">
            <span>Report code</span>
            <textarea ref={codeField} class="cr-input cr-code" rows={3} readOnly value={result.code} />
          </label>
          <p class="muted">
            The report carries your answers, and your teacher’s Headroom marks them again against the
            assignment, so a changed score shows. It is not tamper-proof: it catches slips and edits, not
            everything a determined forger could do.
          </p>
        </div>
      )}
    </section>
  );
}
