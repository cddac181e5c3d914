import type { SkillPath, Stage } from '../../training/skill-map';

function standing(s: Stage): string {
  if (s.status === 'mastered') return s.passedAbove ? 'Passed (you passed a higher level)' : 'Mastered';
  if (s.answers === 0) return 'Not tried yet';
  return `${s.right} of your last ${s.answers} right`;
}

function practiseHref(s: Stage): string {
  return `/train?kind=${encodeURIComponent(s.kind)}&level=${s.level}`;
}

/** One skill: where the learner is on its ladder, the stage to work on, and every stage's criterion. */
function SkillRow({ path }: { path: SkillPath }) {
  const s = path.current;
  return (
    <li class="skill-row">
      <div class="skill-row-head">
        <h3 class="skill-name">{path.label}</h3>
        <span class="muted">
          {path.mastered} of {path.stages.length} stages
        </span>
        <span class="skill-bar" aria-hidden="true">
          <span style={{ width: `${(100 * path.mastered) / Math.max(1, path.stages.length)}%` }} />
        </span>
      </div>
      {s ? (
        <p class="skill-current">
          <strong>{s.name}</strong>: {s.kindTitle}, level {s.level} ({s.levelName}).{' '}
          <span class="muted">{standing(s)}.</span>{' '}
          {s.lessonId && !s.lessonDone ? (
            <>
              <a href={`/learn/${s.lessonId}`}>Read “{s.lessonTitle}” first</a> (advice, not a lock) or{' '}
              <a href={practiseHref(s)}>practise now</a>.
            </>
          ) : (
            <a href={practiseHref(s)}>Practise</a>
          )}
        </p>
      ) : (
        <p class="skill-current">Every stage mastered.</p>
      )}
      <details class="skill-stages">
        <summary>Every stage and what it asks</summary>
        <ol>
          {path.stages.map((st) => (
            <li key={st.id} class={`stage is-${st.status}`}>
              <span class="stage-name">{st.name}</span> — {st.criterion}.{' '}
              <span class="muted">{standing(st)}.</span>
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}

/** The skill map: one row per skill, in teaching order. */
export function SkillLadder({ map }: { map: readonly SkillPath[] }) {
  return (
    <section class="panel skill-map" aria-labelledby="skill-map-title">
      <h2 id="skill-map-title">Your skill map</h2>
      <p class="muted">
        Each skill is a ladder of stages. A stage is mastered when you get 80 % of your last 20 answers right
        (a score of 70 or more); whole mixes ask for 4 of your last 5. The workout picks the stage you are on.
      </p>
      <ul class="skill-list">
        {map.map((p) => (
          <SkillRow key={p.skill} path={p} />
        ))}
      </ul>
    </section>
  );
}
