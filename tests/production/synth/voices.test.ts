import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/production/presets';
import { createNoise } from '../../../src/production/synth/noise';
import { midiToHz } from '../../../src/production/synth/oscillators';
import { ALTO } from '../../../src/production/synth/vocal-singers';
import { renderVocal } from '../../../src/production/synth/vocal-voice';
import { type Voice, voiceFor } from '../../../src/production/synth/voices';
import { bandEnergy, bandShare, estimatePitch, peak } from '../spectrum-helpers';

const RATE = 48000;

function hit(preset: string, drum: number): Float32Array {
  const voice = voiceFor(preset);
  if (voice.kind !== 'hit') throw new Error(`${preset} is not a drum`);
  return voice.render(drum, RATE, createNoise(1));
}

/** One note of a pitched preset, `seconds` long (held voices: the tone before its envelope). */
function tone(voice: Voice, pitch: number, seconds: number): Float32Array {
  const n = Math.round(seconds * RATE);
  if (voice.kind === 'held' || voice.kind === 'note') return voice.render(pitch, n, RATE, createNoise(1));
  throw new Error('not a note voice');
}

describe('drum voices', () => {
  it.each(['kick-punch', 'kick-808', 'kick-club', 'kick-soft'])('%s puts its energy below 150 Hz', (id) => {
    expect(bandShare(hit(id, 36), RATE, 0, 150)).toBeGreaterThan(0.85);
  });

  it.each([
    ['hats-bright', 0.9],
    ['hats-dark', 0.75],
  ] as const)('%s puts its energy above 5 kHz (closed, open and crash)', (id, share) => {
    for (const drum of [42, 46, 49])
      expect(bandShare(hit(id, drum), RATE, 5000, 24000, 1024)).toBeGreaterThan(share);
  });

  it('lets an open hat ring much longer than a closed one', () => {
    const closed = hit('hats-bright', 42);
    const open = hit('hats-bright', 46);
    expect(open.length).toBeGreaterThan(4 * closed.length);
  });

  it.each(['snare-tight', 'snare-fat', 'snare-soft'])(
    '%s has a drum tone (< 500 Hz) and wires (> 2 kHz)',
    (id) => {
      const x = hit(id, 38);
      expect(bandShare(x, RATE, 100, 500, 1024)).toBeGreaterThan(0.1);
      expect(bandShare(x, RATE, 2000, 24000, 1024)).toBeGreaterThan(0.1);
    },
  );

  it('tunes the toms low < mid < high and keeps shakers bright', () => {
    const pitches = [45, 47, 50].map((d) =>
      estimatePitch(hit('perc-kit', d).subarray(2400, 12000), RATE, 50, 400),
    );
    expect(pitches[0]).toBeLessThan(pitches[1] as number);
    expect(pitches[1]).toBeLessThan(pitches[2] as number);
    expect(bandShare(hit('perc-kit', 70), RATE, 3000, 24000, 1024)).toBeGreaterThan(0.8);
  });

  it('gives round-robin takes different noise but the same level', () => {
    const voice = voiceFor('snare-tight');
    if (voice.kind !== 'hit') throw new Error('drum expected');
    const a = voice.render(38, RATE, createNoise(1));
    const b = voice.render(38, RATE, createNoise(2));
    expect(a).not.toEqual(b);
    expect(peak(a) / peak(b)).toBeGreaterThan(0.8);
    expect(peak(a) / peak(b)).toBeLessThan(1.25);
  });
});

describe('pitched voices', () => {
  const pitched = PRESETS.filter(
    (p) => !p.tracks.some((t) => ['kick', 'snare', 'hats', 'perc', 'vocal', 'noise'].includes(t)),
  );

  it.each(pitched.map((p) => p.id))('%s plays in tune (A2 and A3 within 1 %%)', (id) => {
    const voice = voiceFor(id);
    for (const note of [45, 57]) {
      const x = tone(voice, note, 0.6);
      expect(x.every(Number.isFinite)).toBe(true);
      expect(peak(x)).toBeGreaterThan(0.05);
      const f = estimatePitch(x.subarray(Math.round(0.2 * RATE), Math.round(0.45 * RATE)), RATE, 50, 1000);
      expect(Math.abs(f / midiToHz(note) - 1), `${id} note ${note}: ${f.toFixed(1)} Hz`).toBeLessThan(0.01);
    }
  });

  it('keeps a low bass note in tune (808 after its slide, sub bass)', () => {
    for (const id of ['bass-808', 'bass-sub', 'bass-finger', 'bass-saw']) {
      const x = tone(voiceFor(id), 33, 0.8);
      const f = estimatePitch(x.subarray(Math.round(0.3 * RATE), Math.round(0.75 * RATE)), RATE, 30, 200);
      expect(Math.abs(f / midiToHz(33) - 1), id).toBeLessThan(0.01);
    }
  });

  it('gives the 808 an octave above a low note, so laptop speakers hear it (no 125 Hz hole under hip-hop)', () => {
    // A (MIDI 33, 55 Hz): its second harmonic at 110 Hz lies in the 125 Hz octave (88–177 Hz).
    const x = tone(voiceFor('bass-808'), 33, 0.8).subarray(Math.round(0.3 * RATE));
    const octave = (centre: number) => bandEnergy(x, RATE, centre / Math.SQRT2, centre * Math.SQRT2, 8192);
    const db = (ratio: number) => 10 * Math.log10(ratio);
    // The second harmonic sits within 6 dB of the fundamental (before: 14 dB under, with odd harmonics only).
    expect(db(octave(125) / octave(62.5))).toBeGreaterThan(-6);
    expect(db(octave(125) / octave(62.5))).toBeLessThan(3);
    // Still a sine-based bass: the 1 kHz octave and above hold under 2 % of its energy.
    expect(bandShare(x, RATE, 707, 24000, 8192)).toBeLessThan(0.02);
  });
});

describe('vocal voice', () => {
  const sing = (vowel: 'a' | 'i', pitch = 60) => {
    const out = new Float32Array(RATE);
    renderVocal(
      [{ time: 0, duration: 1.6, pitch, velocity: 0.9, vowel }],
      0.5,
      RATE,
      out,
      createNoise(3),
      ALTO,
    );
    return out;
  };

  it('sings the note: pitch within 1 % once the scoop has settled', () => {
    const x = sing('a', 64);
    const f = estimatePitch(x.subarray(Math.round(0.15 * RATE), Math.round(0.27 * RATE)), RATE, 100, 800);
    expect(Math.abs(f / midiToHz(64) - 1)).toBeLessThan(0.01);
  });

  it('shapes vowels with formants: "a" has a high first formant, "i" a high second', () => {
    const a = sing('a');
    const i = sing('i');
    expect(bandShare(a, RATE, 650, 1100)).toBeGreaterThan(3 * bandShare(i, RATE, 650, 1100));
    const brightness = (x: Float32Array) => bandEnergy(x, RATE, 2300, 3600) / bandEnergy(x, RATE, 650, 1100);
    expect(brightness(i)).toBeGreaterThan(4 * brightness(a));
  });

  it('is silent outside its notes and fades out after the last', () => {
    const out = new Float32Array(2 * RATE);
    renderVocal(
      [{ time: 1, duration: 1, pitch: 60, velocity: 1, vowel: 'o' }],
      0.5,
      RATE,
      out,
      createNoise(3),
      ALTO,
    );
    // Silent until the half-band interpolator's reach (24 samples, 0.5 ms) before the onset.
    expect(peak(out.subarray(0, RATE / 2 - 24))).toBe(0);
    expect(peak(out.subarray(RATE / 2 + 100, RATE))).toBeGreaterThan(0.01);
    expect(peak(out.subarray(RATE + RATE / 5))).toBe(0);
  });
});
