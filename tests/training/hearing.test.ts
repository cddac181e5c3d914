import { describe, expect, it } from 'vitest';
import { exercises } from '../../src/exercises/registry';
import {
  BAND_KINDS,
  EDGE_BANDS,
  hearingCheckOf,
  playsFocusBand,
  playsHeardBand,
  questionBandsHz,
} from '../../src/training/hearing';

describe('the hearing check’s bands in questions', () => {
  it('asks about the lowest and highest octave only', () => {
    expect(EDGE_BANDS).toEqual([31.5, 16000]);
  });

  it('reads every band a question plays, whatever the kind', () => {
    expect(questionBandsHz({ targetHz: 250 })).toEqual([250]);
    expect(questionBandsHz({ boostHz: 31.5, cutHz: 4000 })).toEqual([31.5, 4000]);
    expect(questionBandsHz({ reference: { frequencyHz: 800, gainDb: 6 } })).toEqual([800]);
    expect(questionBandsHz({ ring: { frequencyHz: 2500 } })).toEqual([2500]);
    expect(questionBandsHz({ filterA: null, filterB: { type: 'lowpass', frequencyHz: 16000 } })).toEqual([
      16000,
    ]);
    expect(questionBandsHz({ gainDb: 3 })).toEqual([]);
    expect(questionBandsHz(null)).toEqual([]);
  });

  it('leaves out a question with any unheard band, within a third of an octave', () => {
    expect(playsHeardBand({ boostHz: 31.5, cutHz: 4000 }, [31.5])).toBe(false);
    expect(playsHeardBand({ boostHz: 4000, cutHz: 16000 }, [31.5])).toBe(true);
    expect(playsHeardBand({ targetHz: 15000 }, [16000])).toBe(false); // within a sixth of an octave: the same band
    expect(playsHeardBand({ targetHz: 12500 }, [16000])).toBe(true);
    expect(playsHeardBand({ gainDb: 3 }, [31.5, 16000])).toBe(true);
    expect(playsFocusBand({ targetHz: 250 }, 250)).toBe(true);
    expect(playsFocusBand({ targetHz: 500 }, 250)).toBe(false);
    expect(playsFocusBand({ targetHz: 500 }, undefined)).toBe(true);
  });

  it('in a drill of two bands at once (level 2, all ten bands), a learner without 16 kHz never gets it; others still do', () => {
    expect(BAND_KINDS).toContain('eq-two-bands');
    const kind = exercises['eq-two-bands'];
    const questions = Array.from({ length: 120 }, (_, i) => kind.generate(i + 1, 2));
    const withTop = questions.filter((q) => questionBandsHz(q).includes(16000));
    expect(withTop.length).toBeGreaterThan(5); // the band is asked about when it can be heard
    const kept = questions.filter((q) => playsHeardBand(q, [16000]));
    expect(kept.length).toBe(questions.length - withTop.length);
    expect(kept.every((q) => !questionBandsHz(q).includes(16000))).toBe(true);
  });

  it('reads a stored check, refusing damaged ones', () => {
    expect(hearingCheckOf({ at: 5, leftRightOk: true, unheardHz: [16000] })).toEqual({
      at: 5,
      leftRightOk: true,
      unheardHz: [16000],
    });
    expect(hearingCheckOf({ at: 5, leftRightOk: true, unheardHz: [1000] })).toBeNull();
    expect(hearingCheckOf({ at: 'x', leftRightOk: true, unheardHz: [] })).toBeNull();
    expect(hearingCheckOf(null)).toBeNull();
  });
});
