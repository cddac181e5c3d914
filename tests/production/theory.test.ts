import { describe, expect, it } from 'vitest';
import { swingTime } from '../../src/production/events';
import {
  chordFromRoman,
  createKey,
  noteName,
  parseProgression,
  scaleOverChord,
  scalePitchClasses,
} from '../../src/production/theory';

const C_MAJOR = createKey(0, 'major');
const A_MINOR = createKey(9, 'minor');

describe('chordFromRoman', () => {
  it('stacks diatonic thirds in major', () => {
    expect(chordFromRoman('I', C_MAJOR)).toMatchObject({ root: 0, pitchClasses: [0, 4, 7], name: 'C' });
    expect(chordFromRoman('vi', C_MAJOR)).toMatchObject({ root: 9, pitchClasses: [9, 0, 4], name: 'Am' });
    expect(chordFromRoman('vii°', C_MAJOR)).toMatchObject({
      root: 11,
      pitchClasses: [11, 2, 5],
      name: 'Bdim',
    });
  });
  it('adds diatonic sevenths: Imaj7, ii7, V7', () => {
    expect(chordFromRoman('I7', C_MAJOR).name).toBe('Cmaj7');
    expect(chordFromRoman('ii7', C_MAJOR)).toMatchObject({ pitchClasses: [2, 5, 9, 0], name: 'Dm7' });
    expect(chordFromRoman('V7', C_MAJOR)).toMatchObject({ pitchClasses: [7, 11, 2, 5], name: 'G7' });
  });
  it('gives V in minor its leading tone (harmonic minor), v stays minor', () => {
    expect(chordFromRoman('V', A_MINOR)).toMatchObject({ root: 4, pitchClasses: [4, 8, 11], name: 'E' });
    expect(chordFromRoman('v', A_MINOR)).toMatchObject({ pitchClasses: [4, 7, 11], name: 'Em' });
    expect(chordFromRoman('VI', A_MINOR).name).toBe('F');
    expect(chordFromRoman('III', A_MINOR).name).toBe('C');
  });
  it('throws on something that is not a numeral', () => {
    expect(() => chordFromRoman('X', C_MAJOR)).toThrow(RangeError);
  });
});

describe('parseProgression', () => {
  it('accepts dashes, en dashes, commas and spaces', () => {
    expect(parseProgression('I–V–vi–IV')).toEqual({ ok: true, romans: ['I', 'V', 'vi', 'IV'] });
    expect(parseProgression('i, VI III  VII')).toEqual({ ok: true, romans: ['i', 'VI', 'III', 'VII'] });
  });
  it('explains what is wrong', () => {
    expect(parseProgression('')).toMatchObject({ ok: false });
    expect(parseProgression('I V H')).toEqual({
      ok: false,
      error: '"H" is not a roman numeral like I, ii, V7 or vii°.',
    });
    expect(parseProgression('I I I I I I I I I')).toMatchObject({
      ok: false,
      error: 'Use at most 8 chords.',
    });
  });
});

describe('scales and names', () => {
  it('lists the scale from the tonic', () => {
    expect(scalePitchClasses(C_MAJOR)).toEqual([0, 2, 4, 5, 7, 9, 11]);
    expect(scalePitchClasses(A_MINOR)).toEqual([9, 11, 0, 2, 4, 5, 7]);
  });
  it('replaces G by G♯ over E major in A minor', () => {
    const scale = scaleOverChord(A_MINOR, chordFromRoman('V', A_MINOR));
    expect(scale).toContain(8);
    expect(scale).not.toContain(7);
  });
  it('spells with the key: B♭ in F major, C♯ as the leading tone of D minor', () => {
    expect(createKey(5, 'major').name).toBe('F major');
    expect(noteName(70, createKey(5, 'major'))).toBe('B♭4');
    expect(noteName(61, createKey(2, 'minor'))).toBe('C♯4');
    expect(noteName(60)).toBe('C4');
  });
});

describe('swingTime', () => {
  it('leaves eighth-note positions alone and moves off-sixteenths', () => {
    for (const t of [0, 0.5, 1, 3.5, 17]) expect(swingTime(t, 0.6)).toBeCloseTo(t, 9);
    expect(swingTime(0.25, 0.5)).toBe(0.25);
    expect(swingTime(0.25, 2 / 3)).toBeCloseTo(1 / 3, 9);
    expect(swingTime(4.75, 0.6)).toBeCloseTo(4.8, 9);
  });
  it('is monotonic', () => {
    let prev = -1;
    for (let t = 0; t < 2; t += 0.01) {
      const s = swingTime(t, 0.62);
      expect(s).toBeGreaterThan(prev);
      prev = s;
    }
  });
});
