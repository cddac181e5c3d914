import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeWav } from '../../src/dsp/wav';
import { downloadBlob, exportWav } from '../../src/engine/export-wav';
import { Mixer } from '../../src/engine/mixer';
import { bufferChannels, renderOffline } from '../../src/engine/render';
import { playSamples, sine } from './mix-fixtures';

const SR = 16_000;

describe('renderOffline', () => {
  it('renders the requested length, channels and rate, awaiting an async build', async () => {
    const out = await renderOffline(
      async (ctx) => {
        const mixer = await Mixer.create(ctx, { tracks: [{ pan: -1 }] });
        playSamples(ctx, sine(500, SR, SR, 0.5), mixer.strip(0).input);
      },
      { sampleRate: SR, durationS: 0.75, channels: 2 },
    );
    expect(out.sampleRate).toBe(SR);
    expect(out.length).toBe(12_000);
    expect(out.numberOfChannels).toBe(2);
    const [left, right] = bufferChannels(out);
    // Hard left: everything on the left (a mono source at −1 gets the full level), nothing on the right.
    expect(Math.max(...left!.subarray(2000, 4000))).toBeCloseTo(0.5, 3);
    expect(Math.max(...right!.map(Math.abs))).toBe(0);
  });

  it('defaults to two channels', async () => {
    const out = await renderOffline(() => {}, { sampleRate: SR, durationS: 0.1 });
    expect(out.numberOfChannels).toBe(2);
  });
});

describe('exportWav', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('encodes a render as a WAV Blob that decodes back to the same samples', async () => {
    const out = await renderOffline(
      (ctx) => {
        playSamples(ctx, sine(440, SR, SR / 10, 0.5), ctx.destination);
      },
      { sampleRate: SR, durationS: 0.1 },
    );
    for (const [format, bytes, tolerance] of [
      ['pcm16', 2, 1 / 32768],
      ['pcm24', 3, 1 / 8388608],
      ['float32', 4, 0],
    ] as const) {
      const blob = exportWav(out, format);
      expect(blob.type).toBe('audio/wav');
      // The sample data plus a RIFF header (44 bytes; float files carry a longer fmt and a fact chunk).
      expect(blob.size - 1600 * 2 * bytes).toBeGreaterThanOrEqual(44);
      expect(blob.size - 1600 * 2 * bytes).toBeLessThanOrEqual(80);
      const decoded = decodeWav(new Uint8Array(await blob.arrayBuffer()));
      if (!decoded.ok) throw new Error(decoded.error.message);
      expect(decoded.audio.sampleRate).toBe(SR);
      let maxError = 0;
      for (let c = 0; c < 2; c++) {
        const original = out.getChannelData(c);
        decoded.audio.channels[c]!.forEach((x, i) => {
          maxError = Math.max(maxError, Math.abs(x - original[i]!));
        });
      }
      expect(maxError).toBeLessThanOrEqual(tolerance);
    }
  });

  it('downloadBlob clicks a temporary link and releases the object URL', async () => {
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    downloadBlob(new Blob(['x'], { type: 'audio/wav' }), 'mix.wav');
    expect(clicks).toEqual(['mix.wav']);
    expect(document.querySelector('a[download]')).toBeNull();
    await new Promise((r) => setTimeout(r, 10));
    expect(revoke).toHaveBeenCalledTimes(1);
  });
});
