import { createRng } from '../../dsp/random';
import { energyOf } from '../../dsp/reverb-measures';
import { REVERB_TRAITS, REVERB_TYPES, spaceImpulseResponse } from '../../dsp/reverb-space';
import {
  type ReverbTypeAnswer,
  type ReverbTypeQuestion,
  type SpaceSpec,
  TYPE_LABELS,
} from '../../exercises/reverb-type/meta';

const W = 600;
const H = 180;
/** The first this-many seconds of each space are drawn (where the types and sizes differ). */
const SHOWN_S = 0.25;
/** Bottom of the picture, dB under the loudest moment. */
const FLOOR_DB = -30;
const RATE = 8000;
/** Energy is summed over bins this long, s (long enough to smooth the noise, short enough for the gaps). */
const BIN_S = 0.006;

/** The space's sound over its first SHOWN_S (dB under its loudest bin) as an SVG path. */
function envelopePath(space: SpaceSpec): string {
  const ir = spaceImpulseResponse(createRng(space.seed), {
    sampleRate: RATE,
    decayS: space.decayS,
    preDelayMs: space.preDelayMs,
    damping: 0,
    stereoWidth: 1,
    type: space.type,
    sizeM: space.sizeM,
  });
  const energy = energyOf(ir);
  const per = Math.round(BIN_S * RATE);
  const bins: number[] = [];
  for (let b = 0; b * BIN_S < SHOWN_S; b++) {
    let e = 0;
    for (let i = b * per; i < (b + 1) * per && i < energy.length; i++) e += energy[i] as number;
    bins.push(e);
  }
  const top = Math.max(...bins);
  return bins
    .map((e, b) => {
      const db = Math.max(FLOOR_DB, 10 * Math.log10(e / top || 1e-9));
      const x = ((b * BIN_S) / SHOWN_S) * W;
      const y = (db / FLOOR_DB) * H;
      return `${b === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

function name(s: SpaceSpec): string {
  return `${TYPE_LABELS[s.type].toLowerCase()} (about ${Math.round(s.sizeM)} m)`;
}

/**
 * How each space answers: the reverb's level over its first quarter second after a click (a room's strong
 * early reflections, a hall's late swell, a plate's instant dense start; a larger space starts later). The
 * right answer against the learner's choice; for "which is larger?", A against B.
 */
export function ReverbTypeReview({ q, a }: { q: ReverbTypeQuestion; a: ReverbTypeAnswer }) {
  let solid: SpaceSpec = q.spaceB;
  let dashed: SpaceSpec | null = null;
  let caption: string;
  if (q.subtype === 'size' && q.spaceA) {
    const larger = q.correct === 'A' ? q.spaceA : q.spaceB;
    const smaller = q.correct === 'A' ? q.spaceB : q.spaceA;
    solid = larger;
    dashed = smaller;
    caption = `The larger ${name(larger)} is the solid line, the smaller ${name(smaller)} dashed: the larger one answers ${q.measured.value} ms later and swells in more slowly, though both ring for ${q.spaceB.decayS} s.`;
  } else {
    const yours = REVERB_TYPES.find((t) => t === a?.choice);
    if (yours && yours !== q.spaceB.type)
      dashed = { ...q.spaceB, type: yours, sizeM: REVERB_TRAITS[yours].sizeM };
    caption = `How a ${name(q.spaceB)} answers a click, solid${
      dashed ? `; your ${TYPE_LABELS[dashed.type].toLowerCase()} dashed` : ''
    }. Both ring for ${q.spaceB.decayS} s: the start tells them apart.`;
  }
  return (
    <figure class="review-figure">
      <svg class="review-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={caption}>
        <g class="eq-grid">
          <line x1={0} x2={W} y1={H / 3} y2={H / 3} />
          <line x1={0} x2={W} y1={(2 * H) / 3} y2={(2 * H) / 3} />
          <text x={4} y={H - 6}>
            0 … {SHOWN_S * 1000} ms after the sound; higher is louder
          </text>
        </g>
        <path d={envelopePath(solid)} class="review-right" />
        {dashed && <path d={envelopePath(dashed)} class="review-yours" />}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
