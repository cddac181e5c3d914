import { describe, expect, it } from 'vitest';
import {
  clampFeedback,
  delayTailSeconds,
  MAX_FEEDBACK,
  NOTE_VALUES,
  noteValueSeconds,
  repeatLevelDb,
} from '../../src/dsp/delay';

describe('noteValueSeconds', () => {
  it('gives the musical lengths at 120 BPM (a beat is 0.5 s)', () => {
    expect(noteValueSeconds('1/4', 120)).toBe(0.5);
    expect(noteValueSeconds('1/8', 120)).toBe(0.25);
    expect(noteValueSeconds('1/16', 120)).toBe(0.125);
    expect(noteValueSeconds('1/2', 120)).toBe(1);
    expect(noteValueSeconds('1/8d', 120)).toBe(0.375);
    expect(noteValueSeconds('1/4d', 120)).toBe(0.75);
    expect(noteValueSeconds('1/8t', 120)).toBeCloseTo(1 / 6, 12);
  });

  it('scales inversely with tempo and orders the note values', () => {
    for (const note of NOTE_VALUES)
      expect(noteValueSeconds(note, 90)).toBeCloseTo((noteValueSeconds(note, 120) * 120) / 90, 12);
    const lengths = NOTE_VALUES.map((n) => noteValueSeconds(n, 100));
    for (let i = 1; i < lengths.length; i++) expect(lengths[i]!).toBeLessThan(lengths[i - 1]!);
  });

  it('rejects a tempo that is not positive', () => {
    expect(() => noteValueSeconds('1/4', 0)).toThrow(RangeError);
    expect(() => noteValueSeconds('1/4', Number.NaN)).toThrow(RangeError);
  });
});

describe('feedback', () => {
  it('is clamped so the repeats always die away', () => {
    expect(clampFeedback(1.5)).toBe(MAX_FEEDBACK);
    expect(clampFeedback(-1)).toBe(0);
    expect(clampFeedback(Number.NaN)).toBe(0);
    expect(clampFeedback(0.5)).toBe(0.5);
  });

  it('each repeat is 20·log10(fb) below the one before', () => {
    expect(repeatLevelDb(0.5, 1)).toBe(0);
    expect(repeatLevelDb(0.5, 3)).toBeCloseTo(-12.04, 2);
  });

  it('tail length: time for the repeats to fall 60 dB', () => {
    // fb 0.5 loses 6.02 dB per repeat: 60 dB takes 9.97 repeats after the first.
    expect(delayTailSeconds(0.25, 0.5)).toBeCloseTo(0.25 * (1 + 60 / 6.0206), 3);
    expect(delayTailSeconds(0.25, 0)).toBe(0.25);
  });
});
