import { trackRef } from '../../exercises/shared/tracks';
import type { StereoWidthAnswer, StereoWidthQuestion } from '../../exercises/stereo-width/meta';
import type { TrackId } from '../../production/types';

const W = 600;
const ROW = 46;
const LABEL = 130;
const HALF = (W - LABEL - 20) / 2;
const CENTRE = LABEL + 10 + HALF;

/** Where a part panned at `pan` sits at `width` (its place in the field, −1 … 1). */
function placed(pan: number, width: number): number {
  return Math.max(-1, Math.min(1, pan * width));
}

interface Row {
  label: string;
  width: number;
  mono?: boolean;
  tone: 'right' | 'yours' | 'plain';
}

/**
 * The stereo field of each version: every part as a dot where its pan and the width put it, the spread of the
 * mix as a band (100 % = as panned). The mono drill draws the out-of-phase part as a hollow band across the
 * whole field in stereo, and leaves it out in mono (it cancelled).
 */
export function WidthReview({ q, a }: { q: StereoWidthQuestion; a: StereoWidthAnswer }) {
  const rows: Row[] =
    q.subtype === 'which'
      ? [
          {
            label: `A: ${Math.round(q.widthA * 100)} %`,
            width: q.widthA,
            tone: q.correct === 'A' ? 'right' : 'plain',
          },
          {
            label: `B: ${Math.round(q.widthB * 100)} %`,
            width: q.widthB,
            tone: q.correct === 'B' ? 'right' : 'plain',
          },
        ]
      : q.subtype === 'amount'
        ? [
            { label: 'A: 100 %', width: 1, tone: 'plain' },
            { label: `B: ${q.correct} % (right)`, width: q.widthB, tone: 'right' },
            ...(Number.isFinite(Number(a?.choice)) && a.choice !== q.correct
              ? [{ label: `yours: ${a.choice} %`, width: Number(a.choice) / 100, tone: 'yours' as const }]
              : []),
          ]
        : [
            { label: 'A: stereo', width: 1, tone: 'plain' },
            { label: 'B: mono', width: 0, mono: true, tone: 'right' },
          ];
  // The out-of-phase part plays from the centre as (x, −x): it is the hollow band, not a dot.
  const parts = (Object.keys(q.pans) as TrackId[]).filter((id) => id !== q.flipped);
  const spread = (width: number) =>
    Math.max(...parts.map((id) => Math.abs(placed(q.pans[id] ?? 0, width))), 0);
  const height = rows.length * ROW + 24;
  // The question lists the parts it offers by name (an imported song's tracks have no generated part's name).
  const flippedLabel = q.flipped ? q.choiceLabels[q.choices.indexOf(q.flipped)] : undefined;
  const flipped = q.flipped ? (flippedLabel ?? trackRef(q.flipped).name).toLowerCase() : '';
  return (
    <figure class="review-figure">
      <svg
        class="review-svg"
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-label={`Stereo field of each version: ${rows.map((r) => r.label).join(', ')}`}
      >
        <g class="eq-grid">
          {[-1, 0, 1].map((x) => (
            <line
              key={x}
              x1={CENTRE + x * HALF}
              x2={CENTRE + x * HALF}
              y1={0}
              y2={height - 20}
              class={x === 0 ? 'eq-zero' : undefined}
            />
          ))}
          <text x={CENTRE - HALF} y={height - 6}>
            left
          </text>
          <text x={CENTRE - 16} y={height - 6}>
            centre
          </text>
          <text x={CENTRE + HALF - 28} y={height - 6}>
            right
          </text>
        </g>
        {rows.map((r, i) => {
          const y = i * ROW + ROW / 2;
          const s = spread(r.width) * HALF;
          const cls =
            r.tone === 'right' ? 'review-right' : r.tone === 'yours' ? 'review-yours' : 'width-plain';
          return (
            <g key={r.label}>
              <text x={4} y={y + 4} class="width-label">
                {r.label}
              </text>
              <rect
                x={CENTRE - s}
                y={y - 9}
                width={Math.max(2 * s, 2)}
                height={18}
                rx={9}
                class={`width-band ${cls}`}
              />
              {q.flipped && !r.mono && (
                <rect x={CENTRE - HALF} y={y - 5} width={2 * HALF} height={10} rx={5} class="width-flipped" />
              )}
              {parts.map((id) => (
                <circle
                  key={id}
                  cx={CENTRE + placed(q.pans[id] ?? 0, r.mono ? 0 : r.width) * HALF}
                  cy={y}
                  r={4}
                  class="width-dot"
                />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        {q.subtype === 'mono'
          ? `The ${flipped} was out of phase (the hollow band): in stereo it sounds wide but has no centre; summed to mono it cancels.`
          : 'Dots are the panned parts; the band is how far the mix spreads. Width scales everything that is not in the centre.'}
      </figcaption>
    </figure>
  );
}
