import { useEffect, useRef } from 'preact/hooks';
import { formatDb } from '../../dsp/db';
import type { DrillSession } from '../../state/drill';
import { closeDrill, startDrill } from '../../state/drill';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The end of a drill: mean score, every question's score and time, and the threshold in adaptive drills. */
export function DrillSummary({ session }: { session: DrillSession }) {
  const s = session.summary.value;
  const answers = session.answers.value;
  const heading = useRef<HTMLHeadingElement>(null);
  // The last question left the page scrolled down (on a phone, past the result): start at the top, on the result.
  useEffect(() => {
    scrollTo({ top: 0 });
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section class="panel drill-summary" aria-labelledby="summary-title">
      <h2 id="summary-title" ref={heading} tabIndex={-1}>
        Done: {s ? `${s.mean}% average` : 'no answers'}
      </h2>
      {s && (
        <p class="lede">
          {s.correct} of {answers.length} right · {seconds(s.totalTimeMs)} in all
        </p>
      )}
      {s?.thresholdWords && <p class="threshold">{s.thresholdWords}</p>}
      {session.saveFailed.value && (
        <p class="error-text" role="alert">
          Some answers could not be saved on this device.
        </p>
      )}
      <table class="table summary-table">
        <caption class="vh">Every question</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Score</th>
            {session.adaptive && <th scope="col">{session.kind === 'pan-position' ? 'Spacing' : 'Size'}</th>}
            <th scope="col">Time</th>
            <th scope="col">Feedback</th>
          </tr>
        </thead>
        <tbody>
          {answers.map((a) => (
            <tr key={a.index}>
              <td>{a.index + 1}</td>
              <td>{a.result.score}</td>
              {session.adaptive && (
                <td>
                  {a.value === undefined
                    ? ''
                    : session.kind === 'pan-position'
                      ? `${a.value} %`
                      : formatDb(a.value)}
                </td>
              )}
              <td>{seconds(a.timeMs)}</td>
              <td>{a.result.feedback}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="row">
        {!session.assignmentId && (
          <button
            type="button"
            class="btn btn-primary"
            onClick={() =>
              startDrill(
                session.adaptive
                  ? { kind: session.kind, adaptive: true, count: session.count }
                  : { kind: session.kind, level: session.level, count: session.count },
              )
            }
          >
            Again
          </button>
        )}
        <button type="button" class="btn" onClick={() => closeDrill()}>
          {session.assignmentId ? 'Back to the classroom' : 'Choose another drill'}
        </button>
      </div>
    </section>
  );
}
