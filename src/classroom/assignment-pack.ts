/** The short-key form of an assignment inside a link, and the seed runs that keep links short. */
import type { Assignment } from './assignment-types';

/** Murmur3's 32-bit finaliser: a fixed, well-mixed step from one seed to the next. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A run of `count` question seeds from its first seed: seed[0] = first, seed[i] = mix32(first + i·φ).
 * Part of the link format: changing it would change every shared assignment's questions.
 */
export function deriveSeeds(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) =>
    i === 0 ? first >>> 0 : mix32((first + Math.imul(i, 0x9e3779b9)) >>> 0),
  );
}

function isRun(seeds: readonly number[]): boolean {
  if (seeds.length < 2) return false;
  const run = deriveSeeds(seeds[0]!, seeds.length);
  return run.every((s, i) => s === seeds[i]);
}

/** Short keys; an item is [exercise, level, seeds] or, for a derived run, [exercise, level, first, count]. */
export function packAssignment(a: Assignment): Record<string, unknown> {
  const packed: Record<string, unknown> = {
    i: a.id,
    t: a.title,
    n: a.instructions,
    p: a.passMark,
    c: a.createdAt,
    x: a.items.map((item) =>
      isRun(item.seeds)
        ? [item.exercise, item.level, item.seeds[0], item.seeds.length]
        : [item.exercise, item.level, item.seeds],
    ),
  };
  if (a.due !== undefined) packed.d = a.due;
  if (a.lessons?.length) packed.l = a.lessons;
  if (a.song)
    packed.s = a.song.digest
      ? [a.song.hash, a.song.name, a.song.tracks, a.song.digest]
      : [a.song.hash, a.song.name, a.song.tracks];
  return packed;
}

function unpackItem(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const [exercise, level, seeds, count] = value as unknown[];
  if (value.length === 4 && typeof seeds === 'number' && typeof count === 'number') {
    // A malformed first seed is passed on as a one-question list so the validator names it.
    if (!Number.isInteger(seeds) || seeds < 0 || seeds > 0xffffffff)
      return { exercise, level, seeds: [seeds] };
    // Bound the run before expanding it; the validator then refuses an out-of-range count by name.
    const n = Number.isInteger(count) && count >= 0 && count <= 1000 ? count : 1001;
    return { exercise, level, seeds: n > 1000 ? { count } : deriveSeeds(seeds, n) };
  }
  return { exercise, level, seeds };
}

/** Back to the full form, without judging it: the validator names whatever is missing or wrong. */
export function unpackAssignment(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const p = value as Record<string, unknown>;
  return {
    version: 1,
    id: p.i,
    title: p.t,
    instructions: p.n,
    passMark: p.p,
    createdAt: p.c,
    due: p.d,
    lessons: p.l,
    song: Array.isArray(p.s)
      ? { hash: p.s[0], name: p.s[1], tracks: p.s[2], ...(p.s.length > 3 ? { digest: p.s[3] } : {}) }
      : p.s,
    items: Array.isArray(p.x) ? p.x.map(unpackItem) : p.x,
  };
}
