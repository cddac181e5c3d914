/**
 * The hearing check's test tones: a sine at a fixed, moderate level (−20 dB below full scale) on the left,
 * the right or both sides, faded in and out so it never clicks. One tone at a time.
 */
import type { Hz } from '../../dsp/units';
import { startAudio } from '../shared/audio';

/** The tones' level below full scale, dB. */
export const TONE_LEVEL_DB = -20;
/** How long a tone plays, seconds. */
export const TONE_SECONDS = 1.5;

let stopCurrent: (() => void) | null = null;

/** Plays a tone at `hz` on one side (pan −1 left … 1 right). Resolves false when sound could not start. */
export async function playTone(hz: Hz, pan: number): Promise<boolean> {
  const ctx = await startAudio();
  if (!ctx) return false;
  if (ctx.state !== 'running') return false;
  stopCurrent?.();
  const t = ctx.currentTime + 0.02;
  const osc = ctx.createOscillator();
  osc.frequency.value = hz;
  const gain = ctx.createGain();
  const peak = 10 ** (TONE_LEVEL_DB / 20);
  gain.gain.setValueAtTime(0, t);
  gain.gain.linearRampToValueAtTime(peak, t + 0.05);
  gain.gain.setValueAtTime(peak, t + TONE_SECONDS - 0.05);
  gain.gain.linearRampToValueAtTime(0, t + TONE_SECONDS);
  const panner = ctx.createStereoPanner();
  panner.pan.value = pan;
  osc.connect(gain).connect(panner).connect(ctx.destination);
  osc.start(t);
  osc.stop(t + TONE_SECONDS + 0.02);
  const stop = () => {
    try {
      osc.stop();
    } catch {
      // Already stopped.
    }
    osc.disconnect();
    gain.disconnect();
    panner.disconnect();
    if (stopCurrent === stop) stopCurrent = null;
  };
  osc.onended = stop;
  stopCurrent = stop;
  return true;
}
