/**
 * A track played by a sampled instrument: each distinct note (pitch, velocity step, length, take) is
 * rendered once by spessasynth_core's SoundFont synthesiser, alone and from silence, then mixed in at its
 * humanised time. Deterministic: the same song, bank and rate give bit-identical audio (a note's sound
 * depends only on its key, so rendered notes are shared between songs; nothing reads a clock or Math.random).
 */
import { SpessaSynthProcessor } from 'spessasynth_core';
import { type BiquadCoefficients, biquadCoefficients } from '../../dsp/biquad';
import type { SampleRate } from '../../dsp/units';
import { mixSound } from '../synth/mix-note';
import type { NoteEvent, Song, Track } from '../types';
import { humanise } from './humanise';
import type { SampledPatch } from './patches';
import type { SampleBank } from './sample-bank';

const BLOCK = 128;
const DRUM_CHANNEL = 9;
/** Velocity steps rendered (drums: steps of 8, for their layers; pitched: 16); the rest is a gain. */
const VELOCITY_STEP = { kit: 8, program: 16 } as const;
/** A drum take's detune in cents: hits vary a little, as a drummer's do. */
const TAKE_CENTS = [0, -6, 5];
/** Longest tail after the gate (drums: after the hit). */
const MAX_TAIL_S = 3;
/** A rendered note ends once a block is this quiet (−90 dBFS) after its gate. */
const SILENT = 3e-5;
/** GM hi-hat notes: a closed or pedal hat chokes a ringing open hat (GM exclusive class). */
const HATS = new Set([42, 44, 46]);
const OPEN_HAT = 46;
const CHOKE_S = 0.02;

/** Renders single notes of one patch at one rate, each from silence (exported for tests). */
export class NoteRenderer {
  private readonly synth: SpessaSynthProcessor;
  private readonly channel: number;
  private readonly left = new Float32Array(BLOCK);
  private readonly right = new Float32Array(BLOCK);
  /** Where notes are rendered before they are cut to length (grown as needed, reused: no fresh pages per note). */
  private scratch = new Float32Array(0);
  /** The low-pass that takes out the images of samples kept at a lower rate (null when none are possible). */
  private readonly imageFilter: BiquadCoefficients[] | null;

  constructor(
    bank: SampleBank,
    private readonly patch: SampledPatch,
    private readonly sampleRate: SampleRate,
  ) {
    this.synth = new SpessaSynthProcessor(sampleRate, {
      effectsEnabled: false,
      eventsEnabled: false,
      maxBufferSize: BLOCK,
    });
    this.synth.soundBankManager.addSoundBank(bank.soundBank, 'headroom');
    this.channel = patch.kind === 'kit' ? DRUM_CHANNEL : 0;
    this.synth.programChange(this.channel, patch.number);
    const cutoff = patch.maxRate / 2;
    this.imageFilter =
      cutoff < 0.45 * sampleRate
        ? BUTTERWORTH_4.map((q) => biquadCoefficients('lowpass', cutoff, q, 0, sampleRate))
        : null;
  }

  /**
   * One note, start to silence: `gate` samples held (drums: ignored, the hit rings out), mono, through the
   * image filter (removeImages) so what the bank's lower rate mirrors above its band never reaches a stem.
   */
  render(pitch: number, velocity: number, gate: number, cents: number): Float32Array {
    const { synth, channel, left, right } = this;
    const drum = this.patch.kind === 'kit';
    const held = drum ? 0 : gate;
    const max = held + Math.round(MAX_TAIL_S * this.sampleRate);
    if (this.scratch.length < max) this.scratch = new Float32Array(Math.max(max, 2 * this.scratch.length));
    const out = this.scratch;
    synth.pitchWheel(channel, Math.round(8192 + (cents / 200) * 8192));
    synth.noteOn(channel, pitch, velocity);
    let pos = 0;
    let released = drum;
    let end = max;
    while (pos < max) {
      if (!released && pos >= held) {
        synth.noteOff(channel, pitch);
        released = true;
      }
      const n = Math.min(BLOCK, max - pos, released ? BLOCK : held - pos);
      left.fill(0, 0, n);
      right.fill(0, 0, n);
      synth.process(left, right, 0, n);
      let peak = 0;
      for (let i = 0; i < n; i++) {
        const v = ((left[i] as number) + (right[i] as number)) * 0.5;
        out[pos + i] = v;
        if (Math.abs(v) > peak) peak = Math.abs(v);
      }
      pos += n;
      if (released && pos > held + BLOCK && peak < SILENT) {
        end = pos;
        break;
      }
    }
    synth.stopAllChannels(true);
    // One block to let the killed voices go (discarded), so the next note starts from silence.
    synth.process(left, right, 0, BLOCK);
    // Filtered where it was rendered, then copied once into an array of its final length (with the DC
    // blocker's ring-out): one fresh array per note, not two.
    const note = out.subarray(0, end);
    if (this.imageFilter) removeImages(note, this.imageFilter);
    return blockDc(note, this.sampleRate);
  }
}

/** Rendered notes kept across songs (about 32 MB of samples): a note's sound depends only on its key. */
export const NOTE_CACHE_SAMPLES = 8_000_000;
let noteCacheSamples = NOTE_CACHE_SAMPLES;

/** Sets how many samples of notes are kept (tests: a small cache); returns the previous limit. */
export function limitKeptNotes(samples: number): number {
  const before = noteCacheSamples;
  noteCacheSamples = samples;
  return before;
}

/** A kept note, the song that last played it (its `generation`) and how many notes it has been. */
interface KeptNote {
  sound: Float32Array;
  generation: number;
  uses: number;
}

/** Per bank: one renderer per patch and rate, and the notes rendered so far (least recently used first). */
interface BankNotes {
  renderers: Map<string, NoteRenderer>;
  notes: Map<string, KeptNote>;
  size: number;
  /** The song being rendered, and its number. */
  song: Song | undefined;
  generation: number;
}

const shared = new WeakMap<SampleBank, BankNotes>();

function bankNotes(bank: SampleBank): BankNotes {
  let entry = shared.get(bank);
  if (!entry) {
    entry = { renderers: new Map(), notes: new Map(), size: 0, song: undefined, generation: 0 };
    shared.set(bank, entry);
  }
  return entry;
}

/** Which kept notes give way first to a new one: other songs' notes, then the current song's once-played ones, then any. */
const EVICTION_ORDER: ((note: KeptNote, generation: number) => boolean)[] = [
  (note, generation) => note.generation !== generation,
  (note) => note.uses < 2,
  () => true,
];

/**
 * The sound of one note, from the shared cache or rendered now. Safe to share between songs: a
 * NoteRenderer renders every note from silence, so the same key gives the same samples whatever it rendered
 * before (tests/production/sampler checks this). Room for a new note is made, least recently used first,
 * from notes other songs played last, then from the current song's notes played only once, then from any: a
 * song whose notes outgrow the cache keeps the ones it repeats (plain LRU pushed each note out before it came
 * round again, so a 32-bar song's ~8–12 M samples of notes left nothing for its next render).
 */
function noteSound(
  entry: BankNotes,
  bank: SampleBank,
  patch: SampledPatch,
  sampleRate: SampleRate,
  key: string,
  render: (renderer: NoteRenderer) => Float32Array,
): Float32Array {
  const full = `${patch.kind}${patch.number}@${sampleRate}:${key}`;
  const hit = entry.notes.get(full);
  if (hit) {
    entry.notes.delete(full);
    entry.notes.set(full, hit);
    hit.generation = entry.generation;
    hit.uses++;
    return hit.sound;
  }
  const rk = `${patch.kind}${patch.number}@${sampleRate}`;
  let renderer = entry.renderers.get(rk);
  if (!renderer) entry.renderers.set(rk, (renderer = new NoteRenderer(bank, patch, sampleRate)));
  const sound = render(renderer);
  if (sound.length > noteCacheSamples) return sound;
  for (const evictable of EVICTION_ORDER) {
    for (const [k, v] of entry.notes) {
      if (entry.size + sound.length <= noteCacheSamples) break;
      if (!evictable(v, entry.generation)) continue;
      entry.notes.delete(k);
      entry.size -= v.sound.length;
    }
  }
  entry.notes.set(full, { sound, generation: entry.generation, uses: 1 });
  entry.size += sound.length;
  return sound;
}

/** Samples of rendered notes kept for `bank` now (for tests). */
export function keptNoteSamples(bank: SampleBank): number {
  return shared.get(bank)?.size ?? 0;
}

/** Renders `track` with `patch` from `bank` into `out`, yielding its own progress (0..1) now and then. */
export function* renderSampledTrack(
  track: Track,
  song: Song,
  bank: SampleBank,
  patch: SampledPatch,
  sampleRate: SampleRate,
  out: Float32Array,
): Generator<number> {
  const secondsPerBeat = 60 / song.bpm;
  const events = track.events;
  const kept = bankNotes(bank);
  if (kept.song !== song) {
    kept.song = song;
    kept.generation++;
  }
  const choke = track.id === 'hats' && patch.kind === 'kit';
  let open: { start: number; sound: Float32Array; gain: number } | null = null;
  for (let n = 0; n < events.length; n++) {
    const e = events[n] as NoteEvent;
    const human = humanise(song.seed, track.id, n);
    const start = Math.max(0, Math.round((e.time * secondsPerBeat + human.offset) * sampleRate));
    const gate = Math.max(1, Math.round(e.duration * secondsPerBeat * sampleRate));
    const velocity = Math.min(127, Math.max(1, e.velocity * human.velocityScale * 127));
    const unit = VELOCITY_STEP[patch.kind];
    const step = Math.min(127, Math.max(1, Math.round(velocity / unit) * unit));
    // Takes vary drum hits (a held note's length and timing vary it enough, and each take is a render).
    const take = patch.kind === 'kit' ? human.take : 0;
    const cents = TAKE_CENTS[take] ?? 0;
    const key = `${e.pitch}:${step}:${patch.kind === 'kit' ? 0 : gate}:${take}`;
    const sound = noteSound(kept, bank, patch, sampleRate, key, (r) => r.render(e.pitch, step, gate, cents));
    // The SoundFont's velocity curve is about amplitude ∝ velocity²: the rest of the step as a gain.
    const gain = (velocity / step) ** 2;
    if (choke && HATS.has(e.pitch) && open && start < open.start + open.sound.length) {
      chokeTail(out, open, start, Math.round(CHOKE_S * sampleRate));
      open = null;
    }
    mixSound(out, start, sound, gain);
    if (choke && e.pitch === OPEN_HAT) open = { start, sound, gain };
    if (n % 32 === 31) yield (n + 1) / events.length;
  }
}

/** Butterworth Qs of a 4th-order low-pass as two biquads. */
const BUTTERWORTH_4 = [0.5412, 1.3066];

/**
 * Played faster than they were kept (the bank caps kits at 32 kHz, programs at 22.05 kHz), samples leave
 * faint mirror images between half their rate and half ours: a 4th-order low-pass at half the bank's rate
 * (two biquads, in place, in one pass) takes them out of each note as it is rendered (nothing real is up
 * there: the bank kept nothing above it). A note ends below −90 dBFS, so the filter's own ringing is kept.
 */
function removeImages(x: Float32Array, filter: readonly BiquadCoefficients[]): void {
  const f = filter[0] as BiquadCoefficients;
  const g = filter[1] as BiquadCoefficients;
  let z1 = 0;
  let z2 = 0;
  let w1 = 0;
  let w2 = 0;
  for (let i = 0; i < x.length; i++) {
    const u = x[i] as number;
    const y = f.b0 * u + z1;
    z1 = f.b1 * u - f.a1 * y + z2;
    z2 = f.b2 * u - f.a2 * y;
    const v = g.b0 * y + w1;
    w1 = g.b1 * y - g.a1 * v + w2;
    w2 = g.b2 * y - g.a2 * v;
    x[i] = v;
  }
}

/** A DC blocker's ring-out after a note stops once it is this small (−120 dBFS). */
const DC_TAIL_FLOOR = 1e-6;
/** …or after this long at most. */
const DC_TAIL_MAX_S = 0.3;

/**
 * A one-pole DC blocker (−3 dB at 10 Hz) on one note (filtered in place), returned in a new array with its
 * ring-out after the note: no sample's offset or sub-audio drift reaches a stem, and since it is linear,
 * blocking each note is blocking the track they sum to.
 */
function blockDc(note: Float32Array, sampleRate: SampleRate): Float32Array {
  const r = Math.exp((-2 * Math.PI * 10) / sampleRate);
  let x1 = 0;
  let y1 = 0;
  for (let i = 0; i < note.length; i++) {
    const x = note[i] as number;
    y1 = x - x1 + r * y1;
    x1 = x;
    note[i] = y1;
  }
  // With silence after the note: y = −x1 + r·y1 once, then y shrinks by r per sample.
  let y = -x1 + r * y1;
  const max = Math.round(DC_TAIL_MAX_S * sampleRate);
  let tail = 0;
  for (let v = Math.abs(y); v >= DC_TAIL_FLOOR && tail < max; v *= r) tail++;
  const out = new Float32Array(note.length + tail);
  out.set(note);
  for (let i = note.length; i < out.length; i++) {
    out[i] = y;
    y *= r;
  }
  return out;
}

/** Takes back what is left of a ringing sound from `at` on, fading it out over `fade` samples. */
function chokeTail(
  out: Float32Array,
  ringing: { start: number; sound: Float32Array; gain: number },
  at: number,
  fade: number,
): void {
  const end = Math.min(out.length, ringing.start + ringing.sound.length);
  for (let i = at; i < end; i++) {
    const kept = i - at < fade ? 1 - (i - at) / fade : 0;
    out[i] = (out[i] as number) - (ringing.sound[i - ringing.start] as number) * ringing.gain * (1 - kept);
  }
}
