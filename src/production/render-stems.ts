/** Songs to audio: one synthesised, levelled mono stem per unmuted track, with progress and abort. */
import { hashString } from '../dsp/random';
import type { Decibels, SampleRate, Seconds } from '../dsp/units';
import { songSeconds, stemsVersionFor } from './render-version';
import { roughMixPlacement } from './rough-mix';
import { sampledPatchFor } from './sampler/patches';
import { renderSampledTrack } from './sampler/render-sampled';
import { installedSampleBank, type SampleBank } from './sampler/sample-bank';
import { levelStems, sumWithGains } from './stem-levels';
import { styleSpec } from './styles';
import { heldLength, mixHeldNote, mixSound } from './synth/mix-note';
import { createNoise } from './synth/noise';
import { holdScratch, type Scratch } from './synth/scratch';
import { sharedSound } from './synth/sound-cache';
import { voiceFor } from './synth/voices';
import type { AbortSignalLike, NoteEvent, Song, Stems, StemTrack, Track, TrackId } from './types';

// The versions and songSeconds live in render-version.ts (a page looking up stored stems loads only that).
export { RENDER_VERSION, SAMPLED_RENDER_VERSION, songSeconds } from './render-version';

/** How to render. */
export interface RenderOptions {
  sampleRate: SampleRate;
  /** Silence kept after the last bar for tails to ring out (default 1.5 s). */
  tailSeconds?: Seconds;
  /**
   * Sampled instruments to play with (sampler/): default the installed bank (installSampleBank), null for
   * synthesis only. Styles and parts without a sampled patch are synthesised either way.
   */
  sampleBank?: SampleBank | null;
}

/**
 * The renderVersion stems of `song` get when rendered with a sample bank or without (default: whether one
 * is installed): cached stems are valid only under the same version, so a synthesised fallback never stands
 * in for samples. With samples, it is SAMPLED_RENDER_VERSION when any unmuted track plays a sampled patch.
 */
export function renderVersionFor(song: Song, withSamples: boolean = installedSampleBank() !== null): number {
  return stemsVersionFor(song, withSamples);
}

/** Thrown (or rejected with) when the abort signal fires; `name` is 'AbortError' like the DOM's. */
export class RenderAbortedError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('Rendering was aborted');
  }
}

/** Whether an error is a render abort (ours, or any AbortError). */
export function isRenderAborted(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

const EVENTS_PER_STEP = 48;

function velocityGain(velocity: number): number {
  return velocity ** 1.5;
}

/** Renders one track into `out`, yielding its own progress (0..1) every few events. */
function* renderTrack(
  track: Track,
  song: Song,
  sampleRate: SampleRate,
  out: Float32Array,
  bank: SampleBank | null,
): Generator<number> {
  const patch = bank ? sampledPatchFor(track.instrument, song.style, song.seed) : null;
  if (bank && patch) {
    yield* renderSampledTrack(track, song, bank, patch, sampleRate, out);
    return;
  }
  const voice = voiceFor(track.instrument);
  const secondsPerBeat = 60 / song.bpm;
  const noiseFor = (label: string | number) => createNoise(hashString(`${track.instrument}:${label}`));
  const events = track.events;
  if (voice.kind === 'track') {
    voice.render(events, secondsPerBeat, sampleRate, out, noiseFor(track.id));
    return;
  }
  const startOf = (e: NoteEvent) => Math.round(e.time * secondsPerBeat * sampleRate);
  const gateOf = (e: NoteEvent) => Math.max(1, Math.round(e.duration * secondsPerBeat * sampleRate));
  const cache = new Map<string, Float32Array>();
  if (voice.kind === 'hit') {
    const takes = new Map<number, number>();
    for (let n = 0; n < events.length; n++) {
      const e = events[n] as NoteEvent;
      const take = takes.get(e.pitch) ?? 0;
      takes.set(e.pitch, take + 1);
      const key = `${e.pitch}:${take % voice.variants}`;
      let sound = cache.get(key);
      if (!sound)
        cache.set(
          key,
          (sound = sharedSound(`hit ${track.instrument}@${sampleRate}:${key}`, () =>
            voice.render(e.pitch, sampleRate, noiseFor(key)),
          )),
        );
      mixSound(out, startOf(e), sound, velocityGain(e.velocity));
      if (n % EVENTS_PER_STEP === EVENTS_PER_STEP - 1) yield (n + 1) / events.length;
    }
    return;
  }
  const tones = new Map<number, Float32Array>();
  const longest = new Map<number, number>();
  if (voice.kind === 'held') {
    for (const e of events) {
      longest.set(e.pitch, Math.max(longest.get(e.pitch) ?? 0, heldLength(gateOf(e), voice.amp, sampleRate)));
    }
  }
  // A held track's tones and chords live only while it renders: in memory kept between renders.
  const scratch = voice.kind === 'held' ? holdScratch() : null;
  /** One note (or chord) at full velocity, rendered once per pitch set and gate. */
  const sound = (pitches: readonly number[], gate: number): Float32Array => {
    const key = `${gate}:${pitches.join(',')}`;
    const cached = cache.get(key);
    if (cached) return cached;
    let result: Float32Array;
    if (voice.kind === 'held') {
      const memory = scratch as Scratch;
      result = memory.take(heldLength(gate, voice.amp, sampleRate)).fill(0);
      for (const pitch of pitches) {
        let tone = tones.get(pitch);
        if (!tone) {
          const length = longest.get(pitch) ?? 1;
          tones.set(
            pitch,
            (tone = voice.render(pitch, length, sampleRate, noiseFor(pitch), memory.take(length))),
          );
        }
        mixHeldNote(result, 0, tone, gate, voice.amp, sampleRate, 1);
      }
    } else {
      // A gate-dependent note's sound depends only on the voice, pitches, gate and rate: shared across songs.
      result = sharedSound(`note ${track.instrument}@${sampleRate}:${key}`, () => {
        const parts = pitches.map((pitch) => voice.render(pitch, gate, sampleRate, noiseFor(pitch)));
        const chord = new Float32Array(Math.max(...parts.map((p) => p.length)));
        for (const part of parts) mixSound(chord, 0, part, 1);
        return chord;
      });
    }
    cache.set(key, result);
    return result;
  };
  let step = 0;
  try {
    for (let n = 0; n < events.length; ) {
      const first = events[n] as NoteEvent;
      const gate = gateOf(first);
      const pitches = [first.pitch];
      let m = n + 1;
      // Notes struck together with one velocity and one length are a chord: cached and mixed as one sound.
      for (; m < events.length; m++) {
        const e = events[m] as NoteEvent;
        if (e.time !== first.time || e.velocity !== first.velocity || gateOf(e) !== gate) break;
        pitches.push(e.pitch);
      }
      mixSound(out, startOf(first), sound(pitches, gate), velocityGain(first.velocity));
      n = m;
      if (++step % EVENTS_PER_STEP === 0) yield n / events.length;
    }
  } finally {
    // Also when the render is abandoned (its steps returned early): the next track may hold the memory.
    scratch?.release();
  }
}

/** One track's audio as rendered, before levelling: what a Worker rendering part of a song sends back. */
export interface RawTrack {
  id: TrackId;
  samples: Float32Array;
}

function checkRate(sampleRate: SampleRate): void {
  if (!Number.isFinite(sampleRate) || sampleRate < 8000 || sampleRate > 384000) {
    throw new RangeError(`Bad sample rate ${sampleRate}`);
  }
}

/** Samples in every stem of `song` rendered with `options` (the song plus its tail). */
export function stemLength(song: Song, options: RenderOptions): number {
  return Math.ceil((songSeconds(song) + (options.tailSeconds ?? 1.5)) * options.sampleRate);
}

function bankOf(options: RenderOptions): SampleBank | null {
  return options.sampleBank === undefined ? installedSampleBank() : options.sampleBank;
}

/**
 * Renders the unmuted tracks among `ids` (default: every unmuted track), unlevelled, as a sequence of
 * steps yielding progress in [0, 1). Each track depends only on the song, the rate and the bank, so tracks
 * rendered in different Workers and put together by assembleStems equal one renderStemsSync bit for bit.
 */
export function* renderTracksSteps(
  song: Song,
  options: RenderOptions,
  ids?: readonly TrackId[],
): Generator<number, RawTrack[]> {
  const { sampleRate } = options;
  checkRate(sampleRate);
  const length = stemLength(song, options);
  const tracks = song.tracks.filter((t) => !t.muted && (!ids || ids.includes(t.id)));
  const bank = bankOf(options);
  const raw: RawTrack[] = [];
  for (let k = 0; k < tracks.length; k++) {
    const track = tracks[k] as Track;
    const out = new Float32Array(length);
    for (const p of renderTrack(track, song, sampleRate, out, bank)) yield (k + p) / tracks.length;
    raw.push({ id: track.id, samples: out });
    yield (k + 1) / tracks.length;
  }
  return raw;
}

/**
 * Stems from raw tracks (renderTracksSteps, possibly from several Workers): every unmuted track of the song
 * exactly once, each `stemLength` long. `options` as the tracks were rendered with (whether
 * `sampleBank` is null decides renderVersion). Levels them in place (each peak-normalised to STEM_PEAK_DB;
 * defaultFaderDb makes the rough mix, summed peak at MIX_PEAK_DB) and places them (rough-mix.ts). Throws a
 * RangeError naming the track that is missing, repeated, foreign or the wrong length.
 */
export function assembleStems(song: Song, options: RenderOptions, raw: readonly RawTrack[]): Stems {
  const { sampleRate } = options;
  checkRate(sampleRate);
  const length = stemLength(song, options);
  const tracks = song.tracks.filter((t) => !t.muted);
  const byId = new Map<TrackId, Float32Array>();
  for (const r of raw) {
    if (!tracks.some((t) => t.id === r.id))
      throw new RangeError(`Track "${r.id}" is not an unmuted track of the song`);
    if (byId.has(r.id)) throw new RangeError(`Track "${r.id}" was rendered twice`);
    if (r.samples.length !== length)
      throw new RangeError(`Track "${r.id}" has ${r.samples.length} samples, not ${length}`);
    byId.set(r.id, r.samples);
  }
  const buffers = tracks.map((t) => {
    const samples = byId.get(t.id);
    if (!samples) throw new RangeError(`Track "${t.id}" was not rendered`);
    return samples;
  });
  const balance = styleSpec(song.style).balance;
  const levels = levelStems(
    buffers,
    tracks.map((t) => balance[t.id]),
    sampleRate,
  );
  const stems: StemTrack[] = tracks.map((t, k) => ({
    id: t.id,
    name: t.name,
    instrument: t.instrument,
    channels: [buffers[k] as Float32Array],
    defaultFaderDb: levels.faders[k] as Decibels,
    activeRmsDb: Math.round((levels.rmsDb[k] ?? Number.NEGATIVE_INFINITY) * 10) / 10,
    defaultPan: roughMixPlacement(t.id, song.style).pan,
    defaultReverbSendDb: roughMixPlacement(t.id, song.style).reverbSendDb,
  }));
  return {
    songId: song.id,
    renderVersion: renderVersionFor(song, bankOf(options) !== null),
    sampleRate,
    length,
    tracks: stems,
  };
}

/**
 * The rendering as a sequence of steps: yields overall progress in [0, 1) after each chunk of work and
 * returns the stems (renderTracksSteps for every unmuted track, then assembleStems).
 */
export function* renderStemsSteps(song: Song, options: RenderOptions): Generator<number, Stems> {
  const raw = yield* scaled(renderTracksSteps(song, options), 0.97);
  return assembleStems(song, options, raw);
}

function* scaled<T>(steps: Generator<number, T>, by: number): Generator<number, T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    yield step.value * by;
  }
}

/** Renders synchronously (Node, Workers). Throws RenderAbortedError if `signal` fires; progress rises 0 → 1. */
export function renderStemsSync(
  song: Song,
  options: RenderOptions,
  signal?: AbortSignalLike,
  onProgress?: (fraction: number) => void,
): Stems {
  if (signal?.aborted) throw new RenderAbortedError();
  onProgress?.(0);
  const steps = renderStemsSteps(song, options);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      onProgress?.(1);
      return step.value;
    }
    if (signal?.aborted) {
      steps.return(undefined as never);
      throw new RenderAbortedError();
    }
    onProgress?.(step.value);
  }
}

type TimerHost = { setTimeout?: (callback: () => void, ms: number) => unknown };

/** Lets other tasks (an abort message, a progress repaint) run: a macrotask where the host has timers. */
function breathe(): Promise<void> {
  const host = globalThis as TimerHost;
  return new Promise((resolve) => (host.setTimeout ? host.setTimeout(resolve, 0) : resolve()));
}

/**
 * Renders asynchronously, giving the event loop a turn about every 15 ms so an abort can arrive. Rejects
 * with RenderAbortedError when `signal` fires; progress rises monotonically from 0 to 1. Deterministic:
 * the same song and sample rate give bit-identical stems.
 */
export async function renderStems(
  song: Song,
  options: RenderOptions,
  signal?: AbortSignalLike,
  onProgress?: (fraction: number) => void,
): Promise<Stems> {
  if (signal?.aborted) throw new RenderAbortedError();
  onProgress?.(0);
  const steps = renderStemsSteps(song, options);
  let lastBreath = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      onProgress?.(1);
      return step.value;
    }
    if (Date.now() - lastBreath > 15) {
      await breathe();
      lastBreath = Date.now();
    }
    if (signal?.aborted) {
      steps.return(undefined as never);
      throw new RenderAbortedError();
    }
    onProgress?.(step.value);
  }
}

/** Mixes stems to one mono buffer at the given fader levels (default: each stem's defaultFaderDb), centred and dry (the stereo rough mix: renderRoughMix). */
export function renderMix(stems: Stems, fadersDb: Partial<Record<TrackId, Decibels>> = {}): Float32Array {
  const channels = stems.tracks.map((t) => t.channels[0] ?? new Float32Array(stems.length));
  const gains = stems.tracks.map((t) => fadersDb[t.id] ?? t.defaultFaderDb);
  return sumWithGains(channels, gains, stems.length);
}
