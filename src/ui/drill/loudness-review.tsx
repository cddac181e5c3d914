import { dbWords } from '../../exercises/loudness/check';
import type { LoudnessAnswer, LoudnessQuestion } from '../../exercises/loudness/meta';

/** The level scale of the picture: the louder side at 0 dB, the bars' floor this far down. */
const FLOOR_DB = 8;

/**
 * Which is louder, after answering: A's and B's levels as two bars (the louder at 0 dB), the right side drawn
 * solid and the side the learner picked outlined, with the difference (and their amount, when asked) in words.
 */
export function LoudnessReview({ q, a }: { q: LoudnessQuestion; a: LoudnessAnswer }) {
  const w = 600;
  const h = 170;
  const top = 18;
  const bottom = h - 22;
  const y = (db: number) => top + (Math.min(FLOOR_DB, -db) / FLOOR_DB) * (bottom - top);
  const sides = (['A', 'B'] as const).map((s, i) => ({
    s,
    x: 140 + i * 240,
    db: s === q.louderSide ? 0 : -q.differenceDb,
  }));
  const yours = q.askAmount && typeof a?.amountDb === 'number' ? ` by ${dbWords(a.amountDb)}` : '';
  return (
    <figure class="review-figure">
      <svg
        class="review-svg"
        viewBox={`0 0 ${w} ${h}`}
        role="img"
        aria-label={`${q.louderSide} was ${dbWords(q.differenceDb)} louder; you chose ${a?.side ?? 'nothing'}${yours}.`}
      >
        <g class="eq-grid">
          {[0, -2, -4, -6, -8].map((db) => (
            <g key={db}>
              <line x1={30} x2={w - 10} y1={y(db)} y2={y(db)} class={db === 0 ? 'eq-zero' : undefined} />
              <text x={2} y={y(db) + 4}>
                {db === 0 ? '0 dB' : db}
              </text>
            </g>
          ))}
        </g>
        {sides.map(({ s, x, db }) => (
          <g key={s}>
            <rect
              x={x}
              y={y(db)}
              width={80}
              height={bottom - y(db)}
              fill={s === q.louderSide ? 'var(--ok)' : 'var(--muted)'}
              opacity={s === q.louderSide ? 0.85 : 0.45}
            />
            {a?.side === s && (
              <rect x={x - 4} y={y(db) - 4} width={68} height={bottom - y(db) + 4} class="review-yours" />
            )}
            <text x={x + 40} y={h - 6} text-anchor="middle">
              {s}
              {a?.side === s ? ' (yours)' : ''}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        {q.louderSide} played {dbWords(q.differenceDb)} louder, with the same tone.
        {q.askAmount && typeof a?.amountDb === 'number' ? ` You said ${dbWords(a.amountDb)}.` : ''}
      </figcaption>
    </figure>
  );
}
