import { describe, expect, it } from 'vitest';
import { defineCompressorBankProcessor } from '../../src/engine/worklet-compressor-bank';
import { bankParamName, CLAIM_SEEDS, claimSeed, claimValue } from '../../src/engine/worklet-names';
import type { WorkletProcessorBase } from '../../src/engine/worklet-scope';

const FS = 16_000;
const BLOCK = 128;

/** A stand-in for AudioWorkletProcessor: a port that goes nowhere. */
class Base {
  readonly port = { onmessage: null as unknown, postMessage: () => undefined };
}

/** Params for slots `claims` (slot → claim value), every slot compressing at −30 dB, 4:1, 10/100 ms, no makeup. */
function params(claims: Record<number, number>): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {};
  const settings = { thresholdDb: -30, ratio: 4, kneeDb: 0, attackMs: 10, releaseMs: 100, makeupDb: 0 };
  for (let k = 0; k < 8; k++) {
    out[bankParamName(k, 'claim')] = new Float32Array([claims[k] ?? 0]);
    for (const [name, value] of Object.entries(settings))
      out[bankParamName(k, name)] = new Float32Array([value]);
  }
  return out;
}

describe('compressor bank: a claim that follows another slot starts from its detector', () => {
  it('encodes the seed slot in the claim value, exactly in a float32', () => {
    expect(claimSeed(claimValue(5))).toBeUndefined();
    expect(claimSeed(claimValue(5, 0))).toBe(0);
    expect(claimSeed(claimValue(5, 7))).toBe(7);
    const largest = claimValue(1 << 19, 7);
    expect(Math.fround(largest)).toBe(largest);
    expect(largest % CLAIM_SEEDS).toBe(8);
  });

  it('a seeded slot starts as far down as the slot it follows; an unseeded one starts at unity', () => {
    const Bank = defineCompressorBankProcessor(Base as unknown as WorkletProcessorBase, FS);
    const bank = new Bank({} as never);
    const loud = new Float32Array(BLOCK).map((_, n) => 0.9 * Math.sin((2 * Math.PI * 200 * n) / FS));
    const outputs = () => Array.from({ length: 8 }, () => [new Float32Array(BLOCK)]);
    const inputs = Array.from({ length: 8 }, () => [loud]);
    // Slot 0 compresses the loud tone for 0.4 s: about 20 dB of reduction on its peaks.
    let last = outputs();
    for (let b = 0; b < (0.4 * FS) / BLOCK; b++) {
      last = outputs();
      bank.process(inputs, last, params({ 0: claimValue(1) }));
    }
    const settled = last[0]?.[0]?.[BLOCK - 1] as number;
    expect(20 * Math.log10(settled)).toBeLessThan(-10);
    // Then slot 1 follows slot 0 and slot 2 starts fresh, on the same input.
    const next = outputs();
    bank.process(inputs, next, params({ 0: claimValue(1), 1: claimValue(2, 0), 2: claimValue(3) }));
    const seeded = next[1]?.[0]?.[0] as number;
    const fresh = next[2]?.[0]?.[0] as number;
    expect(Math.abs(20 * Math.log10(seeded / settled))).toBeLessThan(0.5);
    expect(20 * Math.log10(fresh)).toBeGreaterThan(-1);
    // From there the seeded slot tracks slot 0 sample for sample (same input, same state).
    for (let n = 0; n < BLOCK; n++) expect(next[1]?.[0]?.[n]).toBeCloseTo(next[0]?.[0]?.[n] as number, 3);
  });
});
