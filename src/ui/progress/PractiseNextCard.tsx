import type { PractiseSuggestion } from '../../training/practise-next';

/** The one drill to do next, why, and a link that starts it on the Train page. */
export function PractiseNextCard({ next }: { next: PractiseSuggestion }) {
  return (
    <section class="panel practise-next" aria-labelledby="practise-next-title">
      <h2 id="practise-next-title">{next.firstTime ? 'Your first drill' : 'Practise next'}</h2>
      <p class="practise-next-kind">
        <strong>{next.title}</strong>
        <span class="badge">{next.skillLabel}</span>
      </p>
      <p class="muted">
        Level {next.level}: {next.levelName}
      </p>
      <p>{next.reason}</p>
      <div class="row">
        <a class="btn btn-primary practise-next-go" href={next.href}>
          Start this drill
        </a>
        {!next.firstTime && (
          <a class="btn practise-next-workout" href="/train?workout=today">
            Today’s workout
          </a>
        )}
      </div>
      {!next.firstTime && (
        <p class="muted">The daily workout on the Train page mixes this with your other weak spots.</p>
      )}
    </section>
  );
}
