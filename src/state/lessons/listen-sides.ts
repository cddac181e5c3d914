/**
 * A `::listen` block as an A/B pair on the engine: both sides play the same material through the exercises'
 * scene builder (play-scene.ts), each with its setting applied to the block's track, or to the whole mix
 * summed onto one strip when no track is named. The live player, the level match and the tests all build
 * from this one description, so what is measured is what is heard.
 */
import type { SampleRate } from '../../dsp/units';
import type { DeepPartial, EqBandSettings, StripSettings } from '../../engine/index';
import { allTrackIds, mixSide } from '../../exercises/shared/play-mix';
import {
  type Excerpt,
  MEASURE_RATE,
  MEASURE_RATE_WIDE,
  mixdown,
  monoTrack,
  PINK_FADER_DB,
} from '../../exercises/shared/play-sources';
import type { AbPair, PreparedQuestion, SideSpec } from '../../exercises/shared/play-types';
import type { EqMove, ListenBlock, ListenSetting } from '../../lessons/schema';

/** What a listening example plays: a pink-noise loop or a song excerpt (every track, cut to the loop). */
export type ListenMaterial =
  | { type: 'pink'; sampleRate: SampleRate; samples: Float32Array }
  | { type: 'song'; excerpt: Excerpt };

/** Why a block that is not loudness-matched keeps matching off. */
export const UNMATCHED_REASON = 'the level difference is the point of this example';

/** Rate that keeps a high shelf or bell up to 12 kHz inside the measured band. */
const MEASURE_RATE_FULL: SampleRate = 32000;

/** Strip band index of each EQ move: low shelf, first bell, second bell, high shelf. */
function eqBands(moves: readonly EqMove[]): DeepPartial<StripSettings['eq']> {
  const bands: DeepPartial<EqBandSettings>[] = [{}, {}, {}, {}];
  let bell = 1;
  for (const m of moves) {
    const index = m.type === 'lowshelf' ? 0 : m.type === 'highshelf' ? 3 : Math.min(2, bell++);
    bands[index] = { enabled: true, type: m.type, frequency: m.frequency, gainDb: m.gainDb, q: m.q };
  }
  return bands as DeepPartial<StripSettings['eq']>;
}

/**
 * The strip changes of a setting over a flat, centred strip, without the fader (the caller adds the
 * setting's `faderDb` to the track's own level): pan, mute, high-pass, EQ, compressor and sends.
 */
export function stripPatchFor(setting: ListenSetting): DeepPartial<StripSettings> {
  const patch: DeepPartial<StripSettings> = {};
  if (setting.pan !== undefined) patch.pan = setting.pan;
  if (setting.mute) patch.mute = true;
  if (setting.highPassHz !== undefined) patch.highPass = { enabled: true, frequency: setting.highPassHz };
  if (setting.eq && setting.eq.length > 0) patch.eq = eqBands(setting.eq);
  if (setting.compressor) patch.compressor = { enabled: true, ...setting.compressor };
  const sends: DeepPartial<StripSettings['sends']> = {};
  if (setting.reverb) sends.reverb = { enabled: true, levelDb: setting.reverb.sendDb };
  if (setting.delay) sends.delay = { enabled: true, levelDb: setting.delay.sendDb };
  if (setting.reverb || setting.delay) patch.sends = sends;
  return patch;
}

/** The reverb and delay returns a setting sends to (absent when it sends nothing). */
function returnsFor(setting: ListenSetting): Pick<SideSpec, 'reverb' | 'delay'> {
  const out: Pick<SideSpec, 'reverb' | 'delay'> = {};
  if (setting.reverb) out.reverb = { decayS: setting.reverb.seconds };
  if (setting.delay) out.delay = { note: setting.delay.note, feedback: setting.delay.feedback };
  return out;
}

/** One side of the example: `setting` on the block's track (or the whole mix) of `material`. */
export function listenSide(block: ListenBlock, setting: ListenSetting, material: ListenMaterial): SideSpec {
  const patch = stripPatchFor(setting);
  const offset = setting.faderDb ?? 0;
  const returns = returnsFor(setting);
  if (material.type === 'pink') {
    const faderDb = PINK_FADER_DB + offset;
    return { tracks: [monoTrack('Pink noise', material.samples, { ...patch, faderDb })], ...returns };
  }
  const { excerpt } = material;
  if (!block.track) {
    // The whole mix: the rough mix summed onto one strip (every stem is mono and centred, so nothing is lost).
    return {
      tracks: [monoTrack('Mix', mixdown(excerpt), { ...patch, faderDb: offset })],
      bpm: excerpt.bpm,
      ...returns,
    };
  }
  const ids = block.solo ? [block.track] : allTrackIds(excerpt);
  return mixSide(excerpt, ids, { [block.track]: { faderOffsetDb: offset, settings: patch } }, returns);
}

/** Both sides and their labels. */
export function listenPair(block: ListenBlock, material: ListenMaterial): AbPair {
  return {
    a: listenSide(block, block.a, material),
    b: listenSide(block, block.b, material),
    labels: { a: block.aLabel, b: block.bLabel },
  };
}

/** Highest filter frequency either side sets (0 when none). */
function highestFilterHz(block: ListenBlock): number {
  const of = (s: ListenSetting) => [...(s.eq ?? []).map((m) => m.frequency), s.highPassHz ?? 0];
  return Math.max(0, ...of(block.a), ...of(block.b));
}

/**
 * Rate the level match renders at: broadband changes (level, pan, dynamics) measure at 16 kHz, filters and
 * returns at 24 kHz, and moves at 6 kHz or above at 32 kHz so the change is inside the measured band.
 */
export function listenMeasureRate(block: ListenBlock): SampleRate {
  const hz = highestFilterHz(block);
  if (hz >= 6000) return MEASURE_RATE_FULL;
  const spectral = [block.a, block.b].some((s) => s.eq?.length || s.highPassHz || s.reverb || s.delay);
  return spectral ? MEASURE_RATE_WIDE : MEASURE_RATE;
}

/** The example ready for the exercises' A/B player (nothing to answer: the review is the example itself). */
export function prepareListen(block: ListenBlock, material: ListenMaterial): PreparedQuestion<never> {
  const question = listenPair(block, material);
  const sampleRate = material.type === 'pink' ? material.sampleRate : material.excerpt.sampleRate;
  const durationS =
    material.type === 'pink' ? material.samples.length / material.sampleRate : material.excerpt.durationS;
  return {
    sampleRate,
    durationS,
    question,
    review: () => question,
    levelMatch: block.matched ? { allowed: true } : { allowed: false, reason: UNMATCHED_REASON },
    measureRate: Math.min(sampleRate, listenMeasureRate(block)),
  };
}
