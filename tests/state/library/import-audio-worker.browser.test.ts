/**
 * The Workers of issue 19 in Chromium: the WAV import worker decodes exactly as src/dsp/wav.ts does (bit for
 * bit, from a File it reads in slices), and the backup worker checks a backup file off the main thread.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/dsp/random';
import { resample } from '../../../src/dsp/resample';
import { decodeWav, encodeWav, type WavFormat } from '../../../src/dsp/wav';
import { DEFAULT_IMPORT_LIMITS } from '../../../src/production/import/limits';
import { decodeWavOffThread } from '../../../src/state/library/import-decode';
import { checkBackupFile, forgetCheckedBackup } from '../../../src/state/settings/backup';
import { makeBigBackup } from '../../bench/big-backup';

function noise(length: number, seed: number, amp: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length }, () => rng.range(-amp, amp));
}

async function bits(blob: Blob): Promise<Uint32Array> {
  return new Uint32Array(await blob.arrayBuffer());
}

describe('the WAV import worker', () => {
  for (const [format, rate] of [
    ['pcm16', 48000],
    ['pcm24', 48000],
    ['float32', 48000],
    ['pcm24', 44100],
  ] as [WavFormat, number][]) {
    it(`decodes ${format} stereo at ${rate} Hz as decodeWav does (then resampled to 48 kHz)`, async () => {
      // 6 s of 24-bit stereo is 1.7 MB: several of the worker's 4 MB slices only for float32; all formats
      // cross slice boundaries at odd frame counts because the slice is a whole number of frames.
      const wav = encodeWav([noise(rate * 6, 1, 0.9), noise(rate * 6, 2, 0.4)], rate, format);
      const want = decodeWav(wav);
      if (!want.ok) throw new Error(want.error.message);
      const got = await decodeWavOffThread({
        source: new File([wav], 'Take.wav'),
        name: 'Take.wav',
        rate: 48000,
        limits: DEFAULT_IMPORT_LIMITS,
      });
      if (!got.ok) throw new Error(got.problem.message);
      expect(got.channels).toHaveLength(2);
      for (const [c, channel] of want.audio.channels.entries()) {
        const expected = rate === 48000 ? channel : resample(channel, rate, 48000);
        const actual = await bits(got.channels[c]!);
        expect(actual.length).toBe(expected.length);
        let differ = 0;
        const e = new Uint32Array(expected.buffer, expected.byteOffset, expected.length);
        for (let i = 0; i < e.length; i++) if (actual[i] !== e[i]) differ++;
        expect(differ).toBe(0);
      }
    });
  }

  it('gives the same problem for a damaged file as decodeWav does', async () => {
    const wav = new Uint8Array(encodeWav([noise(48000, 3, 0.5)], 48000, 'pcm16'));
    const got = await decodeWavOffThread({
      source: new File([wav.subarray(0, 40_000)], 'Cut.wav'),
      name: 'Cut.wav',
      rate: 48000,
      limits: DEFAULT_IMPORT_LIMITS,
    });
    const want = decodeWav(wav.subarray(0, 40_000));
    expect(want.ok).toBe(false);
    expect(!got.ok && got.problem.message).toBe(
      `“Cut.wav”: the file is damaged or cut short. ${!want.ok && want.error.message}`,
    );
  });
});

describe('the backup worker', () => {
  it('checks a backup in the worker (the checked records stay there) with progress', async () => {
    const { file } = makeBigBackup(3000);
    const checked = await checkBackupFile(file);
    if (!checked.ok) throw new Error(checked.problem.message);
    expect('ticket' in checked.value.held).toBe(true);
    expect(checked.value.contents.counts.attempts).toBe(3000);
    forgetCheckedBackup(checked.value);
  });
});
