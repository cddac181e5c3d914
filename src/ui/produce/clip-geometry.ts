/** Geometry of the arranger's clips: a section of one track drawn as a tiny piano roll or drum lane. */
import type { NoteEvent } from '../../production/types';

/** Clip drawing height in view-box units (width is the section's length in beats). */
export const CLIP_HEIGHT = 20;

/** The lowest and highest pitch a track plays (so every clip of a row shares one vertical scale). */
export function pitchSpan(events: readonly NoteEvent[]): [number, number] {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const e of events) {
    low = Math.min(low, e.pitch);
    high = Math.max(high, e.pitch);
  }
  return Number.isFinite(low) ? [low, high] : [60, 60];
}

/** The events that start in [from, to) beats. */
export function eventsIn(events: readonly NoteEvent[], from: number, to: number): NoteEvent[] {
  return events.filter((e) => e.time >= from && e.time < to);
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * One SVG path for a clip starting at beat `from`: drum hits as vertical ticks whose height is the
 * velocity, pitched notes as short bars at their pitch (higher up = higher note) as long as the note.
 */
export function clipPath(
  events: readonly NoteEvent[],
  from: number,
  kind: 'drum' | 'pitched',
  span: readonly [number, number],
): string {
  const parts: string[] = [];
  const [low, high] = span;
  const range = Math.max(1, high - low);
  for (const e of events) {
    const x = round(e.time - from);
    if (kind === 'drum') {
      const top = round(CLIP_HEIGHT * (1 - Math.max(0.15, e.velocity)));
      parts.push(`M${x} ${CLIP_HEIGHT}V${top}`);
    } else {
      const y = round(2 + (CLIP_HEIGHT - 4) * (1 - (e.pitch - low) / range));
      parts.push(`M${x} ${y}h${round(Math.max(0.12, e.duration * 0.92))}`);
    }
  }
  return parts.join('');
}
