import { lessonIndex, loadLesson } from 'virtual:lessons';
import { describe, expect, it } from 'vitest';
import { integratedLoudness } from '../../../src/dsp/loudness';
import { measurePeakDb } from '../../../src/dsp/meters';
import type { SampleRate } from '../../../src/dsp/units';
import type { ListenBlock } from '../../../src/lessons/schema';
import { generateSong } from '../../../src/production/generate-song';
import { renderStems } from '../../../src/production/render-stems';
import type { Stems } from '../../../src/production/types';
import { LESSON_SONG_BARS, type LessonSongLoader } from '../../../src/state/lessons/lesson-songs';
import { renderThroughListenModel } from './listen-render';

/** Low enough to keep the renders quick (moves above 8 kHz are out of band here; the other tests cover them). */
const SR: SampleRate = 16000;
const songs = new Map<string, Promise<Stems>>();
const loadSong: LessonSongLoader = async ({ style, seed }) => {
  const key = `${style}-${seed}`;
  const song = generateSong(seed, style, { bars: LESSON_SONG_BARS });
  if (!songs.has(key)) songs.set(key, renderStems(song, { sampleRate: SR }));
  return { style, seed, title: song.title, bpm: song.bpm, stems: await songs.get(key)! };
};

/** What the block's live player sends out for `side`: loudness and peak (through the model, offline). */
async function heard(block: ListenBlock, side: 'a' | 'b') {
  const { state, channels } = await renderThroughListenModel(block, side, { loadSong, sampleRate: SR });
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
