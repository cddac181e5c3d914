/**
 * Sections that differ in energy: a verse plays quieter and sparser than a chorus (hats, percussion and
 * keys thinned, every part's velocity lowered), intros and the first half of a bridge quieter still, so a
 * song rises into its choruses as a record does.
 */
import { BEATS_PER_BAR } from './events';
import type { NoteEvent, Section, SectionName, TrackId } from './types';

/** Velocity scale per section (the chorus is the reference: 1). */
export const SECTION_VELOCITY: Readonly<Record<SectionName, number>> = {
  intro: 0.74,
  verse: 0.78,
  chorus: 1,
  bridge: 0.78,
  outro: 0.86,
};

/** A bridge's second half builds back towards the chorus. */
const BRIDGE_BUILD_VELOCITY = 0.88;

/** Parts a verse plays at half their density. */
const THINNED: ReadonlySet<TrackId> = new Set(['hats', 'perc', 'keys', 'chords']);

/** A bar is thinned only when the part strikes at least this many times in it (sparse parts stay whole). */
const BUSY_ONSETS = 4;

/** The onset times of a bar's events, every other one kept (the first, third, …): half the density. */
function everyOther(events: readonly NoteEvent[]): Set<number> {
  const times = [...new Set(events.map((e) => e.time))].sort((x, y) => x - y);
  return new Set(times.length >= BUSY_ONSETS ? times.filter((_, i) => i % 2 === 0) : times);
}

/** The velocity scale of a note at `time` (beats) in `section`. */
export function sectionVelocity(section: Section, time: number): number {
  if (section.name === 'bridge') {
    const bar = Math.floor(time / BEATS_PER_BAR) - section.startBar;
    return bar >= section.bars / 2 ? BRIDGE_BUILD_VELOCITY : SECTION_VELOCITY.bridge;
  }
  return SECTION_VELOCITY[section.name];
}

/**
 * Shapes one part's events (unswung, in beats) by section: velocities scaled by SECTION_VELOCITY, and in
 * verses hats, percussion, keys and chords strike every other onset of each bar where they strike at least
 * four times (sixteenths become eighths, an arpeggio's eighths quarters; held chords stay). Pure: a new
 * list; events outside every section are dropped.
 */
export function shapeSections(
  track: TrackId,
  events: readonly NoteEvent[],
  sections: readonly Section[],
): NoteEvent[] {
  const out: NoteEvent[] = [];
  for (const section of sections) {
    for (let bar = 0; bar < section.bars; bar++) {
      const from = (section.startBar + bar) * BEATS_PER_BAR;
      const inside = events.filter((e) => e.time >= from && e.time < from + BEATS_PER_BAR);
      const kept = section.name === 'verse' && THINNED.has(track) ? everyOther(inside) : null;
      for (const e of inside) {
        if (kept && !kept.has(e.time)) continue;
        out.push({ ...e, velocity: e.velocity * sectionVelocity(section, e.time) });
      }
    }
  }
  return out.sort((a, b) => a.time - b.time);
}
