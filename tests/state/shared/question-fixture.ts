// Questions made by the kinds' pure generators in Node (synthesis only): the reference the song Worker's
// questions are compared with (song-question.browser.test.ts), kept as JSON beside this file and checked
// against Node's generate by song-question.test.ts.
import type { ExerciseId } from '../../../src/exercises/registry';

/** Which questions the fixture holds: song-based kinds and one that needs no song, two seeds each. */
export const FIXTURE_CASES: readonly {
  kind: ExerciseId;
  seed: number;
  level: number;
  value: number | null;
}[] = [
  { kind: 'level-change', seed: 11, level: 1, value: null },
  { kind: 'level-change', seed: 12, level: 3, value: null },
  { kind: 'level-change', seed: 13, level: 1, value: 2.5 },
  { kind: 'pan-position', seed: 21, level: 2, value: null },
  { kind: 'eq-boost', seed: 31, level: 1, value: null },
  { kind: 'reverb-time', seed: 41, level: 1, value: null },
];
