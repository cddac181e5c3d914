import { describe, expect, it } from 'vitest';
import { DEFAULT_COMP, parseSetting } from '../../src/lessons/settings.pure';

const ok = (text: string) => {
  const r = parseSetting(text);
  if (!r.ok) throw new Error(r.reason);
  return r.setting;
};
const reason = (text: string) => {
  const r = parseSetting(text);
  return r.ok ? null : r.reason;
};

describe('listening settings', () => {
  it('"flat" changes nothing', () => {
    expect(ok('flat')).toEqual({ text: 'flat' });
  });
  it('reads gain, pan positions and a high-pass', () => {
    expect(ok('gain -6')).toMatchObject({ faderDb: -6 });
    expect(ok('gain +3dB')).toMatchObject({ faderDb: 3 });
    expect(ok('pan L30').pan).toBeCloseTo(-0.3, 10);
    expect(ok('pan R100').pan).toBe(1);
    expect(ok('pan C').pan).toBe(0);
    expect(ok('pan -0.5').pan).toBe(-0.5);
    expect(ok('hpf 2.5k').highPassHz).toBe(2500);
  });
  it('reads EQ bands with frequencies in Hz or k, and an optional Q on bells', () => {
    expect(ok('bell 3k +4 q2, lowshelf 120Hz -3, highshelf 10kHz +1.5').eq).toEqual([
      { type: 'peaking', frequency: 3000, gainDb: 4, q: 2 },
      { type: 'lowshelf', frequency: 120, gainDb: -3, q: Math.SQRT1_2 },
      { type: 'highshelf', frequency: 10_000, gainDb: 1.5, q: Math.SQRT1_2 },
    ]);
  });
  it('reads a compressor, filling in defaults, and accepts "4:1" ratios', () => {
    expect(ok('comp thr=-24 ratio=4:1 makeup=6').compressor).toEqual({
      ...DEFAULT_COMP,
      thresholdDb: -24,
      ratio: 4,
      makeupDb: 6,
    });
    expect(ok('comp').compressor).toEqual(DEFAULT_COMP);
  });
  it('reads reverb and delay sends', () => {
    expect(ok('reverb 1.8s send=-10').reverb).toEqual({ seconds: 1.8, sendDb: -10 });
    expect(ok('delay 1/8d fb=40').delay).toEqual({ note: '1/8d', feedback: 0.4, sendDb: -12 });
  });
  it('explains what is wrong', () => {
    expect(reason('boost 3k')).toMatch(/^unknown move "boost"/);
    expect(reason('bell 3k')).toBe('expected EQ gain in dB, got ""');
    expect(reason('bell 30k +3')).toBe('frequency must be between 20 Hz and 20k, got 30000 Hz');
    expect(reason('bell 1k +3, bell 2k +3, bell 4k +3')).toMatch(/too many "bell" moves/);
    expect(reason('comp knee=3')).toMatch(/"comp" takes thr=… ratio=…/);
    expect(reason('delay 1/3')).toMatch(/note value/);
    expect(reason('pan L300')).toMatch(/pan amount must be 1 to 100/);
    expect(reason('gain -6,')).toMatch(/a move is empty/);
    expect(reason('flat now')).toBe('"flat" takes nothing after it');
  });
});
