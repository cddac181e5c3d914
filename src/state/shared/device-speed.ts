import type { SampleRate, Seconds } from '../../dsp/units';
import type { SideSpec } from '../../exercises/shared/play-types';

/**
 * How fast this device mixes: eight stereo tracks of noise through every stage the engine has (filters, four
 * EQ bands, saturation, compressor, width, reverb and delay sends) rendered offline, timed. The audio thread
 * does the same work live, in real time; a device that renders it only a few times faster than it plays has
 * little to spare (see light-mode.ts). Loaded on demand: it brings the engine.
 */

const RATE: SampleRate = 48000;
const TRACKS = 8;
const SECONDS: Seconds = 1;

/** A side of eight noise tracks with every stage on (a busy mix on a slow device's worst day). */
export function busySide(seconds: Seconds = SECONDS, rate: SampleRate = RATE): SideSpec {
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed / 2 ** 32 - 0.5) * 0.5;
  };
  const frames = Math.round(seconds * rate);
  return {
    tracks: Array.from({ length: TRACKS }, (_, i) => ({
      name: `Track ${i + 1}`,
      channels: [Float32Array.from({ length: frames }, noise), Float32Array.from({ length: frames }, noise)],
      settings: {
        highPass: { enabled: true, frequency: 60 },
        lowPass: { enabled: true, frequency: 14000 },
        eq: [{ gainDb: 2 }, { gainDb: -3 }, { gainDb: 2 }, { gainDb: 1 }],
        saturation: { enabled: true, driveDb: 6 },
        compressor: { enabled: true, thresholdDb: -24, ratio: 4 },
        pan: (i / (TRACKS - 1)) * 1.2 - 0.6,
        width: 1.2,
        sends: { reverb: { enabled: true, levelDb: -14 }, delay: { enabled: true, levelDb: -20 } },
      },
    })),
  };
}

/** Seconds of the busy mix rendered per second of wall-clock time (best of two, after a warm-up). */
export async function measureMixSpeed(): Promise<number> {
  const { renderSide } = await import('../../exercises/play-registry');
  const side = busySide();
  // Warm-up: the worklet modules load and compile on the first render.
  await renderSide(side, RATE, { durationS: 0.1 });
  let best = 0;
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    await renderSide(side, RATE, { durationS: SECONDS });
    const wallS = (performance.now() - started) / 1000;
    best = Math.max(best, SECONDS / Math.max(wallS, 1e-3));
  }
  return best;
}
