import { AudioContext } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { measureRmsDb } from '../../src/dsp/meters';
import { renderOffline } from '../../src/engine/render';
import {
  combineTargets,
  Transport,
  type TransportSnapshot,
  type TransportTarget,
} from '../../src/engine/transport';
import type { AnyContext } from '../../src/engine/types';
import { bufferOf, impulse } from './mix-fixtures';

const SR = 16_000;

/** Track i → output channel i, so each track can be read on its own. */
function channelTarget(ctx: AnyContext, tracks: number): TransportTarget {
  const merger = ctx.createChannelMerger(tracks);
  merger.connect(ctx.destination);
  return { connectSource: (index, node) => node.connect(merger, 0, index) };
}

/** Indices of every sample above 0.5. */
function hits(x: Float32Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i]! > 0.5) out.push(i);
  return out;
}

describe('Transport', () => {
  it('starts every track on the same sample', async () => {
    const out = await renderOffline(
      (ctx) => {
        const a = impulse(SR, Math.round(0.1 * SR));
        const b = impulse(SR, Math.round(0.1 * SR));
        b[Math.round(0.3 * SR)] = 1;
        const transport = new Transport(ctx, channelTarget(ctx, 2), [bufferOf(ctx, [a]), bufferOf(ctx, [b])]);
        // An `at` between samples is rounded up to the next sample for every track alike.
        transport.play(0, 0.05 + 0.3 / SR);
      },
      { sampleRate: SR, durationS: 0.6 },
    );
    const start = Math.round(0.05 * SR) + 1;
    expect(hits(out.getChannelData(0))).toEqual([start + 1600]);
    expect(hits(out.getChannelData(1))).toEqual([start + 1600, start + 4800]);
  });

  it('loops sample-exactly between loopStart and loopEnd', async () => {
    const out = await renderOffline(
      (ctx) => {
        const a = impulse(SR, Math.round(0.2 * SR));
        a[Math.round(0.1 * SR)] = 1; // the loop's first sample
        const transport = new Transport(ctx, channelTarget(ctx, 1), [bufferOf(ctx, [a])]);
        transport.setLoop({ start: 0.1, end: 0.35 });
        transport.play(0, 0);
      },
      { sampleRate: SR, durationS: 1, channels: 1 },
    );
    // 0.1 s and 0.2 s, then every loop (0.25 s = 4000 samples) the same two.
    expect(hits(out.getChannelData(0))).toEqual([1600, 3200, 5600, 7200, 9600, 11200, 13600, 15200]);
  });

  it('combineTargets feeds one player to several targets (A and B of a compare)', async () => {
    const out = await renderOffline(
      (ctx) => {
        const merger = ctx.createChannelMerger(2);
        merger.connect(ctx.destination);
        const toChannel = (c: number): TransportTarget => ({
          connectSource: (_i, node) => node.connect(merger, 0, c),
        });
        const transport = new Transport(ctx, combineTargets(toChannel(0), toChannel(1)), [
          bufferOf(ctx, [impulse(SR, 100)]),
        ]);
        transport.play(0, 0);
      },
      { sampleRate: SR, durationS: 0.1 },
    );
    expect(hits(out.getChannelData(0))).toEqual([100]);
    expect(hits(out.getChannelData(1))).toEqual([100]);
  });

  it('does nothing without buffers', () => {
    const ctx = new AudioContext();
    const transport = new Transport(ctx, { connectSource: () => {} }, []);
    transport.play();
    expect(transport.isPlaying).toBe(false);
    void ctx.close();
  });

  it('replaceBuffers hands over to the new buffers at the same position without stopping', async () => {
    const out = await renderOffline(
      (ctx) => {
        // The first bars (quiet, nothing after 0.2 s), then the whole take: louder, with a hit at 0.3 s.
        const head = new Float32Array(SR).fill(0.25, 0, Math.round(0.2 * SR));
        const whole = new Float32Array(SR).fill(0.125);
        whole[Math.round(0.3 * SR)] = 1;
        const transport = new Transport(ctx, channelTarget(ctx, 1), [bufferOf(ctx, [head])]);
        transport.play(0, 0);
        transport.replaceBuffers([bufferOf(ctx, [whole])]);
        expect(transport.isPlaying).toBe(true);
      },
      { sampleRate: SR, durationS: 0.5, channels: 1 },
    );
    const x = out.getChannelData(0);
    // Before the hand-over (leadS = 20 ms ahead) the head plays; after its 5 ms crossfade, the whole take.
    expect(x[Math.round(0.01 * SR)]).toBeCloseTo(0.25, 6);
    expect(x[Math.round(0.1 * SR)]).toBeCloseTo(0.125, 6);
    // Position carries on: the hit at 0.3 s of the programme is heard at 0.3 s, once.
    expect(hits(x)).toEqual([Math.round(0.3 * SR)]);
  });

  it('plays from an offset, and a stop leaves silence after its fade', async () => {
    const out = await renderOffline(
      (ctx) => {
        const a = impulse(SR * 2, Math.round(0.6 * SR));
        a.fill(0.25, Math.round(1.0 * SR), Math.round(1.5 * SR));
        const transport = new Transport(ctx, channelTarget(ctx, 1), [bufferOf(ctx, [a])]);
        transport.play(0.5, 0);
        transport.stop(0.6);
      },
      { sampleRate: SR, durationS: 1.2, channels: 1 },
    );
    const x = out.getChannelData(0);
    expect(hits(x)).toEqual([Math.round(0.1 * SR)]);
    // The programme's steady part would start at 0.5 s here; the stop at 0.6 s (5 ms fade) removed it.
    expect(measureRmsDb(x, Math.round(0.606 * SR))).toBe(Number.NEGATIVE_INFINITY);
  });

  it('derives position from the clock, wraps it in the loop and reports changes', async () => {
    const ctx = new AudioContext({ sampleRate: 48_000 });
    await ctx.resume();
    const silent = ctx.createBuffer(1, 48_000 * 4, 48_000);
    const target: TransportTarget = { connectSource: (_i, node) => node.connect(ctx.destination) };
    const transport = new Transport(ctx, target, [silent]);
    const seen: TransportSnapshot[] = [];
    transport.onChange((s) => seen.push(s));
    const when = transport.play(1);
    await new Promise((r) => setTimeout(r, 300));
    const expected = 1 + (ctx.currentTime - when);
    expect(transport.position).toBeCloseTo(expected, 6);
    expect(transport.position).toBeGreaterThan(1.15);
    transport.setLoop({ start: 1, end: 1.1 });
    const p = transport.position;
    expect(p).toBeGreaterThanOrEqual(1);
    expect(p).toBeLessThan(1.1);
    transport.stop();
    const stoppedAt = transport.position;
    expect(transport.isPlaying).toBe(false);
    expect(stoppedAt).toBeGreaterThanOrEqual(1);
    transport.seek(2.5);
    expect(transport.position).toBe(2.5);
    expect(seen.map((s) => s.playing)).toEqual([true, true, false, false]);
    expect(seen[1]!.loop).toEqual({ start: 1, end: 1.1 });
    transport.dispose();
    await ctx.close();
  });
});
