import { beforeAll, describe, expect, it } from 'vitest';
import { DRUM_HIT_NAMES } from '../../src/production/drum-hits';
import { chordAt } from '../../src/production/events';
import { generateSong, generateTestSong } from '../../src/production/generate-song';
import { PRESETS } from '../../src/production/presets';
import { STYLES, styleSpec } from '../../src/production/styles';
import { pitchClass, scalePitchClasses } from '../../src/production/theory';
import type { Song, StyleId, TrackId } from '../../src/production/types';

const STYLE_IDS = STYLES.map((s) => s.id);
const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);
const PITCHED: readonly TrackId[] = ['bass', 'chords', 'keys', 'lead', 'vocal'];
const EPS = 1e-6;

let corpus: { song: Song; style: StyleId; seed: number }[] = [];

beforeAll(() => {
  corpus = STYLE_IDS.flatMap((style) =>
    SEEDS.map((seed) => ({ song: generateSong(seed, style), style, seed })),
  );
}, 60_000);

/** Runs `check` on seeds 1–50 of every style (generated once, before the tests). */
function forEverySong(check: (song: Song, style: StyleId, seed: number) => void): void {
  for (const { song, style, seed } of corpus) check(song, style, seed);
}

function fail(message: string): never {
  throw new Error(message);
}

function track(song: Song, id: TrackId) {
  const t = song.tracks.find((x) => x.id === id);
  if (!t) throw new Error(`no ${id}`);
  return t;
}

describe('generateSong', () => {
  it('is deterministic: the same seed and style give the same song', () => {
    expect(JSON.stringify(generateSong(7, 'pop'))).toBe(JSON.stringify(generateSong(7, 'pop')));
  });

  it('gives different songs for different seeds and styles', () => {
    const a = generateSong(1, 'pop');
    expect(JSON.stringify(track(a, 'vocal').events)).not.toBe(
      JSON.stringify(track(generateSong(2, 'pop'), 'vocal').events),
    );
    expect(a.title).not.toBe(generateSong(1, 'rock').title);
  });

  it('has a 32-bar default form (intro 4, verse 8, chorus 8, bridge 8, outro 4) and nine tracks', () => {
    const song = generateSong(3, 'rock');
    expect(song.id).toBe('rock-3');
    expect(song.sections.map((s) => [s.name, s.startBar, s.bars])).toEqual([
      ['intro', 0, 4],
      ['verse', 4, 8],
      ['chorus', 12, 8],
      ['bridge', 20, 8],
      ['outro', 28, 4],
    ]);
    expect(song.tracks.map((t) => t.id)).toEqual([
      'kick',
      'snare',
      'hats',
      'perc',
      'bass',
      'chords',
      'keys',
      'lead',
      'vocal',
    ]);
    for (const s of song.sections) expect(s.chords).toHaveLength(s.bars);
  });

  it('keeps the tempo in the style range and ends on the tonic chord', () => {
    forEverySong((song, style) => {
      const [lo, hi] = styleSpec(style).bpmRange;
      if (song.bpm < lo || song.bpm > hi) fail(`${song.id} at ${song.bpm} BPM`);
      const last = song.sections[song.sections.length - 1]?.chords.at(-1);
      if (last?.root !== song.key.tonic) fail(`${song.id} ends on ${last?.name}`);
    });
  });

  it('honours the bars option (rounded to 4, at least 8)', () => {
    for (const [asked, got] of [
      [8, 8],
      [16, 16],
      [50, 52],
      [64, 64],
      [2, 8],
    ] as const) {
      const song = generateSong(5, 'electronic', { bars: asked });
      expect(song.sections.reduce((n, s) => n + s.bars, 0)).toBe(got);
      expect(song.arrangement.bars).toBe(got);
    }
  });
});

describe('generateSong properties over seeds 1–50 in every style', () => {
  it('plays every pitched note in the key scale or the current chord', () => {
    forEverySong((song) => {
      const scale = scalePitchClasses(song.key);
      for (const id of PITCHED) {
        for (const e of track(song, id).events) {
          const chord = chordAt(song.sections, e.time);
          const ok = scale.includes(pitchClass(e.pitch)) || chord?.pitchClasses.includes(pitchClass(e.pitch));
          if (!ok)
            throw new Error(
              `${song.id} ${id} ${e.pitch} at ${e.time} is outside ${song.key.name} / ${chord?.name}`,
            );
        }
      }
    });
  });

  it('keeps every event inside its section', () => {
    forEverySong((song) => {
      for (const t of song.tracks) {
        for (const e of t.events) {
          const where = `${song.id} ${t.id} event at ${e.time}`;
          const section = song.sections.find(
            (s) => e.time >= s.startBar * 4 - EPS && e.time < (s.startBar + s.bars) * 4,
          );
          if (!section) fail(`${where} is in no section`);
          if (e.time + e.duration > (section.startBar + section.bars) * 4 + EPS)
            fail(`${where} rings past its section`);
          if (!(e.duration > 0)) fail(`${where} has no length`);
          if (!(e.velocity > 0 && e.velocity <= 1)) fail(`${where} has velocity ${e.velocity}`);
        }
      }
    });
  });

  it('never has two identical hits at once (same track, time and pitch), and lists events in time order', () => {
    forEverySong((song) => {
      for (const t of song.tracks) {
        const keys = t.events.map((e) => `${e.time}:${e.pitch}`);
        if (new Set(keys).size !== keys.length) fail(`${song.id} ${t.id} has a doubled hit`);
        for (let i = 1; i < t.events.length; i++) {
          if ((t.events[i]?.time ?? 0) < (t.events[i - 1]?.time ?? 0))
            fail(`${song.id} ${t.id} is out of order`);
        }
      }
    });
  });

  it('plays chord roots or fifths in the bass on every downbeat', () => {
    forEverySong((song) => {
      for (const e of track(song, 'bass').events) {
        if (e.time % 4 !== 0) continue;
        const chord = chordAt(song.sections, e.time);
        const allowed = [chord?.root, chord?.pitchClasses[2]];
        if (!allowed.includes(pitchClass(e.pitch)))
          throw new Error(`${song.id} bass ${e.pitch} on bar ${e.time / 4}`);
      }
    });
  });

  it('gives the vocal a singable line: at most 19 semitones in the style range, vowels, few big leaps', () => {
    let leaps = 0;
    let big = 0;
    forEverySong((song, style) => {
      const notes = track(song, 'vocal').events;
      const pitches = notes.map((e) => e.pitch);
      const [lo, hi] = styleSpec(style).vocalRange;
      if (Math.max(...pitches) - Math.min(...pitches) > 19)
        fail(`${song.id} vocal spans more than 19 semitones`);
      if (Math.min(...pitches) < lo || Math.max(...pitches) > hi)
        fail(`${song.id} vocal leaves ${lo}..${hi}`);
      if (notes.some((e) => !e.vowel || !'aeiou'.includes(e.vowel)))
        fail(`${song.id} vocal note without a vowel`);
      for (let i = 1; i < notes.length; i++) {
        const a = notes[i - 1] as (typeof notes)[number];
        const b = notes[i] as (typeof notes)[number];
        if (b.time - (a.time + a.duration) > 0.01) continue;
        const leap = Math.abs(b.pitch - a.pitch);
        if (leap > 12) fail(`${song.id} vocal leaps ${leap} semitones at ${b.time}`);
        leaps++;
        if (leap > 7) big++;
      }
    });
    expect(big / leaps).toBeLessThan(0.02);
  });

  it('fills every track and uses only known drum hits on drum tracks', () => {
    forEverySong((song) => {
      for (const t of song.tracks) if (t.events.length <= 3) fail(`${song.id} ${t.id} is nearly empty`);
      for (const id of ['kick', 'snare', 'hats', 'perc'] as const) {
        for (const e of track(song, id).events)
          if (!DRUM_HIT_NAMES[e.pitch]) fail(`${song.id} ${id} plays ${e.pitch}`);
      }
    });
  });

  it('varies drum velocities (not a machine-gun of equal hits)', () => {
    forEverySong((song) => {
      const v = new Set(track(song, 'hats').events.map((e) => e.velocity));
      if (v.size <= 5) fail(`${song.id} hats have ${v.size} velocities`);
    });
  });
});

describe('overrides', () => {
  it('changing the tempo keeps the notes', () => {
    const a = generateSong(11, 'pop');
    const b = generateSong(11, 'pop', { bpm: 90 });
    expect(b.bpm).toBe(90);
    expect(b.id).not.toBe(a.id);
    expect(track(b, 'vocal').events).toEqual(track(a, 'vocal').events);
    expect(b.title).toBe(a.title);
  });

  it('takes a progression by index or by numerals, and records it', () => {
    const byIndex = generateSong(4, 'pop', { progression: 1 });
    expect(byIndex.arrangement.progression).toEqual(['vi', 'IV', 'I', 'V']);
    expect(byIndex.arrangement.progressionIndex).toBe(1);
    const custom = generateSong(4, 'rock', { progression: ['i', 'VII', 'VI', 'V'] });
    expect(custom.key.mode).toBe('minor');
    expect(custom.arrangement.progressionIndex).toBeNull();
    expect(custom.sections[1]?.chords.map((c) => c.roman)).toEqual([
      'i',
      'VII',
      'VI',
      'V',
      'i',
      'VII',
      'VI',
      'V',
    ]);
    expect(() => generateSong(4, 'rock', { progression: ['I', 'Q'] })).toThrow(RangeError);
  });

  it('plays an edited drum grid', () => {
    const grid = [
      { track: 'kick' as const, hit: 36, steps: [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0] },
    ];
    const song = generateSong(2, 'pop', { drumPattern: grid });
    expect(song.arrangement.drumPattern).toEqual(grid);
    const verse = song.sections.find((s) => s.name === 'verse');
    const bar = (verse?.startBar ?? 0) + 1;
    const kicks = track(song, 'kick').events.filter((e) => e.time >= bar * 4 && e.time < bar * 4 + 4);
    expect(kicks.map((e) => e.time - bar * 4)).toEqual([0, 1, 2, 3]);
    expect(track(song, 'snare').events.filter((e) => e.time >= bar * 4 && e.time < bar * 4 + 4)).toEqual([]);
  });

  it('swings off-beat sixteenths by the given ratio and leaves straight time alone', () => {
    const offsets = (swing: number) =>
      new Set(
        track(generateSong(8, 'hiphop', { swing }), 'hats').events.map((e) =>
          Math.round((e.time % 0.5) * 1000),
        ),
      );
    expect([...offsets(0.5)].every((o) => o % 125 === 0)).toBe(true);
    const swung = offsets(0.6);
    expect(swung.has(300)).toBe(true);
    expect(swung.has(250)).toBe(false);
  });

  it('mutes tracks (events kept) and swaps instruments, refusing presets for another track', () => {
    const song = generateSong(2, 'ballad', { mutedTracks: ['keys'], instruments: { lead: 'lead-saw' } });
    expect(track(song, 'keys').muted).toBe(true);
    expect(track(song, 'keys').events.length).toBeGreaterThan(0);
    expect(track(song, 'lead').instrument).toBe('lead-saw');
    expect(() => generateSong(2, 'ballad', { instruments: { kick: 'lead-saw' } })).toThrow(RangeError);
  });

  it('uses only presets that exist and fit their track by default', () => {
    for (const style of STYLE_IDS) {
      for (const t of generateSong(1, style, { includeNoise: true }).tracks) {
        expect(PRESETS.find((p) => p.id === t.instrument)?.tracks).toContain(t.id);
      }
    }
  });

  it('makes a pink-noise test song', () => {
    const song = generateTestSong(3, { bars: 8 });
    expect(song.id).toBe(`noise-3-${song.id.split('-')[2]}`);
    expect(song.tracks.map((t) => t.id)).toEqual(['noise']);
    expect(track(song, 'noise').events.reduce((n, e) => n + e.duration, 0)).toBe(32);
    expect(generateTestSong(3).id).toBe('noise-3');
  });
});
