import { useMemo } from 'preact/hooks';
import { exactCentre, formatHz } from '../../dsp/bands';
import { renderCompressorGain } from '../../dsp/compressor';
import { formatDb } from '../../dsp/db';
import { formatPan } from '../../dsp/pan';
import type { CompMatchAnswer, CompMatchQuestion } from '../../exercises/comp-match/meta';
import { stemSamplesForCheck } from '../../exercises/comp-match/stem-cache';
import type { EqBoostAnswer, EqBoostQuestion } from '../../exercises/eq-boost/meta';
import type { EqMatchAnswer, EqMatchQuestion } from '../../exercises/eq-match/meta';
import type { EqTwoBandsAnswer, EqTwoBandsQuestion } from '../../exercises/eq-two-bands/meta';
import type { FaderBalanceAnswer, FaderBalanceQuestion } from '../../exercises/fader-balance/meta';
import type { FiltersAnswer, FiltersQuestion } from '../../exercises/filters/meta';
import type { FixMixAnswer, FixMixQuestion } from '../../exercises/fix-mix/meta';
import type { LevelChangeAnswer, LevelChangeQuestion } from '../../exercises/level-change/meta';
import type { LoudnessAnswer, LoudnessQuestion } from '../../exercises/loudness/meta';
import type { MixMatchAnswer, MixMatchQuestion } from '../../exercises/mix-match/meta';
import type { PanPositionAnswer, PanPositionQuestion } from '../../exercises/pan-position/meta';
import type { ExerciseQuestion } from '../../exercises/registry';
import type { ResonanceAnswer, ResonanceQuestion } from '../../exercises/resonance/meta';
import type { ReverbTypeAnswer, ReverbTypeQuestion } from '../../exercises/reverb-type/meta';
import type { SaturationAnswer, SaturationQuestion } from '../../exercises/saturation/meta';
import type { StereoWidthAnswer, StereoWidthQuestion } from '../../exercises/stereo-width/meta';
import type { CheckResult } from '../../exercises/types';
import type { DrillPlayer } from '../../state/drill/drill-player';
import type { EqBandShape } from '../mixer/eq-geometry';
import { EqReviewFigure, eqBandsPath } from './eq-review-curves';
import { EqTwoBandsReview } from './eq-two-bands-review';
import { FixMixReview } from './FixMixReview';
import { FilterReview } from './filter-review';
import { LoudnessReview } from './loudness-review';
import { MixReview } from './MixReview';
import { ResonanceReview } from './resonance-review';
import { ReverbTypeReview } from './reverb-type-review';
import { SaturationReview } from './saturation-review';
import { WidthReview } from './width-review';

const RIGHT = 'var(--ok)';
const YOURS = 'var(--accent)';

function Legend({ right, yours }: { right: string; yours: string }) {
  return (
    <p class="review-legend">
      <span class="swatch" style={{ background: RIGHT }} /> {right}{' '}
      <span class="swatch swatch-dash" style={{ borderColor: YOURS }} /> {yours}
    </p>
  );
}

/** Two EQ curves on the mixer's EQ grid. */
function EqCurves({ right, yours, label }: { right: EqBandShape; yours: EqBandShape; label: string }) {
  return <EqReviewFigure label={label} right={eqBandsPath([right])} yours={eqBandsPath([yours])} />;
}

function peak(hz: number, gainDb: number, q: number): EqBandShape {
  return { enabled: true, type: 'peaking', frequency: exactCentre(hz), gainDb, q };
}

/** Gain traces (dB) of the reference and the learner's compressor over the excerpt. */
function GainTraces({ q, a }: { q: CompMatchQuestion; a: CompMatchAnswer }) {
  const traces = useMemo(() => {
    const stem = stemSamplesForCheck(q.stem);
    const points = 360;
    const reduce = (g: Float32Array) => {
      const step = Math.max(1, Math.floor(g.length / points));
      const out: number[] = [];
      for (let i = 0; i + step <= g.length; i += step) {
        // The lowest gain of each slice, so short dips stay visible.
        let m = Number.POSITIVE_INFINITY;
        for (let k = i; k < i + step; k++) m = Math.min(m, g[k]!);
        out.push(m);
      }
      return out;
    };
    return [
      reduce(renderCompressorGain(stem.channels, stem.sampleRate, q.reference)),
      reduce(renderCompressorGain(stem.channels, stem.sampleRate, a)),
    ];
  }, [q, a]);
  const [ref, mine] = traces as [number[], number[]];
  const low = Math.min(-12, ...ref, ...mine);
  const high = Math.max(0, ...ref, ...mine);
  const w = 600;
  const h = 200;
  const y = (db: number) => ((high - db) / (high - low || 1)) * (h - 10) + 5;
  const line = (v: number[]) =>
    v
      .map(
        (db, i) => `${i === 0 ? 'M' : 'L'}${((i / (v.length - 1 || 1)) * w).toFixed(1)},${y(db).toFixed(1)}`,
      )
      .join(' ');
  return (
    <figure class="review-figure">
      <svg
        class="review-svg"
        viewBox={`0 0 ${w} ${h}`}
        role="img"
        aria-label="Gain of the reference compressor and of yours over the excerpt"
      >
        <g class="eq-grid">
          {[0, -6, -12, -18, -24]
            .filter((db) => db >= low && db <= high)
            .map((db) => (
              <g key={db}>
                <line x1={0} x2={w} y1={y(db)} y2={y(db)} class={db === 0 ? 'eq-zero' : undefined} />
                {/* Above its line, or below it where the top edge would cut it (0 dB sits at the top). */}
                <text x={4} y={y(db) < 16 ? y(db) + 13 : y(db) - 3}>
                  {db === 0 ? '0 dB' : `${db}`}
                </text>
              </g>
            ))}
        </g>
        <path d={line(ref)} class="review-right" />
        <path d={line(mine)} class="review-yours" />
      </svg>
      <figcaption>Gain over time (down = more gain reduction; makeup included)</figcaption>
    </figure>
  );
}

/** Faders: the reference against yours, yours shifted by the average difference (only balance counts). */
function FaderPositions({ q, a }: { q: FaderBalanceQuestion; a: FaderBalanceAnswer }) {
  const mine = q.startDb.map((s, i) => a.fadersDb[i] ?? s);
  const shift = mine.reduce((s, v, i) => s + (v - q.referenceDb[i]!), 0) / Math.max(1, mine.length);
  const top = 18;
  const bottom = -24;
  const pos = (db: number) => `${((top - Math.max(bottom, Math.min(top, db))) / (top - bottom)) * 100}%`;
  return (
    <figure class="review-figure">
      <div class="review-faders" role="img" aria-label="Reference fader positions and yours">
        {q.tracks.map((t, i) => (
          <div key={t.id} class="review-fader">
            <div class="review-fader-track">
              <span
                class="review-mark review-mark-right"
                style={{ top: pos(q.referenceDb[i]!) }}
                title={`Reference ${formatDb(q.referenceDb[i]!)}`}
              />
              <span
                class="review-mark review-mark-yours"
                style={{ top: pos(mine[i]! - shift) }}
                title={`Yours ${formatDb(mine[i]! - shift)}`}
              />
            </div>
            <span class="fader-name">{t.name}</span>
            <span class="review-fader-error">{formatDb(mine[i]! - shift - q.referenceDb[i]!)}</span>
          </div>
        ))}
      </div>
      <figcaption>
        Your faders shifted by {formatDb(-shift)} (the average difference, which does not count); the numbers
        are what is left.
      </figcaption>
    </figure>
  );
}

/** One line of "right / yours" for kinds whose picture is a pair of values. */
function Values({ right, yours }: { right: string; yours: string }) {
  return (
    <dl class="review-values">
      <dt>Right answer</dt>
      <dd>{right}</dd>
      <dt>Your answer</dt>
      <dd>{yours}</dd>
    </dl>
  );
}

/** The picture after answering: the right answer against the learner's, drawn the way the kind is heard. */
export function ReviewPicture({
  question,
  answer,
  result,
  player,
}: {
  question: ExerciseQuestion;
  answer: unknown;
  /** The check made at Submit (the mix reviews read their grade from it instead of grading again). */
  result?: CheckResult;
  /** The drill's player (the mix reviews solo tracks and measure both mixes with it). */
  player?: DrillPlayer;
}) {
  switch (question.kind) {
    case 'eq-boost': {
      const q = question as EqBoostQuestion;
      const a = answer as EqBoostAnswer;
      const sign = q.askDirection ? (a.direction === 'cut' ? -1 : 1) : Math.sign(q.gainDb);
      return (
        <>
          <EqCurves
            right={peak(q.targetHz, q.gainDb, q.q)}
            yours={peak(a.bandHz, sign * Math.abs(q.gainDb), q.q)}
            label={`Right: ${formatDb(q.gainDb)} at ${formatHz(q.targetHz)}. Yours: ${formatHz(a.bandHz)}.`}
          />
          <Legend right="right answer" yours="your answer" />
        </>
      );
    }
    case 'eq-match': {
      const q = question as EqMatchQuestion;
      const a = answer as EqMatchAnswer;
      const band = (b: { frequencyHz: number; gainDb: number; q: number }): EqBandShape => ({
        enabled: true,
        type: q.reference.type,
        frequency: b.frequencyHz,
        gainDb: b.gainDb,
        q: b.q,
      });
      return (
        <>
          <EqCurves
            right={band(q.reference)}
            yours={band(a)}
            label={`Reference: ${formatHz(q.reference.frequencyHz)}, ${formatDb(q.reference.gainDb)}, Q ${q.reference.q}. Yours: ${formatHz(a.frequencyHz)}, ${formatDb(a.gainDb)}, Q ${a.q.toFixed(1)}.`}
          />
          <Legend right="reference" yours="yours" />
        </>
      );
    }
    case 'comp-match':
      return (
        <>
          <GainTraces q={question as CompMatchQuestion} a={answer as CompMatchAnswer} />
          <Legend right="reference" yours="yours" />
        </>
      );
    case 'fader-balance':
      return (
        <>
          <FaderPositions q={question as FaderBalanceQuestion} a={answer as FaderBalanceAnswer} />
          <Legend right="reference" yours="yours" />
        </>
      );
    case 'level-change': {
      const q = question as LevelChangeQuestion;
      const a = answer as LevelChangeAnswer;
      const size = a.amountDb ?? Math.abs(q.changeDb);
      return (
        <Values
          right={`${q.tracks[q.changedIndex]?.name} ${formatDb(q.changeDb)}`}
          yours={`${q.tracks[a.trackIndex]?.name} ${formatDb(a.direction === 'down' ? -size : size)}`}
        />
      );
    }
    case 'pan-position': {
      const q = question as PanPositionQuestion;
      const a = answer as PanPositionAnswer;
      return (
        <Values
          right={formatPan(q.positionsPan[q.targetIndex] ?? 0)}
          yours={formatPan(q.positionsPan[a.positionIndex] ?? 0)}
        />
      );
    }
    case 'mix-match':
      return (
        <MixReview
          q={question as MixMatchQuestion}
          a={answer as MixMatchAnswer}
          result={result}
          player={player}
        />
      );
    case 'fix-mix':
      return (
        <FixMixReview
          q={question as FixMixQuestion}
          a={answer as FixMixAnswer}
          result={result}
          player={player}
        />
      );
    case 'loudness':
      return <LoudnessReview q={question as LoudnessQuestion} a={answer as LoudnessAnswer} />;
    case 'eq-two-bands':
      return <EqTwoBandsReview q={question as EqTwoBandsQuestion} a={answer as EqTwoBandsAnswer} />;
    case 'resonance':
      return <ResonanceReview q={question as ResonanceQuestion} a={answer as ResonanceAnswer} />;
    case 'stereo-width':
      return <WidthReview q={question as StereoWidthQuestion} a={answer as StereoWidthAnswer} />;
    case 'filters':
      return <FilterReview q={question as FiltersQuestion} a={answer as FiltersAnswer} />;
    case 'saturation':
      return <SaturationReview q={question as SaturationQuestion} a={answer as SaturationAnswer} />;
    case 'reverb-type':
      return <ReverbTypeReview q={question as ReverbTypeQuestion} a={answer as ReverbTypeAnswer} />;
    default:
      return null;
  }
}
