import { describe, expect, it } from 'vitest';
import {
  cutExcerpt,
  MEASURE_RATE,
  MEASURE_RATE_WIDE,
  PINK_FADER_DB,
} from '../../../src/exercises/shared/play-sources';
import { lessonSongSource } from '../../../src/state/lessons/lesson-songs';
import {
  listenMeasureRate,
  listenPair,
  prepareListen,
  stripPatchFor,
  UNMATCHED_REASON,
} from '../../../src/state/lessons/listen-sides';
import { fakeSong, listenBlock } from './listen-fixtures';

const SR = 8000;
const pink = { type: 'pink' as const, sampleRate: SR, samples: new Float32Array(SR) };

describe('listen sides: a setting as strip changes', () => {
  it('maps every move onto the strip: pan, mute, high-pass, bands by type, compressor, sends', () => {
    const b = listenBlock(
      'flat',
      'pan L30, mute, hpf 90, bell 300 -3 q2, bell 3k +3, lowshelf 80 +2, highshelf 10k +2, comp thr=-24 ratio=3, reverb 1.8s send=-10, delay 1/4 fb=35 send=-8',
    );
    expect(stripPatchFor(b.a)).toEqual({});
    const patch = stripPatchFor(b.b);
    expect(patch.pan).toBeCloseTo(-0.3, 10);
    expect(patch.mute).toBe(true);
    expect(patch.highPass).toEqual({ enabled: true, frequency: 90 });
    expect(patch.eq).toEqual([
      { enabled: true, type: 'lowshelf', frequency: 80, gainDb: 2, q: Math.SQRT1_2 },
      { enabled: true, type: 'peaking', frequency: 300, gainDb: -3, q: 2 },
      { enabled: true, type: 'peaking', frequency: 3000, gainDb: 3, q: 1.4 },
      { enabled: true, type: 'highshelf', frequency: 10000, gainDb: 2, q: Math.SQRT1_2 },
    ]);
    expect(patch.compressor).toEqual({
      enabled: true,
      thresholdDb: -24,
      ratio: 3,
      attackMs: 10,
      releaseMs: 120,
      makeupDb: 0,
    });
    expect(patch.sends).toEqual({
      reverb: { enabled: true, levelDb: -10 },
      delay: { enabled: true, levelDb: -8 },
    });
    const pair = listenPair(b, pink);
    expect(pair.b.reverb).toEqual({ decayS: 1.8 });
    expect(pair.b.delay).toEqual({ note: '1/4', feedback: 0.35 });
    expect(pair.a.reverb).toBeUndefined();
  });

  it('adds a gain move to the track’s own level: pink noise, a track in the mix, a soloed track, the mix', () => {
    const gain = listenBlock('flat', 'gain -6');
    const p = listenPair(gain, pink);
    expect(p.a.tracks[0]!.settings.faderDb).toBe(PINK_FADER_DB);
    expect(p.b.tracks[0]!.settings.faderDb).toBe(PINK_FADER_DB - 6);

    const song = fakeSong(SR, ['kick', 'bass', 'vocal']);
    const excerpt = cutExcerpt(song.stems, lessonSongSource(song));
    const material = { type: 'song' as const, excerpt };
    const inMix = listenPair(
      { ...gain, source: { type: 'song', style: 'pop', seed: 3 }, track: 'bass' },
      material,
    );
    expect(inMix.b.tracks.map((t) => t.name)).toEqual(['Kick', 'Bass', 'Vocal']);
    expect(inMix.b.tracks.map((t) => t.settings.faderDb)).toEqual([-4, -5 - 6, -6]);
    expect(inMix.a.tracks.map((t) => t.settings.faderDb)).toEqual([-4, -5, -6]);
    expect(inMix.b.bpm).toBe(120);

    const solo = listenPair(
      { ...gain, source: { type: 'song', style: 'pop', seed: 3 }, track: 'vocal', solo: true },
      material,
    );
    expect(solo.b.tracks.map((t) => [t.name, t.settings.faderDb])).toEqual([['Vocal', -3 - 6]]);

    const mix = listenPair({ ...gain, source: { type: 'song', style: 'pop', seed: 3 } }, material);
    expect(mix.b.tracks).toHaveLength(1);
    expect(mix.b.tracks[0]!.settings.faderDb).toBe(-6);
  });

  it('loops the chorus (bars 5–8) unless the lesson gives start and length', () => {
    const song = fakeSong(SR);
    expect(lessonSongSource(song)).toMatchObject({ startS: 8, durationS: 8 });
    expect(lessonSongSource(song, 2, 3)).toMatchObject({ startS: 2, durationS: 3 });
    // Never past the end of the song.
    expect(lessonSongSource(song, 14, 8)).toMatchObject({ startS: 14, durationS: 2 });
  });

  it('measures the level match at a rate that keeps the change in band, and only when the block is matched', () => {
    expect(listenMeasureRate(listenBlock('flat', 'gain +3, pan R20'))).toBe(MEASURE_RATE);
    expect(listenMeasureRate(listenBlock('flat', 'bell 1k +9'))).toBe(MEASURE_RATE_WIDE);
    expect(listenMeasureRate(listenBlock('flat', 'reverb 1.8s'))).toBe(MEASURE_RATE_WIDE);
    expect(listenMeasureRate(listenBlock('flat', 'highshelf 12k +1.5'))).toBe(32000);
    expect(prepareListen(listenBlock('flat', 'bell 1k +9'), pink).levelMatch).toEqual({ allowed: true });
    expect(prepareListen(listenBlock('flat', 'gain -10', { matched: false }), pink).levelMatch).toEqual({
      allowed: false,
      reason: UNMATCHED_REASON,
    });
    expect(prepareListen(listenBlock('flat', 'bell 1k +9'), pink).measureRate).toBe(SR);
  });
});

describe('lesson songs', () => {
  it('are made at the Mix page’s rate, so the two share one render', async () => {
    const { SOURCE_RATE } = await import('../../../src/state/mixer/mix-songs');
    const { LESSON_RATE } = await import('../../../src/state/lessons/lesson-songs');
    expect(LESSON_RATE).toBe(SOURCE_RATE);
  });
});
