import { formatHz } from '../../dsp/bands';
import type { ConfusionMatrix } from '../../training/eq-confusion';
import { shortHz } from './format';

/** Props of one confusion heat map. */
export interface ConfusionGridProps {
  matrix: ConfusionMatrix;
  caption: string;
}

/** Background of a cell: its share of the row, green on the diagonal (right), amber-red off it. */
function heat(count: number, rowTotal: number, right: boolean): string | undefined {
  if (count === 0 || rowTotal === 0) return undefined;
  const share = Math.round(15 + 60 * (count / rowTotal));
  return `color-mix(in srgb, var(${right ? '--heat-right' : '--heat-wrong'}) ${share}%, transparent)`;
}

/**
 * The EQ band confusion matrix as a heat-map table: rows are the band that was played, columns the band
 * the learner chose, each cell the number of answers (shaded by its share of the row). The last column
 * says how many of the row were right. It is a real table, so screen readers announce both headers.
 */
export function ConfusionGrid({ matrix, caption }: ConfusionGridProps) {
  const { bandsHz, counts, rowTotals } = matrix;
  return (
    <div class="confusion-scroll">
      <table class="confusion" data-resolution={matrix.resolution}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="confusion-corner">
              <span aria-hidden="true">Hz</span>
              <span class="progress-sr">Band played</span>
            </th>
            {bandsHz.map((hz) => (
              <th key={hz} scope="col" class="confusion-col">
                <span aria-hidden="true">{shortHz(hz)}</span>
                <span class="progress-sr">You chose {formatHz(hz)}</span>
              </th>
            ))}
            <th scope="col" class="confusion-right-head">
              Right
            </th>
          </tr>
        </thead>
        <tbody>
          {counts.map((row, r) => {
            const total = rowTotals[r] ?? 0;
            const right = row[r] ?? 0;
            return (
              <tr key={bandsHz[r]} class={total === 0 ? 'confusion-empty' : undefined}>
                <th scope="row">
                  <span aria-hidden="true">{shortHz(bandsHz[r] ?? 0)}</span>
                  <span class="progress-sr">Played {formatHz(bandsHz[r] ?? 0)}</span>
                </th>
                {row.map((count, c) => (
                  <td
                    key={bandsHz[c]}
                    class={r === c ? 'confusion-cell confusion-diagonal' : 'confusion-cell'}
                    style={{ background: heat(count, total, r === c) }}
                  >
                    {count === 0 ? <span class="progress-sr">0</span> : count}
                  </td>
                ))}
                <td class="confusion-right">{total === 0 ? '–' : `${right}/${total}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
