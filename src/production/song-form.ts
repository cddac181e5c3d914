/** The song form: which sections, how long, in what order, for a given total length. */
import type { SectionName } from './types';

/** A section before chords are attached. */
export interface FormSlot {
  name: SectionName;
  startBar: number;
  bars: number;
}

/** Shortest and longest songs, in bars. */
export const MIN_BARS = 8;
/** Longest song, in bars. */
export const MAX_BARS = 128;
/** Default song length: about a minute at 120 BPM. */
export const DEFAULT_BARS = 32;

/** Clamps a requested length to [MIN_BARS, MAX_BARS] and rounds it to whole 4-bar phrases. */
export function normaliseBars(bars: number): number {
  if (!Number.isFinite(bars)) return DEFAULT_BARS;
  return Math.min(MAX_BARS, Math.max(MIN_BARS, Math.round(bars / 4) * 4));
}

function middleBlocks(count: number): SectionName[] {
  if (count <= 4) return (['verse', 'chorus', 'bridge', 'chorus'] as const).slice(0, count);
  const out: SectionName[] = [];
  for (let i = 0; i < count - 2; i++) out.push(i % 2 === 0 ? 'verse' : 'chorus');
  out.push('bridge', 'chorus');
  return out;
}

/**
 * Plans the form: 8 bars → verse 4 + chorus 4; 12 → verse, chorus, outro of 4; longer songs get a
 * 4-bar intro and outro around 8-bar blocks (verse, chorus, bridge, chorus, …), a leftover 4 bars
 * becoming a short last chorus. 32 bars: intro 4, verse 8, chorus 8, bridge 8, outro 4.
 */
export function planForm(totalBars: number): FormSlot[] {
  const bars = normaliseBars(totalBars);
  const plan: [SectionName, number][] = [];
  if (bars === 8) plan.push(['verse', 4], ['chorus', 4]);
  else if (bars === 12) plan.push(['verse', 4], ['chorus', 4], ['outro', 4]);
  else {
    const middle = bars - 8;
    plan.push(['intro', 4]);
    if (middle === 8) plan.push(['verse', 4], ['chorus', 4]);
    else {
      for (const name of middleBlocks(Math.floor(middle / 8))) plan.push([name, 8]);
      if (middle % 8 === 4) plan.push(['chorus', 4]);
    }
    plan.push(['outro', 4]);
  }
  let start = 0;
  return plan.map(([name, length]) => {
    const slot = { name, startBar: start, bars: length };
    start += length;
    return slot;
  });
}

/** Energy of a section: 1 sparse (intro, bridge), 2 normal (verse, outro), 3 full (chorus). */
export function sectionEnergy(name: SectionName): 1 | 2 | 3 {
  if (name === 'chorus') return 3;
  if (name === 'verse' || name === 'outro') return 2;
  return 1;
}
