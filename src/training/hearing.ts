/**
 * The hearing check's results, as the drills use them: bands the learner said their speakers or headphones
 * do not play are left out of band questions (a question whose boosted or cut band is one of them is
 * drawn again). Pure: the check itself lives in the UI.
 */
import { OCTAVE_CENTRES } from '../dsp/bands';
import type { Hz } from '../dsp/units';

/** The bands the check asks about: the lowest and the highest octave, which small speakers often miss. */
export const EDGE_BANDS: readonly Hz[] = [OCTAVE_CENTRES[0] as Hz, OCTAVE_CENTRES.at(-1) as Hz];

/** The kinds whose questions play a named band (a boost, a cut, a ring, a filter's cutoff): the hearing check's bands apply to them. */
export const BAND_KINDS: readonly string[] = ['eq-boost', 'eq-two-bands', 'eq-match', 'resonance', 'filters'];

/** What the learner told the hearing check. */
export interface HearingCheck {
  /** When it was done (epoch ms). */
  at: number;
  /** Left and right came out of the right sides. */
  leftRightOk: boolean;
  /** Bands the learner could not hear (a subset of EDGE_BANDS). */
  unheardHz: Hz[];
}

/** A stored value read as a hearing check, or null when it is not one (never stored, or damaged). */
export function hearingCheckOf(value: unknown): HearingCheck | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<HearingCheck>;
  if (typeof v.at !== 'number' || !Number.isFinite(v.at) || typeof v.leftRightOk !== 'boolean') return null;
  if (!Array.isArray(v.unheardHz) || !v.unheardHz.every((hz) => EDGE_BANDS.includes(hz as Hz))) return null;
  return { at: v.at, leftRightOk: v.leftRightOk, unheardHz: [...(v.unheardHz as Hz[])] };
}

/** Within a third of an octave: the same band at either resolution. */
function sameBand(a: Hz, b: Hz): boolean {
  return a > 0 && b > 0 && Math.abs(Math.log2(a / b)) < 1 / 6 + 1e-9;
}

/** The band a question boosts or cuts (eq-boost's `targetHz`), or null for questions without one. */
export function questionBandHz(question: unknown): Hz | null {
  if (typeof question !== 'object' || question === null) return null;
  const hz = (question as { targetHz?: unknown }).targetHz;
  return typeof hz === 'number' && Number.isFinite(hz) && hz > 0 ? hz : null;
}

/** A positive frequency, or null. */
function hzOf(value: unknown): Hz | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** The frequency of a band or filter setting (`{ frequencyHz }`), or null. */
const settingHz = (value: unknown): Hz | null =>
  typeof value === 'object' && value !== null ? hzOf((value as { frequencyHz?: unknown }).frequencyHz) : null;

/**
 * Every band a question plays: eq-boost's target, eq-two-bands' boost and cut, eq-match's reference band,
 * resonance's ring, the filters on A and B. Empty for questions without one.
 */
export function questionBandsHz(question: unknown): Hz[] {
  if (typeof question !== 'object' || question === null) return [];
  const q = question as Record<string, unknown>;
  return [
    q.targetHz,
    q.boostHz,
    q.cutHz,
    settingHz(q.reference),
    settingHz(q.ring),
    settingHz(q.filterA),
    settingHz(q.filterB),
  ]
    .map(hzOf)
    .filter((hz): hz is Hz => hz !== null);
}

/** Whether a question may be asked of a learner who cannot hear `unheardHz` (true when it plays no band). */
export function playsHeardBand(question: unknown, unheardHz: readonly Hz[]): boolean {
  return questionBandsHz(question).every((hz) => !unheardHz.some((u) => sameBand(u, hz)));
}

/** Whether a question plays the focus band (true when there is no focus, or the question has no band). */
export function playsFocusBand(question: unknown, focusHz: Hz | undefined): boolean {
  if (focusHz === undefined) return true;
  const hz = questionBandHz(question);
  return hz === null || sameBand(focusHz, hz);
}
