import { useEffect } from 'preact/hooks';
import { progressState, refreshProgress, watchProgress } from '../../state/progress/progress';
import { ProgressDashboard } from '../progress/ProgressDashboard';
import '../progress/progress.css';

/** Progress: the active profile's stored history as trends, mix-ups, thresholds, streaks and a next drill. */
export default function ProgressPage() {
  useEffect(() => watchProgress(), []);
  const state = progressState.value;
  return (
    <section class="stack progress-page">
      <header class="page-head">
        <h1>Progress</h1>
        <p class="lede">Every answer you give is scored and kept on this device.</p>
      </header>
      {state.status === 'loading' ? (
        <p class="loading">Loading…</p>
      ) : state.status === 'error' ? (
        <div class="panel" role="alert">
          <p>{state.message}</p>
          <button type="button" class="btn" onClick={() => void refreshProgress()}>
            Try again
          </button>
        </div>
      ) : (
        <ProgressDashboard view={state.view} />
      )}
    </section>
  );
}
