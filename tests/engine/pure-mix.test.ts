// Runs in Node: the pure renderer needs no Web Audio at all.
import { describe, expect, it } from 'vitest';
import { limiterLatency } from '../../src/dsp/limiter';
import { DEFAULT_DELAY } from '../../src/engine/delay-bus';
import { measurePureMixLoudness, pureMixLength, renderPureMix } from '../../src/engine/pure-mix';
import { renderPureDelay } from '../../src/engine/pure-returns';

const FS = 48000;

function sine(dbfs: number, seconds: number): Float32Array {
  const a = 10 ** (dbfs / 20) * Math.SQRT2;
  return new Float32Array(seconds * FS).map((_, i) => a * Math.sin((2 * Math.PI * 1000 * i) / FS));
}

describe('renderPureMix in Node', () => {
  it('a centred mono 1 kHz sine at −20 dBFS RMS reads −20 LUFS: equal power, −3 dB on each of two sides', () => {
    const lufs = measurePureMixLoudness({ tracks: [{ channels: [sine(-20, 3)], settings: {} }] }, FS);
    expect(lufs).toBeCloseTo(-20, 1);
    const left = measurePureMixLoudness(
      { tracks: [{ channels: [sine(-20, 3)], settings: { pan: -1 } }] },
      FS,
    );
    expect(left).toBeCloseTo(-20, 1);
  });

  it('fader and master add in dB; the limiter delays by its lookahead and holds −1 dBFS', () => {
    const x = sine(-6, 1);
    const [l] = renderPureMix(
      { masterDb: 4, tracks: [{ channels: [x], settings: { faderDb: 3, pan: -1 } }] },
      FS,
    );
    const latency = limiterLatency(FS, 3);
    expect(l.length).toBe(pureMixLength({ tracks: [{ channels: [x], settings: {} }] }));
    expect(l[latency - 1]).toBe(0);
    let peak = 0;
    for (const v of l) peak = Math.max(peak, Math.abs(v));
    expect(peak).toBeLessThanOrEqual(10 ** (-1 / 20));
    expect(peak).toBeGreaterThan(10 ** (-1.2 / 20)); // −6 + 3 + 4 + 3 dB crest: well over the ceiling
  });

  it('a muted track and its sends are silent; a soloed one silences the others', () => {
    const x = sine(-20, 1);
    const muted = renderPureMix(
      { tracks: [{ channels: [x], settings: { mute: true, sends: { reverb: { enabled: true } } } }] },
      FS,
    );
    expect(muted[0].every((v) => v === 0)).toBe(true);
    const solo = renderPureMix(
      {
        tracks: [
          { channels: [x], settings: { pan: -1, solo: true } },
          { channels: [x], settings: { pan: 1 } },
        ],
      },
      FS,
    );
    expect(solo[1].every((v) => v === 0)).toBe(true);
    expect(solo[0].some((v) => v !== 0)).toBe(true);
  });
});

describe('renderPureDelay', () => {
  it('repeats an impulse after D, then every D + 128 samples (Web Audio runs the loop a quantum late)', () => {
    const x = new Float32Array(FS * 2);
    x[0] = 1;
    const [y] = renderPureDelay([x, x], { ...DEFAULT_DELAY, feedback: 0.5, bpm: 120 }, FS, x.length);
    const d = 0.375 * FS; // a dotted eighth at 120 BPM
    // The first echo is the input exactly; the second (filtered, so it rings on) starts 128 samples late.
    expect(Array.from(y.subarray(0, d)).every((v) => v === 0)).toBe(true);
    expect(y[d]).toBe(1);
    expect(Array.from(y.subarray(d + 1, 2 * d + 128)).every((v) => v === 0)).toBe(true);
    expect(Math.abs(y[2 * d + 128] as number)).toBeGreaterThan(0.01);
  });
});
