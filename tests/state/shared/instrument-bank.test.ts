import { describe, expect, it } from 'vitest';
import { KITS, PROGRAMS } from '../../../src/production/sampler/patches';
import { NoteRenderer } from '../../../src/production/sampler/render-sampled';
import { parseSampleBank, type SampleBank } from '../../../src/production/sampler/sample-bank';
import { keepSamplesOnce } from '../../../src/state/shared/instrument-bank';
import { instrumentBankBytes } from '../../../tools/instrument-bank';

const RATE = 16000;

/** Bytes a bank's samples hold now: 16-bit copies and decoded floats. */
function heldBytes(bank: SampleBank): { s16: number; float: number; both: number } {
  let s16 = 0;
  let float = 0;
  let both = 0;
  for (const sample of bank.soundBank.samples as unknown as {
    s16leData?: Uint8Array;
    audioData?: Float32Array;
  }[]) {
    s16 += sample.s16leData?.byteLength ?? 0;
    float += sample.audioData?.byteLength ?? 0;
    if (sample.s16leData && sample.audioData) both++;
  }
  return { s16, float, both };
}

/** A few notes of a piano and a kit, as the song Worker renders them. */
function notes(bank: SampleBank): Float32Array[] {
  const piano = new NoteRenderer(bank, PROGRAMS.piano, RATE);
  const kit = new NoteRenderer(bank, KITS.standard, RATE);
  return [piano.render(60, 100, 4000, 0), piano.render(72, 64, 2000, 0), kit.render(38, 110, 0, 0)];
}

describe('the instrument bank holds each sample once (issue 21)', () => {
  it('a decoded sample keeps no 16-bit copy, and the notes sound the same bit for bit', async () => {
    const bytes = await instrumentBankBytes();
    const plain = parseSampleBank(bytes);
    const once = keepSamplesOnce(parseSampleBank(bytes));
    const expected = notes(plain);
    const heard = notes(once);
    expect(heard.map((n) => n.length)).toEqual(expected.map((n) => n.length));
    heard.forEach((n, i) => {
      expect(n).toEqual(expected[i]);
    });
    const before = heldBytes(plain);
    const after = heldBytes(once);
    // Without keepSamplesOnce the decoded samples are held twice (16-bit and float).
    expect(before.both).toBeGreaterThan(0);
    expect(after.both).toBe(0);
    expect(after.float).toBe(before.float);
    expect(after.s16).toBeLessThan(before.s16);
    console.log(
      `decoded samples: float ${(after.float / 2 ** 20).toFixed(1)} MB; 16-bit copies held ${(before.s16 / 2 ** 20).toFixed(1)} → ${(after.s16 / 2 ** 20).toFixed(1)} MB`,
    );
  }, 60_000);
});
