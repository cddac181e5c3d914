import { describe, expect, it } from 'vitest';
import { panGains } from '../../src/dsp/pan';
import { Mixer } from '../../src/engine/mixer';
import { renderOffline } from '../../src/engine/render';
import { Transport } from '../../src/engine/transport';
import { bufferOf, sine } from './mix-fixtures';
import { renderStrip } from './strip-fixtures';

const FS = 16000;
const tone = sine(440, FS, FS / 4, 0.5);
const other = sine(150, FS, FS / 4, 0.3);

function worstDifference(a: Float32Array[], b: Float32Array[]): number {
  let worst = 0;
  a.forEach((channel, c) => {
    channel.forEach((v, i) => {
      worst = Math.max(worst, Math.abs(v - b[c]![i]!));
    });
  });
  return worst;
}

describe('ChannelStrip told its source layout', () => {
  it('mono: one panner gives exactly the equal-power law, the same as the signal-driven network', async () => {
    for (const pan of [-1, -0.35, 0, 0.6]) {
      const told = await renderStrip([tone], FS, { pan }, (strip) => strip.setInputChannels(1));
      const auto = await renderStrip([tone], FS, { pan });
      const [gl, gr] = panGains(pan);
      for (let i = 0; i < tone.length; i += 7) {
        expect(Math.abs(told.out[0]![i]! - gl * tone[i]!)).toBeLessThan(1e-6);
        expect(Math.abs(told.out[1]![i]! - gr * tone[i]!)).toBeLessThan(1e-6);
      }
      expect(worstDifference(told.out, auto.out)).toBeLessThan(1e-6);
    }
  });

  it('stereo: one panner gives the balance law, the same as the signal-driven network', async () => {
    for (const pan of [-0.7, 0, 1]) {
      const told = await renderStrip([tone, other], FS, { pan }, (strip) => strip.setInputChannels(2));
      const auto = await renderStrip([tone, other], FS, { pan });
      expect(worstDifference(told.out, auto.out)).toBeLessThan(1e-6);
    }
    // Centre passes a stereo source untouched.
    const centre = await renderStrip([tone, other], FS, {}, (strip) => strip.setInputChannels(2));
    expect(worstDifference(centre.out, [tone, other])).toBeLessThan(1e-6);
  });

  it('a layout change while playing crossfades between equal laws: no step, no level change', async () => {
    const auto = await renderStrip([tone], FS, { pan: 0.3 });
    const switched = await renderStrip([tone], FS, { pan: 0.3 }, (strip) => {
      strip.setInputChannels(1, 0.05);
      strip.update({ pan: -0.5 }, 0.15);
    });
    const moved = await renderStrip([tone], FS, { pan: 0.3 }, (strip) => strip.update({ pan: -0.5 }, 0.15));
    const span = (x: Float32Array[], from: number, to: number) =>
      x.map((c) => c.subarray(FS * from, FS * to));
    expect(worstDifference(span(switched.out, 0, 0.14), span(auto.out, 0, 0.14))).toBeLessThan(1e-5);
    // After the switch, a pan move lands where it does on the network.
    expect(worstDifference(span(switched.out, 0.19, 0.25), span(moved.out, 0.19, 0.25))).toBeLessThan(1e-5);
  });

  it('the Transport tells the Mixer each track’s layout: mono tracks pan equal-power, stereo ones balance', async () => {
    const rendered = await renderOffline(
      async (ctx) => {
        const mixer = await Mixer.create(ctx, { tracks: [{ pan: -0.4 }, { pan: 0.5 }] });
        const transport = new Transport(ctx, mixer, [bufferOf(ctx, [tone]), bufferOf(ctx, [other, other])]);
        transport.play(0, 0);
      },
      { sampleRate: FS, durationS: 0.25 },
    );
    const [gl, gr] = panGains(-0.4);
    // Track 2 (stereo, right of centre): L·cos(0.5·π/2) on the left, R + L·sin(0.5·π/2) on the right.
    const b = Math.cos(Math.PI / 4);
    const latency = Math.round(0.003 * FS); // the master limiter's lookahead
    const left = rendered.getChannelData(0);
    const right = rendered.getChannelData(1);
    for (let i = 0; i + latency < FS / 4; i += 11) {
      expect(Math.abs(left[i + latency]! - (gl * tone[i]! + b * other[i]!))).toBeLessThan(1e-5);
      expect(Math.abs(right[i + latency]! - (gr * tone[i]! + other[i]! + b * other[i]!))).toBeLessThan(1e-5);
    }
  });
});
