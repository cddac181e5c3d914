import { describe, expect, it } from 'vitest';
import { heldLength, mixHeldNote, mixSound } from '../../../src/production/synth/mix-note';

const RATE = 1000;
const ENV = { attack: 0.01, decay: 0.02, sustain: 0.5, release: 0.1 };

describe('mixHeldNote', () => {
  it('shapes a constant tone: attack to 1, decay to sustain, release to exactly 0', () => {
    const gate = 200;
    const length = heldLength(gate, ENV, RATE);
    expect(length).toBe(300);
    const out = new Float32Array(400);
    mixHeldNote(out, 50, new Float32Array(length).fill(1), gate, ENV, RATE, 2);
    expect(out[49]).toBe(0);
    expect(out[50 + 9]).toBeCloseTo(2, 6);
    expect(out[50 + 199]).toBeCloseTo(1, 3);
    expect(out[50 + 200]).toBeLessThan(1);
    expect(out[50 + 299]).toBe(0);
    expect(out[50 + 300]).toBe(0);
    for (let i = 51 + 200; i < 350; i++) expect(out[i]).toBeLessThanOrEqual(out[i - 1] as number);
  });

  it('releases from where a short note got to (gate shorter than the attack)', () => {
    const out = new Float32Array(200);
    mixHeldNote(out, 0, new Float32Array(200).fill(1), 5, ENV, RATE, 1);
    expect(out[4]).toBeCloseTo(0.5, 6);
    expect(out[5]).toBeLessThan(0.5);
  });

  it('adds into what is there and stops at the buffer end', () => {
    const out = new Float32Array(10).fill(1);
    mixSound(out, 7, new Float32Array([1, 2, 3, 4]), 0.5);
    expect([...out]).toEqual([1, 1, 1, 1, 1, 1, 1, 1.5, 2, 2.5]);
  });

  it('adds exactly what a one-at-a-time loop adds, whatever the length and offset (the loop runs four at a time)', () => {
    let state = 12345;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648 - 0.5;
    };
    for (let length = 0; length < 12; length++)
      for (const start of [0, 1, 3, 17, 20, 25, 30]) {
        const sound = Float32Array.from({ length }, random);
        const out = Float32Array.from({ length: 24 }, random);
        const expected = Float32Array.from(out);
        for (let i = start, j = 0; i < expected.length && j < length; i++, j++)
          expected[i] = (expected[i] as number) + (sound[j] as number) * 0.37;
        mixSound(out, start, sound, 0.37);
        expect([...out]).toEqual([...expected]);
      }
  });
});
