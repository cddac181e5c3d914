import { lessonIndex, loadLesson } from 'virtual:lessons';
import { OfflineAudioContext } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { integratedLoudness } from '../../src/dsp/loudness';
import { measurePeakDb } from '../../src/dsp/meters';
import type { SampleRate } from '../../src/dsp/units';
import type { PlaybackState } from '../../src/exercises/shared/play-types';
import type { ListenBlock } from '../../src/lessons/schema';
import { generateSong } from '../../src/production/generate-song';
import { renderStems } from '../../src/production/render-stems';
import type { Stems } from '../../src/production/types';
import { LESSON_SONG_BARS, type LessonSongLoader } from '../../src/state/lesson-songs';
import { createListenModel } from '../../src/state/listen-model';

/** Low enough to keep the renders quick (moves above 8 kHz are out of band here; the other tests cover them). */
const SR: SampleRate = 16000;
const songs = new Map<string, Promise<Stems>>();
const loadSong: LessonSongLoader = async ({ style, seed }) => {
  const key = `${style}-${seed}`;
  const song = generateSong(seed, style, { bars: LESSON_SONG_BARS });
  if (!songs.has(key)) songs.set(key, renderStems(song, { sampleRate: SR }));
  return { style, seed, title: song.title, bpm: song.bpm, stems: await songs.get(key)! };
};

/** What the block's live player sends out for `side` (through the model, offline). */
async function heard(block: ListenBlock, side: 'a' | 'b') {
  const model = createListenModel(block, { loadSong, sampleRate: SR });
  const prepared = await model.load();
  const ctx = new OfflineAudioContext({
    numberOfChannels: 2,
    length: Math.round((prepared!.durationS + 0.05) * SR),
    sampleRate: SR,
  });
  const playback = await model.attach(ctx);
  const state = await new Promise<PlaybackState>((resolve) => {
    const check = () => {
      const s = model.state.value;
      if (s && !s.levelMatch.pending) resolve(s);
      else setTimeout(check, 20);
    };
    check();
  });
  model.select(side);
  await playback!.play();
  const out = await ctx.startRendering();
  model.dispose();
  const skip = Math.round(0.05 * SR);
  const channels = [out.getChannelData(0).subarray(skip), out.getChannelData(1).subarray(skip)];
  return {
    state,
    lufs: integratedLoudness(channels, SR),
    peakDb: Math.max(...channels.map((c) => measurePeakDb(c))),
  };
}

describe('every listening example in the lessons, as the learner hears it', () => {
  it('plays without clipping, at a sensible level; matched examples are within 0.5 LU', async () => {
    const rows: string[] = [];
    for (const summary of lessonIndex) {
      const lesson = await loadLesson(summary.id);
      const listens = lesson!.steps
        .flatMap((s) => s.blocks)
        .filter((b): b is ListenBlock => b.type === 'listen');
      for (const block of listens) {
        const a = await heard(block, 'a');
        const b = await heard(block, 'b');
        const m = b.state.levelMatch;
        rows.push(
          `${summary.id} "${block.bLabel}": A ${a.lufs.toFixed(1)} / B ${b.lufs.toFixed(1)} LUFS, peaks ${a.peakDb.toFixed(1)} / ${b.peakDb.toFixed(1)} dBFS, ${m.enabled ? `trim ${m.trimDb.toFixed(1)} dB on ${m.trimmedSide ?? '-'}` : 'not matched'}`,
        );
        const where = `${summary.id}:${block.line}`;
        expect(Math.max(a.peakDb, b.peakDb), where).toBeLessThan(-0.9);
        expect(a.lufs, where).toBeGreaterThan(-36);
        expect(a.lufs, where).toBeLessThan(-10);
        if (block.matched) expect(Math.abs(a.lufs - b.lufs), where).toBeLessThan(0.5);
        else expect(m.enabled, where).toBe(false);
      }
    }
    console.log(rows.join('\n'));
    expect(rows.length).toBeGreaterThanOrEqual(13);
  }, 600_000);
});
