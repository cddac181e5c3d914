import { renderPinkNoise } from '../../../src/dsp/noise';
import { createRng } from '../../../src/dsp/random';
import type { SampleRate } from '../../../src/dsp/units';
import type { LessonSource, ListenBlock } from '../../../src/lessons/schema';
import { parseSetting } from '../../../src/lessons/settings.pure';
import type { Stems, TrackId } from '../../../src/production/types';
import type { LessonSong, LessonSongLoader } from '../../../src/state/lessons/lesson-songs';

/** A listen block as the lesson parser makes it, from the attributes a teacher writes. */
export function listenBlock(
  a: string,
  b: string,
  extra: Partial<Omit<ListenBlock, 'a' | 'b'>> & { source?: LessonSource } = {},
): ListenBlock {
  const read = (text: string) => {
    const r = parseSetting(text);
    if (!r.ok) throw new Error(r.reason);
    return r.setting;
  };
  return {
    type: 'listen',
    line: 1,
    id: 'listen-test',
    source: { type: 'pink' },
    solo: false,
    a: read(a),
    b: read(b),
    aLabel: `A: ${a}`,
    bLabel: `B: ${b}`,
    matched: true,
    caption: '',
    ...extra,
  };
}

function sine(hz: number, seconds: number, sampleRate: SampleRate, amplitude: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / sampleRate);
  return out;
}

/**
 * A stand-in song (no synthesis, so tests are quick): a "vocal" of pink noise, a "bass" sine at 100 Hz and
 * whatever other tracks are named as quiet noise, 8 bars at 120 BPM.
 */
export function fakeSong(sampleRate: SampleRate, ids: readonly TrackId[] = ['bass', 'vocal']): LessonSong {
  const seconds = 16;
  const length = Math.round(seconds * sampleRate);
  const rng = createRng(11);
  const stems: Stems = {
    songId: 'pop-3',
    renderVersion: 0,
    sampleRate,
    length,
    tracks: ids.map((id, i) => ({
      id,
      name: id[0]!.toUpperCase() + id.slice(1),
      instrument: 'test',
      channels: [
        id === 'bass'
          ? sine(100, seconds, sampleRate, 0.5)
          : renderPinkNoise(rng.fork(id), length, id === 'vocal' ? 0.1 : 0.03),
      ],
      defaultFaderDb: -4 - i,
      activeRmsDb: -20,
    })),
  };
  return { style: 'pop', seed: 3, title: 'Test song', bpm: 120, stems };
}

/** A loader that hands out `song` whatever is asked. */
export function fakeLoader(song: LessonSong): LessonSongLoader {
  return async () => song;
}
