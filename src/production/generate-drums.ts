/** Drum parts from a one-bar step grid: thinned for quiet sections, fills at section ends, a crash after. */
import type { Rng } from '../dsp/random';
import { DRUM_HITS, rowEnergy } from './drum-hits';
import { BEATS_PER_BAR, humanise } from './events';
import type { FillKind } from './grooves';
import { sectionEnergy } from './song-form';
import type { DrumPattern, DrumTrackId, NoteEvent, Section } from './types';

/** Drum events per drum track. */
export type DrumParts = Record<DrumTrackId, NoteEvent[]>;

const STEP = 0.25;
const TOMS = [DRUM_HITS.tomHigh, DRUM_HITS.tomHigh, DRUM_HITS.tomMid, DRUM_HITS.tomMid, DRUM_HITS.tomLow];

function hit(pitch: number, time: number, velocity: number, duration = STEP): NoteEvent {
  return { time, duration, pitch, velocity };
}

/** The first step of the fill in a section's last bar, or 16 for no fill. */
function fillStart(kind: FillKind, section: Section, next: Section | undefined): number {
  if (!next || next.name === 'outro') return 16;
  if (kind === 'build') return next.name === 'chorus' ? 0 : 12;
  if (kind === 'hats-roll') return 12;
  return section.name === 'intro' ? 12 : 8;
}

/** Which tracks the fill silences while it plays (the rest keep their groove). */
function fillSilences(kind: FillKind, track: DrumTrackId): boolean {
  if (kind === 'hats-roll') return track === 'hats';
  if (kind === 'build') return track === 'snare';
  return true;
}

function addFill(parts: DrumParts, kind: FillKind, barTime: number, from: number, rng: Rng): void {
  const count = 16 - from;
  for (let i = 0; i < count; i++) {
    const time = barTime + (from + i) * STEP;
    const rise = 0.45 + (0.55 * (i + 1)) / count;
    if (kind === 'toms') {
      const tom = TOMS[Math.min(TOMS.length - 1, Math.floor((i * TOMS.length) / count))] as number;
      parts.perc.push(hit(tom, time, humanise(0.7 + 0.25 * rise, 0.06, rng.next)));
      if (i === 0) parts.snare.push(hit(DRUM_HITS.snare, time, 0.9));
    } else if (kind === 'snare-roll') {
      if (i % 2 === 0 || i >= count / 2)
        parts.snare.push(hit(DRUM_HITS.snare, time, humanise(rise, 0.05, rng.next)));
    } else if (kind === 'hats-roll') {
      for (const half of [0, STEP / 2]) {
        parts.hats.push(
          hit(DRUM_HITS.closedHat, time + half, humanise(0.4 + 0.3 * rise, 0.1, rng.next), STEP / 2),
        );
      }
    } else {
      const sixteenths = i >= count / 2;
      if (sixteenths || i % 2 === 0)
        parts.snare.push(hit(DRUM_HITS.snare, time, humanise(0.3 + 0.7 * rise, 0.04, rng.next)));
    }
  }
}

function keepStep(track: DrumTrackId, step: number, energy: number, name: Section['name']): boolean {
  if (energy >= 2) return true;
  if (track === 'kick') return name === 'intro' ? step === 0 : step === 0 || step === 8;
  return true;
}

/**
 * Plays the grid through the form: rows enter by section energy (rowEnergy), intros and bridges keep
 * only the kick on the one (bridges build back to the full groove halfway), fills end each section, a
 * crash marks every new section after the first, and the last bar is a single kick + crash.
 */
export function generateDrums(
  sections: readonly Section[],
  pattern: DrumPattern,
  fill: FillKind,
  rng: Rng,
): DrumParts {
  const parts: DrumParts = { kick: [], snare: [], hats: [], perc: [] };
  const lastBar = sections.reduce((n, s) => n + s.bars, 0) - 1;
  sections.forEach((section, index) => {
    const next = sections[index + 1];
    for (let bar = 0; bar < section.bars; bar++) {
      const absBar = section.startBar + bar;
      const barTime = absBar * BEATS_PER_BAR;
      if (absBar === lastBar) {
        parts.kick.push(hit(DRUM_HITS.kick, barTime, 1));
        parts.hats.push(hit(DRUM_HITS.crash, barTime, 0.9, BEATS_PER_BAR));
        continue;
      }
      const building = section.name === 'bridge' && bar >= section.bars / 2;
      const energy = building ? 2 : sectionEnergy(section.name);
      const from = bar === section.bars - 1 ? fillStart(fill, section, next) : 16;
      if (bar === 0 && index > 0 && energy >= 2) {
        parts.hats.push(hit(DRUM_HITS.crash, barTime, humanise(0.85, 0.05, rng.next), BEATS_PER_BAR));
        parts.kick.push(hit(DRUM_HITS.kick, barTime, 1));
      }
      for (const row of pattern) {
        if (rowEnergy(row.track, row.hit) > energy) continue;
        row.steps.forEach((velocity, step) => {
          if (velocity <= 0 || !keepStep(row.track, step, energy, section.name)) return;
          if (step >= from && fillSilences(fill, row.track) && !(row.track === 'kick' && step === from))
            return;
          const amount = row.track === 'hats' ? 0.12 : 0.06;
          const duration = row.hit === DRUM_HITS.crash ? BEATS_PER_BAR : STEP;
          parts[row.track].push(
            hit(row.hit, barTime + step * STEP, humanise(velocity, amount, rng.next), duration),
          );
        });
      }
      if (from < 16) addFill(parts, fill, barTime, from, rng);
    }
  });
  return parts;
}
