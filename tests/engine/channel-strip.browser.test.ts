import { AudioContext } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { measureMaxStep } from '../../src/dsp/measure';
import { measurePeak, measureRmsDb } from '../../src/dsp/meters';
import { panGains } from '../../src/dsp/pan';
import { ChannelStrip, defaultStripSettings, type StripSettings } from '../../src/engine/channel-strip';
import { bufferOf, sine } from './mix-fixtures';
import { renderStrip } from './strip-fixtures';

const FS = 32000;
const CENTRE = 20 * Math.log10(Math.SQRT1_2); // −3.01 dB: equal-power pan, centre
describe('ChannelStrip levels', () => {
  const tone = sine(1000, FS, FS / 4, 0.5);
  const toneDb = measureRmsDb(tone);

  it('fader −6 dB is −6 dB (±0.1), on top of the centre pan law', async () => {
    const { out } = await renderStrip([tone], FS, { faderDb: -6 });
    const left = measureRmsDb(out[0]!) - toneDb;
    const right = measureRmsDb(out[1]!) - toneDb;
    expect(left).toBeCloseTo(-6 + CENTRE, 1);
    expect(Math.abs(left - (-6 + CENTRE))).toBeLessThan(0.1);
    expect(Math.abs(right - (-6 + CENTRE))).toBeLessThan(0.1);
    console.info(`fader −6: measured ${(left - CENTRE).toFixed(4)} dB`);
  });

  it('trim adds to the level like the fader', async () => {
    const { out } = await renderStrip([tone], FS, { trimDb: 4, faderDb: -1 });
    expect(measureRmsDb(out[0]!) - toneDb).toBeCloseTo(3 + CENTRE, 2);
  });

  it('pans a mono source with the equal-power law; hard left is silent on the right', async () => {
    const centre = await renderStrip([tone], FS, { pan: 0 });
    expect(measureRmsDb(centre.out[0]!) - toneDb).toBeCloseTo(-3.0103, 2);
    expect(measureRmsDb(centre.out[1]!) - toneDb).toBeCloseTo(-3.0103, 2);
    const left = await renderStrip([tone], FS, { pan: -1 });
    expect(measureRmsDb(left.out[0]!) - toneDb).toBeCloseTo(0, 3);
    expect(measurePeak(left.out[1]!)).toBe(0);
    const part = await renderStrip([tone], FS, { pan: 0.4 });
    const [gl, gr] = panGains(0.4);
    expect(measureRmsDb(part.out[0]!) - toneDb).toBeCloseTo(20 * Math.log10(gl), 2);
    expect(measureRmsDb(part.out[1]!) - toneDb).toBeCloseTo(20 * Math.log10(gr), 2);
  });

  it('balances a stereo source: centre passes both sides untouched, hard right silences the left', async () => {
    const other = sine(300, FS, FS / 4, 0.25);
    const centre = await renderStrip([tone, other], FS);
    expect(measureRmsDb(centre.out[0]!) - toneDb).toBeCloseTo(0, 3);
    expect(measureRmsDb(centre.out[1]!) - measureRmsDb(other)).toBeCloseTo(0, 3);
    const right = await renderStrip([tone, other], FS, { pan: 1 });
    expect(measurePeak(right.out[0]!)).toBeLessThan(1e-6);
  });

  it('mute silences the output', async () => {
    const { out } = await renderStrip([tone], FS, { mute: true });
    expect(measurePeak(out[0]!)).toBe(0);
    expect(measurePeak(out[1]!)).toBe(0);
  });

  it('solo-silencing and muting while playing ramp to silence without a click', async () => {
    for (const action of ['mute', 'solo'] as const) {
      const { out } = await renderStrip([tone], FS, {}, (strip) => {
        if (action === 'mute') strip.update({ mute: true }, 0.1);
        else strip.setSilencedBySolo(true, 0.1);
      });
      expect(measurePeak(out[0]!, 0.15 * FS)).toBe(0);
      expect(measureMaxStep(out[0]!)).toBeLessThanOrEqual(measureMaxStep(tone) * Math.SQRT1_2 * 1.0001);
    }
  });
});

describe('ChannelStrip sends', () => {
  const tone = sine(500, FS, FS / 8, 0.5);
  const toneDb = measureRmsDb(tone);

  it('post-fader send follows the fader; pre-fader send does not; both are stereo and muted with the strip', async () => {
    const post = await renderStrip(
      [tone],
      FS,
      {
        faderDb: -10,
        sends: {
          reverb: { enabled: true, levelDb: -6, preFader: false },
          delay: defaultStripSettings().sends.delay,
        },
      },
      undefined,
      'reverb',
    );
    expect(measureRmsDb(post.reverb[0]!) - toneDb).toBeCloseTo(-16, 2);
    expect(measureRmsDb(post.reverb[1]!) - toneDb).toBeCloseTo(-16, 2);
    const pre = await renderStrip(
      [tone],
      FS,
      {
        faderDb: -10,
        sends: {
          reverb: { enabled: true, levelDb: -6, preFader: true },
          delay: defaultStripSettings().sends.delay,
        },
      },
      undefined,
      'reverb',
    );
    expect(measureRmsDb(pre.reverb[0]!) - toneDb).toBeCloseTo(-6, 2);
    const muted = await renderStrip(
      [tone],
      FS,
      {
        mute: true,
        sends: {
          reverb: { enabled: true, levelDb: 0, preFader: true },
          delay: defaultStripSettings().sends.delay,
        },
      },
      undefined,
      'reverb',
    );
    expect(measurePeak(muted.reverb[0]!)).toBe(0);
    const off = await renderStrip([tone], FS, {}, undefined, 'reverb');
    expect(measurePeak(off.reverb[0]!)).toBe(0);
  });
  it('switching a send on, to pre-fader and off while playing glides, and levels land where they should', async () => {
    const long = sine(500, FS, FS / 2, 0.5);
    const { reverb } = await renderStrip(
      [long],
      FS,
      { faderDb: -10 },
      (strip) => {
        strip.update({ sends: { reverb: { enabled: true, levelDb: -6 } } }, 0.05);
        strip.update({ sends: { reverb: { preFader: true } } }, 0.15);
        strip.update({ sends: { reverb: { enabled: false } } }, 0.3);
      },
      'reverb',
    );
    const left = reverb[0]!;
    expect(measurePeak(left, 0, 0.05 * FS)).toBe(0);
    expect(measureRmsDb(left, 0.1 * FS, 0.15 * FS) - toneDb).toBeCloseTo(-16, 1);
    expect(measureRmsDb(left, 0.2 * FS, 0.3 * FS) - toneDb).toBeCloseTo(-6, 1);
    expect(measurePeak(left, 0.35 * FS)).toBe(0);
    expect(measureMaxStep(left)).toBeLessThanOrEqual(measureMaxStep(long) * 10 ** (-6 / 20) * 1.001);
  });
});

/** The default EQ with band 1 at 220 Hz, 0.001 dB: audible to the strip (it has a node), not to the ear. */
function glidedEq(): StripSettings['eq'] {
  const [a, b, c, d] = defaultStripSettings().eq;
  return [a, { ...b, gainDb: 0.001, frequency: 220 }, c, d];
}

describe('ChannelStrip moves while playing', () => {
  const tone = sine(220, FS, FS / 2, 0.6);
  const ownStep = measureMaxStep(tone) * Math.SQRT1_2;

  it('a fader move has no sample-to-sample jump larger than the programme’s own', async () => {
    const { out } = await renderStrip([tone], FS, {}, (strip) => {
      strip.update({ faderDb: -30 }, 0.1);
      strip.update({ faderDb: 6 }, 0.25);
    });
    // The loudest state reached is +6 dB at centre: the programme's own step at that gain is the bound.
    const loudest = 10 ** (6 / 20) * Math.SQRT1_2;
    expect(measureMaxStep(out[0]!)).toBeLessThanOrEqual(measureMaxStep(tone) * loudest * 1.001);
    // And the move happened: −30 dB after it settles.
    expect(measureRmsDb(out[0]!, 0.18 * FS, 0.24 * FS) - measureRmsDb(tone)).toBeCloseTo(-30 + CENTRE, 1);
  });

  it('a pan move glides (within 5 % of the programme’s own step at the end position)', async () => {
    const { out } = await renderStrip([tone], FS, {}, (strip) => {
      strip.update({ pan: -0.8 }, 0.1);
      strip.update({ pan: 0.6 }, 0.25);
    });
    // The main and correction panners glide separately, so mid-glide the law is approximate (a few %).
    const loudest = Math.max(panGains(-0.8)[0], panGains(0.6)[1]);
    expect(measureMaxStep(out[0]!)).toBeLessThanOrEqual(measureMaxStep(tone) * loudest * 1.05);
    expect(measureMaxStep(out[1]!)).toBeLessThanOrEqual(measureMaxStep(tone) * loudest * 1.05);
    const settled = measureRmsDb(out[1]!, 0.4 * FS) - measureRmsDb(tone);
    expect(settled).toBeCloseTo(20 * Math.log10(panGains(0.6)[1]), 2);
  });

  it('switching an EQ band or the compressor in and out crossfades without a click', async () => {
    const { out, strip } = await renderStrip([tone], FS, {}, (s) => {
      s.update({ eq: [{}, { gainDb: 9, frequency: 220 }] }, 0.1);
      s.update({ compressor: { enabled: true, thresholdDb: -30 } }, 0.2);
      s.update({ eq: [{}, { gainDb: 0 }] }, 0.3);
      s.update({ compressor: { enabled: false } }, 0.4);
    });
    // The loudest steady state is the +9 dB band before compression: its own step is the bound.
    const boosted = measureMaxStep(out[0]!, 0.13 * FS, 0.2 * FS);
    expect(boosted).toBeGreaterThan(ownStep * 2);
    expect(measureMaxStep(out[0]!)).toBeLessThanOrEqual(boosted * 1.05);
    // At the end only the plain path is left: flat, uncompressed.
    expect(measureRmsDb(out[0]!, 0.45 * FS) - measureRmsDb(tone)).toBeCloseTo(CENTRE, 2);
    expect(strip.settings.eq[1].gainDb).toBe(0);
  });

  it('a stage added to a compressing strip (its tone path and compressor rebuilt) crossfades without a click', async () => {
    const compressor = { ...defaultStripSettings().compressor, enabled: true, thresholdDb: -30 };
    // Adding the band builds a new tone path with a fresh compressor and crossfades to it; the reference
    // has the band from the start at 0.001 dB and glides it to 6 dB (no rebuild: the compressor's own
    // response to the louder input is all there is).
    const rebuilt = await renderStrip([tone], FS, { compressor }, (s) => {
      s.update({ eq: [{}, { gainDb: 6, frequency: 220 }] }, 0.15);
      s.update({ lowPass: { enabled: true, frequency: 12_000 } }, 0.3);
    });
    const glided = await renderStrip(
      [tone],
      FS,
      {
        compressor,
        eq: glidedEq(),
      },
      (s) => s.update({ eq: [{}, { gainDb: 6 }] }, 0.15),
    );
    expect(rebuilt.strip.activeStages()).toEqual(['lp', 'eq1', 'compressor']);
    const out = rebuilt.out[0] as Float32Array;
    const window = (x: Float32Array, t: number) => measureMaxStep(x, t * FS, (t + 0.07) * FS);
    const boostStep = window(out, 0.15) / window(glided.out[0] as Float32Array, 0.15);
    // The low-pass added at 0.3 s against a strip that had it from the start (at 12 kHz it shifts a 220 Hz
    // tone by about 1°, so the two paths are in phase and a crossfade alone adds no step).
    const hadLowPass = await renderStrip(
      [tone],
      FS,
      { compressor, lowPass: { ...defaultStripSettings().lowPass, enabled: true, frequency: 12_000 } },
      (s) => s.update({ eq: [{}, { gainDb: 6, frequency: 220 }] }, 0.15),
    );
    const lowPassStep = window(out, 0.3) / window(hadLowPass.out[0] as Float32Array, 0.3);
    console.log(
      `tone path rebuilt on a compressing strip: worst step ${boostStep.toFixed(4)} × the glided band's, ` +
        `${lowPassStep.toFixed(4)} × a strip that had the low-pass all along`,
    );
    // The boost was heard through the compressor (+6 dB at 4:1 over the threshold: +1.5 dB).
    expect(measureRmsDb(out, 0.22 * FS, 0.3 * FS) - measureRmsDb(out, 0.05 * FS, 0.15 * FS)).toBeCloseTo(
      1.5,
      0,
    );
    expect(boostStep).toBeLessThanOrEqual(1.05);
    expect(lowPassStep).toBeLessThanOrEqual(1.05);
  });
});

describe('ChannelStrip graph and meters', () => {
  const tone = sine(1000, FS, FS / 4, 0.5);

  it('keeps only audible stages in the chain', async () => {
    const { strip } = await renderStrip([tone], FS, {}, (s) => {
      expect(s.activeStages()).toEqual([]);
      s.update({ eq: [{}, { gainDb: 3 }, { enabled: false, gainDb: 6 }], compressor: { enabled: true } });
      expect(s.activeStages()).toEqual(['eq1', 'compressor']);
      s.update({ highPass: { enabled: true }, eq: [{}, { gainDb: 0 }] }, 0.1);
    });
    expect(strip.activeStages()).toEqual(['hp', 'compressor']);
  });

  it('reports the compressor gain reduction after a render', async () => {
    const compressor = { ...defaultStripSettings().compressor, enabled: true, thresholdDb: -30, makeupDb: 0 };
    const { strip } = await renderStrip([tone], FS, { compressor });
    // A −6 dBFS sine, 24 dB over a −30 dB threshold at 4:1: up to 18 dB on the crests, rippling in between.
    const gr = strip.readGainReductionDb();
    expect(gr).toBeLessThan(-15);
    expect(gr).toBeGreaterThan(-18.01);
    expect((await renderStrip([tone], FS)).strip.readGainReductionDb()).toBe(0);
  });

  it('meters the output while playing (live context: analysers only run there)', async () => {
    const ctx = new AudioContext({ sampleRate: FS });
    await ctx.resume();
    const strip = await ChannelStrip.create(ctx, { faderDb: -6 });
    const source = ctx.createBufferSource();
    source.buffer = bufferOf(ctx, [tone]);
    source.loop = true;
    source.connect(strip.input);
    strip.output.connect(ctx.destination);
    source.start();
    // The first read makes the meter (silent until it has heard something).
    expect(strip.readMeter().peakDb).toBe(Number.NEGATIVE_INFINITY);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const { peakDb, rmsDb } = strip.readMeter();
    strip.dispose();
    source.stop();
    await ctx.close();
    // 0.5 peak (−6.02 dBFS), −6 dB fader, −3.01 dB centre pan; a sine's RMS is 3.01 dB under its peak.
    expect(peakDb).toBeCloseTo(-6.0206 - 6 + CENTRE, 1);
    expect(rmsDb).toBeCloseTo(-6.0206 - 6 + CENTRE - 3.0103, 1);
  });

  it('dispose disconnects everything: nothing reaches the destination', async () => {
    const { out } = await renderStrip(
      [tone],
      FS,
      { compressor: { ...defaultStripSettings().compressor, enabled: true } },
      (s) => s.dispose(),
    );
    expect(measurePeak(out[0]!)).toBe(0);
    expect(measurePeak(out[1]!)).toBe(0);
  });
});
