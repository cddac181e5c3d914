/**
 * Fix this mix on an imported song, read from its summary alone (pure, seeded). A loop of the song's body and
 * MIN_DESK_PARTS or more of its parts heard in it (mix-match's heardTracks); the desk as found (B) drawn first
 * around the song's desk as exported with the decoys of the faults the level offers (imported-desk.ts), and the
 * good mix made by undoing one or two faults from it (A = B − fault), so a faulty control shows a value like any
 * other. Each fault alone is at least CLEAR_STEPS just-noticeable steps of the grader, EQ weighted by the part's
 * loop spectrum (which the question carries, bandsDb), and an EQ fault sits only where its part has sound.
 * Levels that grade compression (3 and 4) are refused: compression is graded on each part's samples, which a
 * summary does not keep; level 4's production problems also need Headroom's own parts.
 */
import { createRng } from '../../dsp/random';
import { heardTracks } from '../mix-match/imported';
import { ACTIVE_SHARE, type Audibility, inaudible } from '../shared/audibility';
import {
  bodyLoops,
  type ImportedSongSummary,
  type ImportedTrackSummary,
  importedSource,
  importedTrackId,
  importedTrackRef,
  loopActivity,
  loopBands,
  loopOf,
} from '../shared/imported-song';
import { clampLevel, levelSpec } from '../shared/levels';
import { copyTrackMix, type TrackMix } from '../shared/mix-spec';
import { roundTo } from '../shared/scoring';
import { gradeAnswer } from './check';
import {
  copyDesk,
  couldCarry,
  drawImportedDesk,
  faultPlaces,
  type ImportedDeskPart,
  LOW_END_HZ,
  plantImportedFault,
} from './imported-desk';
import { type FaultName, type FixMixQuestion, meta, type PlantedFault } from './meta';
import { FAULT_DIMENSION } from './mix-faults';

/** Grader steps (just-noticeable amounts beyond the first) each fault alone must add to the good mix. */
export const CLEAR_STEPS = 3;
/** Fewest parts on an imported desk (with two, one part's balance is one number). */
export const MIN_DESK_PARTS = 3;

/** The levels an imported song can carry: those that grade no compression and plant no production problem. */
export const IMPORTED_FIX_LEVELS: readonly number[] = meta.levels
  .map((l, i) =>
    l.params.dimensions.includes('dynamics') ||
    l.params.faults.includes('squashed') ||
    l.params.productionChance > 0
      ? 0
      : i + 1,
  )
  .filter((n) => n > 0);

/** Why no imported song can carry `level` (plain words), or null when one can. */
export function importedFixMixLevelProblem(level: number): string | null {
  const lvl = clampLevel(meta, level);
  if (IMPORTED_FIX_LEVELS.includes(lvl)) return null;
  if (levelSpec(meta, lvl).params.productionChance > 0)
    return `Level ${lvl} adds problems in the parts themselves (wrong notes, a clash, too many parts), which only Headroom’s own songs can have: your stems play as you exported them, so this level plays only Headroom’s songs.`;
  return `Level ${lvl} grades compression, which is judged on every detail of each part’s sound; Headroom keeps only an outline of your stems, so this level plays only Headroom’s songs.`;
}

/** What each level asks on an imported song (the level texts name Headroom's tracks). */
const LEVEL_TEXT: Readonly<Partial<Record<number, { name: string; ask: string }>>> = {
  1: {
    name: 'Your parts, one obvious fault',
    ask: 'one is far too loud or buried. Name it and fix it with the faders.',
  },
  2: {
    name: 'Your parts, faders, pan and EQ',
    ask: 'one or two faults in level, pan or EQ. Name them and fix them.',
  },
};

/** A level's name and description on an imported song, or null for a level imported songs do not carry. */
export function importedFixMixLevelText(level: number): { name: string; description: string } | null {
  const lvl = clampLevel(meta, level);
  const text = LEVEL_TEXT[lvl];
  if (!text || !IMPORTED_FIX_LEVELS.includes(lvl)) return null;
  const most = levelSpec(meta, lvl).params.tracks.length;
  return {
    name: text.name,
    description: `${MIN_DESK_PARTS} to ${most} of your song’s parts, the ones heard together in the loop: ${text.ask}`,
  };
}

/** The loops of the song's body with MIN_DESK_PARTS parts heard together, with those parts. */
function deskLoops(song: ImportedSongSummary) {
  return bodyLoops(song)
    .map((loop) => ({ loop, heard: heardTracks(song, loop) }))
    .filter((d) => d.heard.length >= MIN_DESK_PARTS);
}

/** Why `song` cannot carry fix-mix (at `level`, when given) in plain words, or null when it can. */
export function importedFixMixProblem(song: ImportedSongSummary, level?: number): string | null {
  if (level !== undefined) {
    const bad = importedFixMixLevelProblem(level);
    if (bad) return bad;
  }
  return deskLoops(song).length > 0
    ? null
    : `“${song.name}” has no 8-second stretch where ${MIN_DESK_PARTS} parts play together at comparable levels.`;
}

/** A part's loop spectrum as the question carries it: dB at ANALYSIS_CENTRES, 0.1 dB steps. */
function bandsOf(track: ImportedTrackSummary, loop: Parameters<typeof loopBands>[1]): number[] {
  return loopBands(track, loop).map((v) => roundTo(10 * Math.log10(Math.max(v, 1e-20)), 0.1) + 0);
}

/** The grader steps between two desks of a question (the good mix `after`, the desk `before`). */
export function stepsBetween(
  q: FixMixQuestion,
  before: readonly TrackMix[],
  after: readonly TrackMix[],
): number {
  const one: FixMixQuestion = { ...q, reference: [...after], start: [...before] };
  return gradeAnswer(one, { faults: [], tracks: [...before] }).repair.startTotal;
}

/** The good mix with only `f` as found: its dimension's controls on the parts it touched taken from B. */
export function withOnly(q: FixMixQuestion, f: PlantedFault): TrackMix[] {
  const dim = FAULT_DIMENSION[f.fault as keyof typeof FAULT_DIMENSION];
  const differs = (i: number) => JSON.stringify(q.start[i]) !== JSON.stringify(q.reference[i]);
  const touched = (i: number) =>
    f.track
      ? q.tracks[i]?.id === f.track
      : f.fault === 'mono'
        ? true
        : differs(i) && (q.start[i] as TrackMix).eq[1].frequencyHz <= LOW_END_HZ[1];
  return q.reference.map((r, i) => {
    const t = copyTrackMix(r);
    const b = q.start[i] as TrackMix;
    if (!touched(i)) return t;
    if (dim === 'balance') t.faderDb = b.faderDb;
    if (dim === 'pan') t.pan = b.pan;
    if (dim === 'tone') {
      const k = f.fault === 'harsh' ? 2 : 1;
      t.eq[k] = { ...(b.eq[k] as TrackMix['eq'][number]) };
    }
    return t;
  });
}

/**
 * The rule every question on an imported song passes: a loop of the song's body, every part playing in three
 * quarters of it, its spectra the loop's, and each planted fault alone CLEAR_STEPS grader steps or more.
 */
export function importedAudibility(q: FixMixQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  if (!loop) return inaudible('not a loop of this song');
  if (!bodyLoops(song).some((l) => l.firstSegment === loop.firstSegment)) return inaudible('not in the body');
  const tracks = q.tracks.map((r) => song.tracks.find((t) => importedTrackId(t) === r.id));
  if (tracks.some((t) => !t || loopActivity(t, loop) < ACTIVE_SHARE))
    return inaudible('a part plays too little');
  const bands = (tracks as ImportedTrackSummary[]).map((t) => bandsOf(t, loop));
  if (JSON.stringify(bands) !== JSON.stringify(q.bandsDb)) return inaudible('its spectra are not the loop’s');
  if (q.faults.length === 0) return inaudible('no fault planted');
  const least = Math.min(...q.faults.map((f) => stepsBetween(q, withOnly(q, f), q.reference)));
  return { planted: least, required: CLEAR_STEPS };
}

/** A question on an imported song for (seed, level), from its summary: deterministic, plain JSON. */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): FixMixQuestion {
  const lvl = clampLevel(meta, level);
  const problem = importedFixMixProblem(song, lvl);
  if (problem) throw new Error(problem);
  const p = levelSpec(meta, lvl).params;
  const rng = createRng(seed);
  const loops = deskLoops(song);
  const { loop, heard } = rng.fork('loop').pick(loops);
  const chosen = new Set(
    rng
      .fork('tracks')
      .shuffle(heard.map((t) => t.key))
      .slice(0, p.tracks.length),
  );
  const picked = heard.filter((t) => chosen.has(t.key));
  const parts: ImportedDeskPart[] = picked.map((t) => ({
    id: importedTrackId(t),
    name: t.name,
    role: t.role,
    bandsDb: bandsOf(t, loop),
  }));
  const dimensions = [...p.dimensions];
  // Step one offers every fault of the level these parts could show, whatever this desk shows.
  const choices = p.faults.filter((f) => couldCarry(f, parts, dimensions));
  const found = drawImportedDesk(rng.fork('desk'), parts, dimensions, choices);
  const count = rng.fork('count').int(p.count[0], p.count[1]);
  const start = copyDesk(found.desk);
  const reference = copyDesk(found.desk);
  const base: FixMixQuestion = {
    kind: 'fix-mix',
    seed,
    level: lvl,
    tracks: picked.map(importedTrackRef),
    dimensions,
    choices: [...choices] as FaultName[],
    reference,
    start,
    faults: [],
    source: importedSource(song, loop),
    production: null,
    bandsDb: parts.map((x) => [...x.bandsDb]),
  };
  const taken = new Set<number>();
  const faults: PlantedFault[] = [];
  const pool = rng.fork('faults').shuffle(choices.filter((f) => faultPlaces(f, parts, found).length > 0));
  const plantRng = rng.fork('plant');
  for (const fault of pool) {
    if (faults.length >= count) break;
    const frng = plantRng.fork(fault);
    const places = frng.shuffle(
      faultPlaces(fault, parts, found).filter((place) => place.every((i) => !taken.has(i))),
    );
    for (const place of places) {
      // Tried on a copy: kept only when the fault alone is clearly heard by the grader.
      const trial = copyDesk(reference);
      const planted = plantImportedFault(frng.fork(place.join('+')), fault, place, parts, found, trial);
      const steps = stepsBetween(base, reference, trial);
      if (steps < CLEAR_STEPS) continue;
      trial.forEach((t, i) => {
        reference[i] = t;
      });
      for (const i of place) taken.add(i);
      faults.push(planted);
      break;
    }
  }
  if (faults.length === 0)
    throw new Error(`fix-mix level ${lvl}: no fault fits this desk of “${song.name}”.`);
  faults.sort((a, b) => choices.indexOf(a.fault as never) - choices.indexOf(b.fault as never));
  return { ...base, faults };
}
