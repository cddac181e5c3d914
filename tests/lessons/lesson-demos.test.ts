import { describe, expect, it } from 'vitest';
import { barsToSeconds } from '../../src/exercises/shared/sources';
import { loadLessons } from '../../src/lessons/build/load-lessons';
import { generateSong } from '../../src/production/generate-song';
import { excerptBounds, LESSON_SONG_BARS } from '../../src/state/lessons/lesson-songs';

const { lessons } = loadLessons('lessons');

describe('what the lessons say their examples play', () => {
  it('the automation lesson\'s "Chorus" example plays the chorus of its song', () => {
    const lesson = lessons.find((l) => l.id === 'automation');
    const block = lesson?.steps
      .flatMap((s) => s.blocks)
      .find((b) => b.type === 'listen' && /chorus/i.test(`${b.caption} ${b.aLabel} ${b.bLabel}`));
    if (block?.type !== 'listen' || block.source.type !== 'song') throw new Error('no chorus example');
    const song = generateSong(block.source.seed, block.source.style, { bars: LESSON_SONG_BARS });
    const chorus = song.sections.find((s) => s.name === 'chorus');
    if (!chorus) throw new Error('the lesson song has no chorus');
    // A stand-in for the rendered stems: only their length in seconds matters to the excerpt.
    const sampleRate = 1000;
    const length = Math.round(barsToSeconds(LESSON_SONG_BARS, song.bpm) * sampleRate);
    const { startS, durationS } = excerptBounds(
      {
        ...song,
        style: block.source.style,
        seed: block.source.seed,
        stems: { songId: 'stand-in', renderVersion: 0, sampleRate, length, tracks: [] },
      },
      block.startS,
      block.durationS,
    );
    const from = barsToSeconds(chorus.startBar, song.bpm);
    const to = barsToSeconds(chorus.startBar + chorus.bars, song.bpm);
    expect(startS).toBeGreaterThanOrEqual(from - 1e-6);
    expect(startS + durationS).toBeLessThanOrEqual(to + 1e-3);
    expect(durationS).toBeGreaterThan(0.5 * (to - from));
  });

  it('the full-mix lesson gives itself time for a whole mix (about an hour, the lesson says)', () => {
    const lesson = lessons.find((l) => l.id === 'full-mix');
    expect(lesson?.minutes).toBeGreaterThanOrEqual(60);
  });
});
