import { describe, expect, it } from 'vitest';
import { generateSong } from '../../src/production/generate-song';
import type { RenderOptions } from '../../src/production/render-stems';
import {
  assembleStems,
  type RawTrack,
  renderStemsSync,
  renderTracksSteps,
} from '../../src/production/render-stems';
import { splitStemWork } from '../../src/production/split-stem-work';
import { testSampleBank } from './sampler/bank-fixture';
import { hashSamples } from './spectrum-helpers';

const RATE = 16000;

function run(steps: Generator<number, RawTrack[]>): RawTrack[] {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

describe('stems rendered in parallel Workers', () => {
  it('splits the unmuted tracks into balanced, non-empty groups covering each once', () => {
    const song = generateSong(2, 'pop', { mutedTracks: ['perc'] });
    for (const workers of [1, 2, 3, 4, 16]) {
      const groups = splitStemWork(song, workers, false);
      expect(groups.length).toBe(Math.min(workers, 8));
      expect(groups.every((g) => g.length > 0)).toBe(true);
      expect(groups.flat().sort()).toEqual(
        song.tracks
          .filter((t) => !t.muted)
          .map((t) => t.id)
          .sort(),
      );
    }
    // The vocal (synthesised sample by sample) is the heaviest: with 2 Workers it is not with the drums.
    const [a, b] = splitStemWork(song, 2, false);
    expect(a?.includes('vocal') === b?.includes('vocal')).toBe(false);
    expect(() => splitStemWork(song, 0, false)).toThrow(/worker count/);
  });

  it('groups rendered apart and assembled equal one render bit for bit (synthesis and samples)', async () => {
    const bank = await testSampleBank();
    for (const sampleBank of [null, bank]) {
      const song = generateSong(5, 'rock', { bars: 8 });
      const options: RenderOptions = { sampleRate: RATE, sampleBank };
      const whole = renderStemsSync(song, options);
      // Later groups first: order of arrival must not matter.
      const groups = splitStemWork(song, 3, sampleBank !== null).reverse();
      const raw = groups.flatMap((ids) => run(renderTracksSteps(song, options, ids)));
      const parallel = assembleStems(song, options, raw);
      expect(parallel.tracks.map((t) => t.id)).toEqual(whole.tracks.map((t) => t.id));
      expect(parallel.tracks.map((t) => t.defaultFaderDb)).toEqual(whole.tracks.map((t) => t.defaultFaderDb));
      expect(parallel.renderVersion).toBe(whole.renderVersion);
      expect(hashSamples(parallel.tracks.flatMap((t) => t.channels))).toBe(
        hashSamples(whole.tracks.flatMap((t) => t.channels)),
      );
    }
  }, 120_000);

  it('refuses raw tracks that are missing, repeated or the wrong length, naming the track', () => {
    const song = generateSong(1, 'electronic', { bars: 8, mutedTracks: ['vocal', 'lead', 'keys', 'chords'] });
    const options: RenderOptions = { sampleRate: RATE, sampleBank: null };
    const raw = run(renderTracksSteps(song, options));
    expect(() => assembleStems(song, options, raw.slice(1))).toThrow(/"kick" was not rendered/);
    expect(() => assembleStems(song, options, [...raw, raw[0] as RawTrack])).toThrow(
      /"kick" was rendered twice/,
    );
    const short = raw.map((r, i) => (i === 0 ? { ...r, samples: r.samples.subarray(1) } : r));
    expect(() => assembleStems(song, options, short)).toThrow(/"kick" has/);
    expect(() =>
      assembleStems(song, options, [...raw, { id: 'vocal', samples: new Float32Array(0) }]),
    ).toThrow(/"vocal" is not an unmuted track/);
  });
});
