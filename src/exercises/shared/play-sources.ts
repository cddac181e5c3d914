/**
 * Sources for the play half: seamless pink-noise loops and song excerpts cut from rendered stems, each
 * made to loop without a click, plus the small helpers kinds use to turn them into tracks.
 */
import { dbToGain } from '../../dsp/db';
import { renderPinkNoise } from '../../dsp/noise';
import { createRng } from '../../dsp/random';
import type { Decibels, SampleRate, Seconds } from '../../dsp/units';
import type { Stems, TrackId } from '../../production/types';
import type { ImportedSongSource, SongSource } from '../types';
import { type ImportedStems, loadImportedStems } from './imported-stems';
import type { PlayEnv, TrackSpec } from './play-types';
import { sourceBpm } from './sources';

/**
 * Rate the level match renders at when A and B differ only in level, balance or dynamics (broadband gains):
 * both sides lose the same top octaves, and it is twice as fast as 32 kHz. EQ kinds measure at full rate.
 */
export const MEASURE_RATE: SampleRate = 16000;
/** Rate for kinds whose B filters what it adds (reverb and delay returns, EQ moves up to 8 kHz). */
export const MEASURE_RATE_WIDE: SampleRate = 24000;
/** Fader of a track played alone: a solo stem (peaks at −3 dBFS) sits near a rough mix's level. */
export const SOLO_FADER_DB: Decibels = -3;

/** Length of the crossfade that closes every loop (end into start), s. */
export const LOOP_FADE_S: Seconds = 0.01;
/** Length of a pink-noise loop, s. */
export const PINK_LOOP_S: Seconds = 4;
/** Fader for pink noise: its RMS (−20 dBFS) a little below a rough mix, leaving room for +18 dB boosts. */
export const PINK_FADER_DB: Decibels = -6;

/**
 * `length` samples of `x` from `start` that loop seamlessly: the first `fade` samples crossfade (equal power)
 * from what follows the end, x[start + length + i], into the head, so the last sample runs on into the first.
 */
export function seamlessLoop(x: Float32Array, start: number, length: number, fade: number): Float32Array {
  const out = x.slice(start, start + length);
  const f = Math.min(fade, length, Math.max(0, x.length - (start + length)));
  for (let i = 0; i < f; i++) {
    const t = (i + 0.5) / f;
    const tail = x[start + length + i] as number;
    out[i] = (out[i] as number) * Math.sin((t * Math.PI) / 2) + tail * Math.cos((t * Math.PI) / 2);
  }
  return out;
}

/** A seeded pink-noise loop of PINK_LOOP_S seconds at `sampleRate`. */
export function pinkLoop(
  seed: number,
  sampleRate: SampleRate,
  durationS: Seconds = PINK_LOOP_S,
): Float32Array {
  const length = Math.round(durationS * sampleRate);
  const fade = Math.round(LOOP_FADE_S * sampleRate);
  return seamlessLoop(renderPinkNoise(createRng(seed), length + fade), 0, length, fade);
}

/** One track of an excerpt. */
export interface ExcerptTrack {
  id: TrackId;
  name: string;
  /** Mono samples of the loop. */
  samples: Float32Array;
  /** The stem's rough-mix fader. */
  defaultFaderDb: Decibels;
}

/** A song excerpt ready to loop: every rendered track cut to the source's bounds. */
export interface Excerpt {
  sampleRate: SampleRate;
  bpm: number;
  durationS: Seconds;
  tracks: ExcerptTrack[];
}

/** Cuts every stem to `source`'s excerpt (closing the loop with a short crossfade). */
export function cutExcerpt(stems: Stems, source: SongSource): Excerpt {
  const sr = stems.sampleRate;
  const start = Math.max(0, Math.round(source.startS * sr));
  const length = Math.max(1, Math.min(stems.length - start, Math.round(source.durationS * sr)));
  const fade = Math.round(LOOP_FADE_S * sr);
  return {
    sampleRate: sr,
    bpm: sourceBpm(source),
    durationS: length / sr,
    tracks: stems.tracks.map((t) => ({
      id: t.id,
      name: t.name,
      samples: seamlessLoop(t.channels[0] ?? new Float32Array(stems.length), start, length, fade),
      defaultFaderDb: t.defaultFaderDb,
    })),
  };
}

/** Highest peak an imported loop's stems reach together at their shared fader (see importedFaderDb). */
export const IMPORTED_MIX_PEAK_DB: Decibels = -10;

/**
 * The fader every stem of an imported loop shares: 0 dB, or lower so the stems together peak at
 * IMPORTED_MIX_PEAK_DB. Stems exported near full scale would otherwise sum past the output limiter, which
 * would then squash a part turned up (heard 5.7 dB up for a 9.5 dB move) and change what the question asks.
 * One fader for all, after every insert: relations between the parts, and what a compressor or saturation
 * does to each, are unchanged.
 */
export function importedFaderDb(tracks: readonly Float32Array[]): Decibels {
  const length = tracks[0]?.length ?? 0;
  let peak = 0;
  for (let i = 0; i < length; i++) {
    let sum = 0;
    for (const t of tracks) sum += (t[i] as number) ?? 0;
    peak = Math.max(peak, Math.abs(sum));
  }
  const peakDb = peak > 0 ? 20 * Math.log10(peak) : Number.NEGATIVE_INFINITY;
  return Math.min(0, Math.round((IMPORTED_MIX_PEAK_DB - peakDb) * 10) / 10);
}

/**
 * Cuts an imported song's stems to `source`'s loop: each track's channels averaged to mono (as its summary
 * measured it), at the stems' own rate, every track at one shared fader (importedFaderDb: 0 dB, the stems as
 * exported, unless together they would peak near the output limiter).
 */
export function cutImportedExcerpt(stems: ImportedStems, source: ImportedSongSource): Excerpt {
  const sr = stems.sampleRate;
  const start = Math.max(0, Math.round(source.startS * sr));
  const length = Math.max(1, Math.min(stems.length - start, Math.round(source.durationS * sr)));
  const fade = Math.round(LOOP_FADE_S * sr);
  const tracks = stems.tracks.map((t) => {
    const mono = new Float32Array(stems.length);
    const g = 1 / Math.max(1, t.channels.length);
    for (const c of t.channels)
      for (let i = 0; i < mono.length; i++) mono[i] = (mono[i] as number) + g * ((c[i] as number) ?? 0);
    return { id: t.id, name: t.name, samples: seamlessLoop(mono, start, length, fade), defaultFaderDb: 0 };
  });
  const faderDb = importedFaderDb(tracks.map((t) => t.samples));
  return {
    sampleRate: sr,
    bpm: 120,
    durationS: length / sr,
    tracks: tracks.map((t) => ({ ...t, defaultFaderDb: faderDb })),
  };
}

/** Loads a song source's stems (rendered through the environment, or an imported song's) and cuts its excerpt. */
export async function loadExcerpt(env: PlayEnv, source: SongSource | ImportedSongSource): Promise<Excerpt> {
  if (source.type === 'imported-song')
    return cutImportedExcerpt(await loadImportedStems(source.hash), source);
  return cutExcerpt(await env.loadSong(source), source);
}

/** The track of an excerpt with this id (throws when the song has no such track). */
export function excerptTrack(excerpt: Excerpt, id: TrackId): ExcerptTrack {
  const track = excerpt.tracks.find((t) => t.id === id);
  if (!track) throw new Error(`The song has no ${id} track to play.`);
  return track;
}

/** The rough mix of an excerpt as one mono array (each stem at its rough-mix fader). */
export function mixdown(excerpt: Excerpt, only?: readonly TrackId[]): Float32Array {
  const length = excerpt.tracks[0]?.samples.length ?? 0;
  const out = new Float32Array(length);
  for (const t of excerpt.tracks) {
    if (only && !only.includes(t.id)) continue;
    const g = dbToGain(t.defaultFaderDb);
    for (let i = 0; i < length; i++) out[i] = (out[i] as number) + g * ((t.samples[i] as number) ?? 0);
  }
  return out;
}

/** A track spec for a mono source through a strip with `settings`. */
export function monoTrack(
  name: string,
  samples: Float32Array,
  settings: TrackSpec['settings'] = {},
): TrackSpec {
  return { name, channels: [samples], settings };
}

/** Peak level of mono samples in dBFS (−Infinity when silent). */
export function peakDb(samples: Float32Array): Decibels {
  let peak = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = Math.abs(samples[i] as number);
    if (v > peak) peak = v;
  }
  return peak > 0 ? 20 * Math.log10(peak) : Number.NEGATIVE_INFINITY;
}
