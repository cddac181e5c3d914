import { describe, expect, it } from 'vitest';
import { integratedLoudness } from '../../src/dsp/loudness';
import { BEATS_PER_BAR } from '../../src/production/events';
import { generateSong } from '../../src/production/generate-song';
import { renderMix, renderStemsSync } from '../../src/production/render-stems';
import { SECTION_VELOCITY, shapeSections } from '../../src/production/section-dynamics';
import { STYLES } from '../../src/production/styles';
import type { Section, Song } from '../../src/production/types';

const RATE = 16000;

function sectionOf(song: Song, name: Section['name']): Section {
  const section = song.sections.find((s) => s.name === name);
  if (!section) throw new Error(`no ${name}`);
  return section;
}

/** Onsets of every track per bar in a section. */
function onsetsPerBar(song: Song, section: Section): number {
  const from = section.startBar * BEATS_PER_BAR;
  const to = from + section.bars * BEATS_PER_BAR;
  const count = song.tracks.reduce(
    (n, t) => n + t.events.filter((e) => e.time >= from && e.time < to).length,
    0,
  );
  return count / section.bars;
}

describe('sections that differ in energy', () => {
  it('scales velocities by section and thins a verse grid to half its density', () => {
    const sections: Section[] = [
      { name: 'verse', startBar: 0, bars: 1, chords: [] },
      { name: 'chorus', startBar: 1, bars: 1, chords: [] },
    ];
    const sixteenths = Array.from({ length: 32 }, (_, i) => ({
      time: i * 0.25,
      duration: 0.25,
      pitch: 42,
      velocity: 1,
    }));
    const hats = shapeSections('hats', sixteenths, sections);
    const verse = hats.filter((e) => e.time < 4);
    const chorus = hats.filter((e) => e.time >= 4);
    expect(verse.map((e) => e.time)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5]);
    expect(chorus).toHaveLength(16);
    expect(verse.every((e) => e.velocity === SECTION_VELOCITY.verse)).toBe(true);
    expect(chorus.every((e) => e.velocity === 1)).toBe(true);
    // The kick is never thinned, only quieter.
    expect(shapeSections('kick', sixteenths, sections)).toHaveLength(32);
    // Held chords keep every onset; chords comping in eighths drop to quarters.
    const held = [0, 2].map((time) => ({ time, duration: 2, pitch: 60, velocity: 1 }));
    expect(shapeSections('chords', held, sections)).toHaveLength(2);
    const comping = Array.from({ length: 8 }, (_, i) => ({
      time: i * 0.5,
      duration: 0.4,
      pitch: 60,
      velocity: 1,
    }));
    expect(shapeSections('chords', comping, sections).map((e) => e.time)).toEqual([0, 1, 2, 3]);
  });

  it.each(STYLES.map((s) => s.id))(
    '%s: the chorus is at least 3 LU louder and 1.2× denser than the verse of the rough mix',
    (style) => {
      for (const seed of [1, 2]) {
        const song = generateSong(seed, style, { bars: 32 });
        const stems = renderStemsSync(song, { sampleRate: RATE, sampleBank: null });
        const mix = renderMix(stems);
        const cut = (s: Section) => {
          const spb = 60 / song.bpm;
          const at = (bar: number) => Math.round(bar * BEATS_PER_BAR * spb * RATE);
          return mix.subarray(at(s.startBar), at(s.startBar + s.bars));
        };
        const verse = sectionOf(song, 'verse');
        const chorus = sectionOf(song, 'chorus');
        const lift = integratedLoudness([cut(chorus)], RATE) - integratedLoudness([cut(verse)], RATE);
        expect(lift, `seed ${seed}`).toBeGreaterThan(3);
        expect(lift, `seed ${seed}`).toBeLessThan(7);
        expect(onsetsPerBar(song, chorus) / onsetsPerBar(song, verse), `seed ${seed}`).toBeGreaterThan(1.2);
      }
    },
    60_000,
  );
});
