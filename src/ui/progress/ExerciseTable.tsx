import type { ExerciseRow } from '../../training/progress-view';
import { daysAgo } from './format';

/** Props of the per-exercise table. */
export interface ExerciseTableProps {
  rows: readonly ExerciseRow[];
  today: number;
}

/** Answers, average score and the share right of the latest 20 answers per kind, with when it was last practised. */
export function ExerciseTable({ rows, today }: ExerciseTableProps) {
  return (
    <div class="table-scroll">
      <table class="table exercise-table">
        <caption>By exercise</caption>
        <thead>
          <tr>
            <th scope="col">Exercise</th>
            <th scope="col" class="num">
              Answers
            </th>
            <th scope="col" class="num">
              Average
            </th>
            <th scope="col" class="num">
              Last 20
            </th>
            <th scope="col" class="col-last">
              Last
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.kind}${r.memory ? '@memory' : ''}`} data-memory={r.memory ? 'true' : undefined}>
              <th scope="row">
                {r.title}
                <span class="exercise-skill">{r.skillLabel}</span>
              </th>
              <td class="num">{r.attempts}</td>
              <td class="num">
                <span class="score-bar" style={{ '--score': r.average / 100 }}>
                  {r.average}
                </span>
              </td>
              <td class="num">
                {r.recent ? `${Math.round((100 * r.recent.right) / r.recent.of)} % right` : '–'}
              </td>
              <td class="col-last">{daysAgo(r.lastDay, today)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
