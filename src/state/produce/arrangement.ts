/**
 * What the learner decided in the arranger, as plain data: a style, a seed, and the production edits on
 * top (tempo, progression, drum groove, sounds, muted parts). Pure: every edit returns a new spec, and
 * the spec turns into the SongOverrides that production (and the stem cache) understands. No DOM here.
 */
import { DRUM_HIT_TRACK, isDrumTrack } from '../../production/drum-hits';
import { findPreset } from '../../production/presets';
import { isStyleId, listProgressions, styleSpec } from '../../production/styles';
import {
  type DrumPattern,
  type DrumTrackId,
  SONG_TRACK_IDS,
  type Song,
  type SongOverrides,
  type StyleId,
  type TrackId,
} from '../../production/types';

/** The learner's arrangement: a seeded song plus the production edits made to it. */
export interface ArrangementSpec {
  style: StyleId;
  seed: number;
  /** Song length in bars (a multiple of 4). */
  bars: number;
  /** Tempo override (BPM); absent = the seed's tempo. */
  bpm?: number;
  /** Index into the style's progression list; absent = the seed's choice (verse and chorus may differ). */
  progression?: number;
  /** Edited one-bar groove; absent = the seed's groove. */
  drumPattern?: DrumPattern;
  /** Parts switched off, in mixer order. */
  mutedTracks?: TrackId[];
  /** Sound presets that differ from the style's defaults. */
  instruments?: Partial<Record<TrackId, string>>;
}

/** Default song length in the arranger: intro, verse, chorus, outro of four bars each. */
export const ARRANGER_BARS = 16;
/** Lengths the arranger offers. */
export const ARRANGER_LENGTHS: readonly number[] = [8, 16, 32];
/** Tempo limits production accepts. */
export const BPM_LIMITS: readonly [number, number] = [40, 240];

/** Step velocities the grid cycles through, softest first, with their names and text symbols. */
export const STEP_LEVELS: readonly { velocity: number; name: string; symbol: string }[] = [
  { velocity: 0.35, name: 'soft', symbol: 'g' },
  { velocity: 0.65, name: 'medium', symbol: 'o' },
  { velocity: 0.85, name: 'normal', symbol: 'x' },
  { velocity: 1, name: 'accent', symbol: 'X' },
];
/** The velocity a plain click puts on an empty step. */
export const DEFAULT_STEP_VELOCITY = 0.85;

const PARTS: readonly TrackId[] = SONG_TRACK_IDS;

/** A fresh arrangement: only the style and seed decide. */
export function createArrangement(style: StyleId, seed: number, bars = ARRANGER_BARS): ArrangementSpec {
  return { style, seed: cleanSeed(seed), bars: cleanBars(bars) };
}

function cleanSeed(seed: number): number {
  return Number.isFinite(seed) ? Math.abs(Math.trunc(seed)) % 1_000_000 : 1;
}

function cleanBars(bars: number): number {
  return ARRANGER_LENGTHS.reduce((best, n) => (Math.abs(n - bars) < Math.abs(best - bars) ? n : best));
}

/** The overrides production reads, in one fixed key order (the stem cache keys on their JSON). */
export function arrangementOverrides(spec: ArrangementSpec): SongOverrides {
  const out: SongOverrides = { bars: spec.bars };
  if (spec.bpm !== undefined) out.bpm = spec.bpm;
  if (spec.progression !== undefined) out.progression = spec.progression;
  if (spec.drumPattern) out.drumPattern = spec.drumPattern;
  if (spec.mutedTracks?.length) out.mutedTracks = spec.mutedTracks;
  if (spec.instruments && Object.keys(spec.instruments).length > 0) out.instruments = spec.instruments;
  return out;
}

/** Another style: its own grooves, chords, sounds and tempo, so only the seed, length and mutes carry over. */
export function setStyle(spec: ArrangementSpec, style: StyleId): ArrangementSpec {
  const next = createArrangement(style, spec.seed, spec.bars);
  return spec.mutedTracks ? { ...next, mutedTracks: spec.mutedTracks } : next;
}

/** A new song of the same style and length from another seed (every edit is dropped). */
export function setSeed(spec: ArrangementSpec, seed: number): ArrangementSpec {
  return createArrangement(spec.style, seed, spec.bars);
}

/** A song length (8, 16 or 32 bars); the form is planned again, the edits stay. */
export function setBars(spec: ArrangementSpec, bars: number): ArrangementSpec {
  return { ...spec, bars: cleanBars(bars) };
}

/** A tempo, clamped to 40–240 BPM and rounded; notes stay where they are in beats. */
export function setBpm(spec: ArrangementSpec, bpm: number): ArrangementSpec {
  if (!Number.isFinite(bpm)) return spec;
  return { ...spec, bpm: Math.round(Math.min(BPM_LIMITS[1], Math.max(BPM_LIMITS[0], bpm))) };
}

/** One of the style's progressions for every section, or null for the seed's own choice. */
export function setProgression(spec: ArrangementSpec, index: number | null): ArrangementSpec {
  const { progression: _, ...rest } = spec;
  const count = listProgressions(spec.style).length;
  if (index === null || !Number.isInteger(index) || index < 0 || index >= count) return rest;
  return { ...rest, progression: index };
}

/** The groove the song plays: the edited one, or the seed's (read from the generated song). */
export function currentPattern(spec: ArrangementSpec, song: Song): DrumPattern {
  return spec.drumPattern ?? song.arrangement.drumPattern;
}

/** Sets one step of one grid row to a velocity (0 = off); every other step stays as it was. */
export function setStep(
  spec: ArrangementSpec,
  base: DrumPattern,
  row: number,
  step: number,
  velocity: number,
): ArrangementSpec {
  if (!base[row] || step < 0 || step > 15 || !Number.isInteger(step)) return spec;
  const v = Math.min(1, Math.max(0, velocity));
  const drumPattern = base.map((r, i) =>
    i === row ? { ...r, steps: r.steps.map((s, k) => (k === step ? v : s)) } : r,
  );
  return { ...spec, drumPattern };
}

/** Click: an empty step gets a normal hit, a sounding step goes silent. */
export function toggleStep(spec: ArrangementSpec, base: DrumPattern, row: number, step: number) {
  const now = base[row]?.steps[step] ?? 0;
  return setStep(spec, base, row, step, now > 0 ? 0 : DEFAULT_STEP_VELOCITY);
}

/** The next louder level (soft → medium → normal → accent → soft); an empty step starts soft. */
export function nextVelocity(velocity: number): number {
  const above = STEP_LEVELS.find((l) => l.velocity > velocity + 1e-6);
  return velocity <= 0 || !above ? (STEP_LEVELS[0]?.velocity ?? 0.35) : above.velocity;
}

/** Shift-click: the step's velocity moves one level up (wrapping to soft). */
export function cycleStep(spec: ArrangementSpec, base: DrumPattern, row: number, step: number) {
  return setStep(spec, base, row, step, nextVelocity(base[row]?.steps[step] ?? 0));
}

/** The level nearest a velocity (for display and for the text form of a pattern). */
export function stepLevel(velocity: number): (typeof STEP_LEVELS)[number] | null {
  if (velocity <= 0) return null;
  return STEP_LEVELS.reduce((best, l) =>
    Math.abs(l.velocity - velocity) < Math.abs(best.velocity - velocity) ? l : best,
  );
}

/** Back to the seed's groove. */
export function resetDrums(spec: ArrangementSpec): ArrangementSpec {
  const { drumPattern: _, ...rest } = spec;
  return rest;
}

/** Mutes or unmutes a part (muted parts are not rendered, so the mixer gets no strip for them). */
export function toggleMute(spec: ArrangementSpec, track: TrackId): ArrangementSpec {
  const muted = new Set(spec.mutedTracks ?? []);
  if (muted.has(track)) muted.delete(track);
  else muted.add(track);
  const { mutedTracks: _, ...rest } = spec;
  const list = PARTS.filter((t) => muted.has(t));
  return list.length ? { ...rest, mutedTracks: list } : rest;
}

/** A sound preset for a part; the style's own default (or a preset that does not fit) clears the override. */
export function setInstrument(spec: ArrangementSpec, track: TrackId, preset: string): ArrangementSpec {
  const chosen = { ...spec.instruments };
  delete chosen[track];
  if (preset !== styleSpec(spec.style).instruments[track] && findPreset(preset)?.tracks.includes(track)) {
    chosen[track] = preset;
  }
  const { instruments: _, ...rest } = spec;
  const ordered: Partial<Record<TrackId, string>> = {};
  for (const t of PARTS) if (chosen[t]) ordered[t] = chosen[t];
  return Object.keys(ordered).length ? { ...rest, instruments: ordered } : rest;
}

const TRACK_LETTERS: Record<DrumTrackId, string> = { kick: 'k', snare: 's', hats: 'h', perc: 'p' };

function encodePattern(pattern: DrumPattern): string {
  return pattern
    .map(
      (r) => `${r.hit}${TRACK_LETTERS[r.track]}${r.steps.map((v) => stepLevel(v)?.symbol ?? '.').join('')}`,
    )
    .join('_');
}

function decodePattern(text: string): DrumPattern | null {
  const rows = text.split('_').map((part) => {
    const m = /^(\d{2,3})([kshp])([Xxog.]{16})$/.exec(part);
    const track = (Object.keys(TRACK_LETTERS) as DrumTrackId[]).find((t) => TRACK_LETTERS[t] === m?.[2]);
    const hit = Number(m?.[1]);
    if (!m || !track || !isDrumTrack(track) || DRUM_HIT_TRACK[hit] === undefined) return null;
    const steps = [...(m[3] as string)].map((c) => STEP_LEVELS.find((l) => l.symbol === c)?.velocity ?? 0);
    return { track, hit, steps };
  });
  return rows.length > 0 && rows.length <= 8 && rows.every((r) => r !== null) ? rows : null;
}

/** The arrangement as a short, readable query string ("style=pop&seed=12&bars=16&bpm=100…"). */
export function encodeArrangement(spec: ArrangementSpec): string {
  const q = new URLSearchParams({ style: spec.style, seed: String(spec.seed), bars: String(spec.bars) });
  if (spec.bpm !== undefined) q.set('bpm', String(spec.bpm));
  if (spec.progression !== undefined) q.set('prog', String(spec.progression));
  if (spec.drumPattern) q.set('drums', encodePattern(spec.drumPattern));
  if (spec.mutedTracks?.length) q.set('mute', spec.mutedTracks.join('.'));
  const sounds = Object.entries(spec.instruments ?? {}).map(([t, p]) => `${t}:${p}`);
  if (sounds.length) q.set('sound', sounds.join('.'));
  return q.toString();
}

/** Reads an encoded arrangement back, checking every field (it may come from a URL); null if unusable. */
export function decodeArrangement(text: string): ArrangementSpec | null {
  const q = new URLSearchParams(text);
  const style = q.get('style') ?? '';
  const seed = Number(q.get('seed'));
  if (!isStyleId(style) || !Number.isInteger(seed) || seed < 0) return null;
  let spec = createArrangement(style, seed, Number(q.get('bars') ?? ARRANGER_BARS));
  if (q.has('bpm')) spec = setBpm(spec, Number(q.get('bpm')));
  if (q.has('prog')) spec = setProgression(spec, Number(q.get('prog')));
  const drums = q.get('drums');
  if (drums) {
    const pattern = decodePattern(drums);
    if (!pattern) return null;
    spec = { ...spec, drumPattern: pattern };
  }
  const muted = new Set((q.get('mute') ?? '').split('.'));
  const mutedTracks = PARTS.filter((t) => muted.has(t));
  if (mutedTracks.length) spec = { ...spec, mutedTracks };
  for (const pair of (q.get('sound') ?? '').split('.')) {
    const [track, preset] = pair.split(':');
    if (track && preset && (PARTS as readonly string[]).includes(track))
      spec = setInstrument(spec, track as TrackId, preset);
  }
  return spec;
}

/** A stored arrangement read back, every field checked as if it came from a URL; null if unusable. */
export function checkArrangement(data: unknown): ArrangementSpec | null {
  if (typeof data !== 'object' || data === null) return null;
  try {
    return decodeArrangement(encodeArrangement(data as ArrangementSpec));
  } catch {
    return null;
  }
}
