import { limiterLatency, SAFETY_LIMITER } from '../../dsp/limiter';
import type { SampleRate, Seconds } from '../../dsp/units';
import type { PreparedQuestion, SideSpec } from '../../exercises/shared/play-types';

/**
 * Light mode's drill path (issue 21): a question's A and B rendered offline, before Play is offered, into one
 * ready-made stereo track each, so the live graph is two flat strips instead of every track with every stage.
 * What the learner hears is the same mix (a stereo track through a flat strip at the centre passes at unity).
 * Match kinds still rebuild B live when the learner moves a control, and the review after answering is live.
 */

/** Seconds rendered past the loop, so reverb and delay tails can wrap onto its start. */
export const TAIL_S: Seconds = 2;

/** How a side is rendered offline (play-scene's renderSide; a test passes its own). */
export type RenderSide = (
  side: SideSpec,
  sampleRate: SampleRate,
  options: { durationS: Seconds },
) => Promise<{ numberOfChannels: number; getChannelData(channel: number): Float32Array }>;

/**
 * The first `frames` of `rendered` with everything after them added back onto the start: the loop as it sounds
 * the second time round, when the last pass's reverb and delay are still ringing (no cut at the loop point).
 */
export function foldTail(rendered: Float32Array, frames: number): Float32Array {
  const out = rendered.slice(0, frames);
  for (let i = frames; i < rendered.length; i++) {
    const k = (i - frames) % frames;
    out[k] = (out[k] as number) + (rendered[i] as number);
  }
  return out;
}

/** Frames of a side's loop: its longest track. */
function sideFrames(side: SideSpec): number {
  return side.tracks.reduce((max, t) => Math.max(max, t.channels[0]?.length ?? 0), 0);
}

/** `x` read from `shift` on, wrapping round: out[k] = x[(k + shift) mod length]. */
export function rotate(x: Float32Array, shift: number): Float32Array {
  const n = x.length;
  const s = ((shift % n) + n) % n;
  const out = new Float32Array(n);
  out.set(x.subarray(s));
  out.set(x.subarray(0, s), n - s);
  return out;
}

/**
 * `side` rendered into one ready-made stereo track through a flat strip. The side is rendered once with
 * TAIL_S of silence after it (so its loop does not start again), and what rings past the loop is folded onto
 * its start. The master limiter delays the render by its lookahead, and playing the track delays it once
 * more: the track is read that much later, so it plays in time with a live side.
 */
export async function readyMadeSide(
  side: SideSpec,
  sampleRate: SampleRate,
  render: RenderSide,
): Promise<SideSpec> {
  const frames = Math.max(1, sideFrames(side));
  const total = frames + Math.round(TAIL_S * sampleRate);
  const padded: SideSpec = {
    ...side,
    tracks: side.tracks.map((t) => ({
      ...t,
      channels: t.channels.map((c) => {
        const p = new Float32Array(total);
        p.set(c.subarray(0, frames));
        return p;
      }),
    })),
  };
  const buffer = await render(padded, sampleRate, { durationS: total / sampleRate });
  const latency = limiterLatency(sampleRate, SAFETY_LIMITER.lookaheadMs);
  const channels = [0, 1].map((c) =>
    rotate(foldTail(buffer.getChannelData(Math.min(c, buffer.numberOfChannels - 1)), frames), latency),
  );
  return {
    tracks: [{ name: 'Ready-made mix', channels, settings: {} }],
    ...(side.bpm ? { bpm: side.bpm } : {}),
  };
}

/** The question with A and B ready-made (see above); everything else as prepared. */
export async function lightQuestion<A>(
  ready: PreparedQuestion<A>,
  render?: RenderSide,
): Promise<PreparedQuestion<A>> {
  // By default in a Worker, in plain TypeScript (an offline render would stay in memory; level-match.ts).
  const renderWith = render ?? (await import('../shared/level-match')).renderSideInWorker;
  const [a, b] = await Promise.all([
    readyMadeSide(ready.question.a, ready.sampleRate, renderWith),
    readyMadeSide(ready.question.b, ready.sampleRate, renderWith),
  ]);
  return { ...ready, question: { ...ready.question, a, b } };
}

/**
 * The question as the drill plays it: ready-made in Light mode, else as prepared (and, in Automatic mode on a
 * device not yet measured, a speed check a few seconds later, so the next questions know).
 */
export async function playableQuestion<A>(ready: PreparedQuestion<A>): Promise<PreparedQuestion<A>> {
  const { checkSpeedIfUnknown, lightModeOn } = await import('../shared/light-mode');
  if (lightModeOn()) return lightQuestion(ready);
  if (typeof OfflineAudioContext !== 'undefined' && !speedCheckPlanned) {
    speedCheckPlanned = true;
    setTimeout(checkSpeedIfUnknown, SPEED_CHECK_AFTER_MS);
  }
  return ready;
}

/** How long after a question is ready the first speed check may run (not while the first sound is made). */
const SPEED_CHECK_AFTER_MS = 4000;
let speedCheckPlanned = false;
