/** Filter drills, played: the rough mix summed to one track, through the strip's high-pass or low-pass. */
import { formatHz } from '../../dsp/bands';
import type { StripSettings } from '../../engine';
import { levelSpec } from '../shared/levels';
import { loadExcerpt, MEASURE_RATE_WIDE, mixdown, monoTrack } from '../shared/play-sources';
import type { KindPlay, SideSpec } from '../shared/play-types';
import { filterName } from './generate';
import { type FilterSetting, type FiltersAnswer, type FiltersQuestion, meta } from './meta';

/** The strip settings of a filter (null: both filters off). */
export function filterSettings(filter: FilterSetting | null): Pick<StripSettings, 'highPass' | 'lowPass'> {
  return {
    highPass: {
      enabled: filter?.type === 'highpass',
      frequency: filter?.type === 'highpass' ? filter.frequencyHz : 80,
    },
    lowPass: {
      enabled: filter?.type === 'lowpass',
      frequency: filter?.type === 'lowpass' ? filter.frequencyHz : 12000,
    },
  };
}

/** The filter a 'type' answer names, at the cutoff the level uses for it. */
function typeChoice(q: FiltersQuestion, choice: unknown): FilterSetting {
  const type = choice === 'lowpass' ? 'lowpass' : 'highpass';
  return { type, frequencyHz: levelSpec(meta, q.level).params.typeCutoffsHz[type] };
}

function describe(filter: FilterSetting | null): string {
  return filter ? `${filterName(filter.type)} ${formatHz(filter.frequencyHz)}` : 'no filter';
}

/** Plays a filters question; the review plays the right filter against the one chosen. */
export const play: KindPlay<FiltersQuestion, FiltersAnswer> = {
  async prepare(q, env) {
    const excerpt = await loadExcerpt(env, q.source);
    const samples = mixdown(excerpt);
    const side = (filter: FilterSetting | null): SideSpec => ({
      tracks: [monoTrack('Mix', samples, filterSettings(filter))],
      bpm: excerpt.bpm,
    });
    const a = side(q.filterA);
    const b = side(q.filterB);
    const labels = q.subtype === 'which' ? { a: 'A', b: 'B' } : { a: 'A: the mix', b: 'B: filtered' };
    return {
      sampleRate: excerpt.sampleRate,
      durationS: excerpt.durationS,
      question: { a, b, labels },
      review(answer) {
        if (q.subtype === 'which')
          return { a, b, labels: { a: `A: ${describe(q.filterA)}`, b: `B: ${describe(q.filterB)}` } };
        const chosen: FilterSetting =
          q.subtype === 'type'
            ? typeChoice(q, answer?.choice)
            : { type: q.filterB.type, frequencyHz: Number(answer?.choice) || q.filterB.frequencyHz };
        return {
          a: b,
          b: side(chosen),
          labels: { a: `A: right answer, ${describe(q.filterB)}`, b: `B: your answer, ${describe(chosen)}` },
        };
      },
      levelMatch: { allowed: true },
      // A low-pass changes the top octave too: measure the loudness on the full band then.
      measureRate:
        q.filterB.type === 'lowpass' ? excerpt.sampleRate : Math.min(excerpt.sampleRate, MEASURE_RATE_WIDE),
    };
  },
};
