import { describe, expect, it } from 'vitest';
import { BEATS_PER_BAR } from '../../src/production/events';
import { generateSong } from '../../src/production/generate-song';
import { renderStemsSync, songSeconds } from '../../src/production/render-stems';
import { headStages, songBars, songHead } from '../../src/production/song-head';

describe('songHead', () => {
  const song = generateSong(3, 'rock', { bars: 8 });

  it('keeps the first bars and the notes that start in them', () => {
    const head = songHead(song, 2);
    expect(songBars(head)).toBe(2);
    expect(songSeconds(head)).toBeCloseTo(songSeconds(song) / 4, 9);
    head.tracks.forEach((t, k) => {
      const whole = song.tracks[k]!.events.filter((e) => e.time < 2 * BEATS_PER_BAR);
      expect(t.events).toEqual(whole);
    });
    expect(head.sections.every((s) => s.chords.length === s.bars)).toBe(true);
    expect(songHead(song, 8)).toBe(song);
    expect(songHead(song, 20)).toBe(song);
  });

  it('renders the same sound as the whole song up to the cut, up to each part’s level', () => {
    const rate = 8000;
    const whole = renderStemsSync(song, { sampleRate: rate });
    const head = renderStemsSync(songHead(song, 2), { sampleRate: rate });
    const cut = Math.floor(songSeconds(songHead(song, 2)) * rate);
    for (const [k, t] of head.tracks.entries()) {
      const a = t.channels[0]!;
      const b = whole.tracks[k]!.channels[0]!;
      // Each stem is scaled to its own peak: compare shapes through the ratio at the loudest sample.
      let at = 0;
      for (let i = 0; i < cut; i++) if (Math.abs(b[i]!) > Math.abs(b[at]!)) at = i;
      if (b[at] === 0) continue;
      const ratio = a[at]! / b[at]!;
      let worst = 0;
      for (let i = 0; i < cut; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]! * ratio));
      expect(worst, t.id).toBeLessThan(1e-3);
    }
  });

  it('stages two bars first, and eight more for long songs', () => {
    expect(headStages(2)).toEqual([]);
    expect(headStages(8)).toEqual([2]);
    expect(headStages(16)).toEqual([2]);
    expect(headStages(32)).toEqual([2, 8]);
  });
});
