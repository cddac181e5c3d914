import type { SampleRate, Seconds } from '../../dsp/units';
import type { SideSpec } from '../../exercises/shared/play-types';

/** The speed check's mix (device-speed.ts): eight stereo noise tracks through every stage the engine has. */

/** The check's sample rate. */
export const RATE: SampleRate = 48000;
/** The check's length. */
export const SECONDS: Seconds = 1;
const TRACKS = 8;

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
