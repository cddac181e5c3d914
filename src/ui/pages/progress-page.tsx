import { useEffect, useState } from 'preact/hooks';
import { loadProgressSummary, type ProgressSummary } from '../../state/progress';

/** Progress: what the active profile has practised, from stored attempts. */
export default function ProgressPage() {
  const [summary, setSummary] = useState<ProgressSummary | null>(null);
  useEffect(() => {
    loadProgressSummary().then(setSummary, () => setSummary({ attempts: 0, exercises: [] }));
  }, []);
  return (
    <section class="stack">
      <header class="page-head">
        <h1>Progress</h1>
        <p class="lede">Every answer you give is scored and kept on this device.</p>
      </header>
      {summary === null ? (
        <p class="loading">Loading…</p>
      ) : summary.attempts === 0 ? (
        <p class="panel">No practice recorded yet. Answer a drill in Train and your scores appear here.</p>
      ) : (
        <table class="table">
          <caption>Practice by exercise</caption>
          <thead>
            <tr>
              <th scope="col">Exercise</th>
              <th scope="col">Attempts</th>
              <th scope="col">Average</th>
              <th scope="col">Best</th>
              <th scope="col">Streak</th>
            </tr>
          </thead>
          <tbody>
            {summary.exercises.map((p) => (
              <tr key={p.exercise}>
                <th scope="row">{p.exercise}</th>
                <td>{p.attempts}</td>
                <td>{Math.round(p.totalScore / p.attempts)}</td>
                <td>{p.bestScore}</td>
                <td>{p.streak}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
