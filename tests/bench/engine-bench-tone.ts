// The bench's Tone.js graph (issue 20): the same mix written the way Tone.js 15's documentation writes one.
// Per track a looping Tone.Player → Tone.Filter per audible stage → Tone.Compressor → Tone.Channel (volume,
// pan) → Tone's destination, with Channel.send to named reverb and delay buses; the reverb a Tone.Convolver
// playing the engine's impulse response, the delay a Tone.Delay with the engine's filtered feedback loop, and
// a Tone.Limiter at −1 dB on the destination. Rendered with Tone.Offline. Tone.js is a dev dependency of
// the bench only: nothing in src/ imports it. Tone's Q is never negative, so its pass filters get Q 0 (dB)
// where the engine's Butterworth takes −3.01 dB: the same work, a slightly different curve.
import * as Tone from 'tone';
import { DEFAULT_COMPRESSOR, DEFAULT_DELAY, type DeepPartial, type StripSettings } from '../../src/engine';
import { type RenderTiming, rendererCpuMs } from './engine-bench-graphs';
import { audibleFilters, BENCH_DELAY_S, benchStrip, engineRoom } from './engine-bench-native';

/** Tone's named send buses live in one static map for every context: each render names its own. */
let renders = 0;

/** Builds the mix in Tone.Offline and renders `durationS`, timing the build (inside the callback, buffers untimed) and render. */
export async function timeToneRender(
  durationS: number,
  sources: Float32Array[][],
  strip: (i: number) => DeepPartial<StripSettings>,
  sampleRate: number,
): Promise<RenderTiming> {
  const id = ++renders;
  let buildMs = 0;
  let buildCpuEnd = Number.NaN;
  const t0 = performance.now();
  await Tone.Offline(
    (context) => {
      const buffers = sources.map((channels) => Tone.ToneAudioBuffer.fromArray(channels));
      const b0 = performance.now();
      const destination = context.destination;
      destination.chain(new Tone.Limiter(-1));
      const reverb = new Tone.Channel().receive(`reverb ${id}`);
      const room = new Tone.Convolver({
        url: new Tone.ToneAudioBuffer(engineRoom(context.rawContext as BaseAudioContext)),
        normalize: false,
      });
      reverb.chain(room, destination);
      const delayBus = new Tone.Channel().receive(`delay ${id}`);
      const delay = new Tone.Delay(BENCH_DELAY_S, 4);
      const loop = [
        new Tone.Filter({ type: 'highpass', frequency: DEFAULT_DELAY.lowCutHz, rolloff: -12 }),
        new Tone.Filter({ type: 'lowpass', frequency: DEFAULT_DELAY.highCutHz, rolloff: -12 }),
        new Tone.Gain(DEFAULT_DELAY.feedback),
      ] as const;
      delayBus.connect(delay);
      delay.connect(destination);
      delay.chain(...loop, delay);
      sources.forEach((_, i) => {
        const s = benchStrip(strip(i));
        const player = new Tone.Player({ url: buffers[i], loop: true });
        const chain: Tone.ToneAudioNode[] = audibleFilters(s).map(
          ([type, frequency, Q, gain]) =>
            new Tone.Filter({ type, frequency, Q: Math.max(Q, 0), gain, rolloff: -12 }),
        );
        if (s.compressor.enabled) {
          const c = { ...DEFAULT_COMPRESSOR, ...s.compressor };
          chain.push(
            new Tone.Compressor({
              threshold: c.thresholdDb,
              ratio: c.ratio,
              knee: c.kneeDb,
              attack: c.attackMs / 1000,
              release: c.releaseMs / 1000,
            }),
          );
        }
        const channel = new Tone.Channel({ volume: s.trimDb + s.faderDb, pan: s.pan });
        player.chain(...chain, channel, destination);
        if (s.sends.reverb.enabled) channel.send(`reverb ${id}`, s.sends.reverb.levelDb);
        if (s.sends.delay.enabled) channel.send(`delay ${id}`, s.sends.delay.levelDb);
        player.start(0);
      });
      buildMs = performance.now() - b0;
      return rendererCpuMs().then((ms) => {
        buildCpuEnd = ms;
      });
    },
    durationS,
    2,
    sampleRate,
  );
  const renderMs = performance.now() - t0 - buildMs;
  return { buildMs, renderMs, cpuMs: (await rendererCpuMs()) - buildCpuEnd };
}
