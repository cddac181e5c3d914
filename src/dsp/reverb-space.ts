/**
 * Reverb types and sizes: a room, a plate or a hall of a given size, at any decay time. The same decaying
 * noise tail as generateImpulseResponse, with what tells the spaces apart at the same decay: the early
 * reflections (a room's close and strong, a hall's late and spread out, a plate has none), how slowly the
 * tail builds up (with the size), and the tone (a plate bright, a hall dark).
 */
import type { Rng } from './random';
import {
  generateImpulseResponse,
  type ImpulseResponseOptions,
  IR_DAMPING_CROSSOVER,
  IR_MIN_HIGH_DECAY_RATIO,
  IR_TRIM_DB,
  impulseResponseLength,
} from './reverb-ir';

/** The kinds of space. */
export type ReverbType = 'room' | 'plate' | 'hall';
/** A length in metres. */
export type Metres = number;

/** Every reverb type, in the order drills list them. */
export const REVERB_TYPES: readonly ReverbType[] = ['room', 'plate', 'hall'];

/** Speed of sound, m/s. */
export const SPEED_OF_SOUND = 343;
/** Sizes a space may have, metres (clamped). */
export const MIN_SIZE_M: Metres = 2;
/** The largest size, metres. */
export const MAX_SIZE_M: Metres = 60;

/** What makes each type itself (size is the typical one; a question may set another). */
export interface ReverbTypeTraits {
  /** Typical size, metres. */
  sizeM: Metres;
  /** Share of the IR's energy in the early reflections (0 for a plate). */
  earlyShare: number;
  /** Number of early reflections per side. */
  earlyCount: number;
  /** How much faster the highs die away (see ImpulseResponseOptions.damping). */
  damping: number;
  /** Whether the tail builds up over the size's travel time (false: dense at once, as a plate is). */
  buildUp: boolean;
}

/** The three types' traits. */
export const REVERB_TRAITS: Readonly<Record<ReverbType, Readonly<ReverbTypeTraits>>> = {
  room: { sizeM: 6, earlyShare: 0.35, earlyCount: 10, damping: 0.55, buildUp: true },
  plate: { sizeM: 2, earlyShare: 0, earlyCount: 0, damping: 0.05, buildUp: false },
  hall: { sizeM: 28, earlyShare: 0.2, earlyCount: 14, damping: 0.8, buildUp: true },
};

/** A typed space: the usual IR options plus its type and (optionally) its size. */
export interface SpaceOptions extends ImpulseResponseOptions {
  type?: ReverbType;
  /** Characteristic size, metres (default: the type's); clamped to MIN_SIZE_M..MAX_SIZE_M. */
  sizeM?: Metres;
}

/** Time after the pre-delay when the first reflection arrives, s: a third of the size's travel time. */
export function firstReflectionS(sizeM: Metres): number {
  return clampSize(sizeM) / SPEED_OF_SOUND / 3;
}

/** Span of the early reflections after the first one, s: twice the size's travel time. */
export function earlySpanS(sizeM: Metres): number {
  return (2 * clampSize(sizeM)) / SPEED_OF_SOUND;
}

/** Time constant of the tail's build-up, s: half the size's travel time. */
export function buildUpS(sizeM: Metres): number {
  return (0.5 * clampSize(sizeM)) / SPEED_OF_SOUND;
}

function clampSize(m: Metres): Metres {
  return Number.isFinite(m) ? Math.min(MAX_SIZE_M, Math.max(MIN_SIZE_M, m)) : MIN_SIZE_M;
}

/**
 * The IR for a room, plate or hall; without `type`, exactly generateImpulseResponse (same samples). Same
 * length as generateImpulseResponse for the same decay and pre-delay (so a cut at −N dB works the same),
 * normalised to unit energy the same way, and the tail's RT60 is `decayS` whatever the type: only the early
 * part and the tone differ. `damping` in the options is ignored for a typed space (the type sets it).
 */
export function spaceImpulseResponse(rng: Rng, options: SpaceOptions): [Float32Array, Float32Array] {
  const type = options.type;
  if (type === undefined || !(type in REVERB_TRAITS)) return generateImpulseResponse(rng, options);
  const traits = REVERB_TRAITS[type];
  const size = clampSize(options.sizeM ?? traits.sizeM);
  const sr = options.sampleRate;
  const [left, right] = generateImpulseResponse(rng.fork('tail'), { ...options, damping: traits.damping });
  const length = impulseResponseLength(options);
  const decay = Math.min(20, Math.max(0.05, Number.isFinite(options.decayS) ? options.decayS : 0.05));
  const start = length - Math.ceil(((decay * IR_TRIM_DB) / 60) * sr);

  // The tail builds up over the size's travel time after the first reflection (a plate is dense at once).
  const onset = start + Math.round(firstReflectionS(size) * sr);
  if (traits.buildUp) {
    const tau = buildUpS(size) * sr;
    for (let i = start; i < length; i++) {
      const t = i - onset;
      const g = t <= 0 ? 0 : 1 - Math.exp(-t / tau);
      left[i] = left[i]! * g;
      right[i] = right[i]! * g;
    }
  }
  // Early reflections: seeded taps spread over earlySpanS after the first one, falling off with distance
  // (1/t), each side its own pattern, together `earlyShare` of the energy.
  const early = rng.fork('early');
  const tapsL = reflections(early.fork('left'), traits.earlyCount, size, sr);
  const tapsR = reflections(early.fork('right'), traits.earlyCount, size, sr);
  const tailEnergy = energyOf(left, right);
  const tapEnergy = tapsEnergy(tapsL) + tapsEnergy(tapsR);
  const share = traits.earlyShare;
  const tapScale =
    share > 0 && tapEnergy > 0 ? Math.sqrt(((share / (1 - share)) * tailEnergy) / tapEnergy) : 0;
  for (const [taps, out] of [
    [tapsL, left],
    [tapsR, right],
  ] as const)
    for (const { at, gain } of taps) {
      const i = onset + at;
      if (i < length) out[i] = out[i]! + gain * tapScale;
    }
  // Unit energy again (the mean of Σh² over both channels is 1), as generateImpulseResponse.
  const scale = 1 / Math.sqrt(energyOf(left, right) / 2 || 1);
  for (let i = start; i < length; i++) {
    left[i] = left[i]! * scale;
    right[i] = right[i]! * scale;
  }
  return [left, right];
}

/** One early reflection: `at` samples after the first, signed gain before scaling. */
interface Tap {
  at: number;
  gain: number;
}

function reflections(rng: Rng, count: number, size: Metres, sr: number): Tap[] {
  const taps: Tap[] = [];
  const first = firstReflectionS(size);
  const span = earlySpanS(size);
  for (let k = 0; k < count; k++) {
    // The first tap at once, the rest spread (denser later, as reflections multiply).
    const u = k === 0 ? 0 : Math.sqrt(rng.next());
    const t = u * span;
    const sign = rng.chance(0.5) ? 1 : -1;
    taps.push({ at: Math.round(t * sr), gain: (sign * first) / (first + t) });
  }
  return taps;
}

function tapsEnergy(taps: readonly Tap[]): number {
  let e = 0;
  for (const t of taps) e += t.gain * t.gain;
  return e;
}

function energyOf(left: Float32Array, right: Float32Array): number {
  let e = 0;
  for (let i = 0; i < left.length; i++) e += left[i]! * left[i]! + right[i]! * right[i]!;
  return e;
}

/** The high band's RT60 as a share of the decay for a type (its tone: a plate near 1, a hall low). */
export function highDecayRatio(type: ReverbType): number {
  return 1 - (1 - IR_MIN_HIGH_DECAY_RATIO) * REVERB_TRAITS[type].damping;
}

/** Where the type's tone changes, Hz (the tail's crossover). */
export const SPACE_CROSSOVER_HZ = IR_DAMPING_CROSSOVER;
