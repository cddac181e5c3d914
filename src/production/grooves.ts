/**
 * Per-style rhythm patterns, written as 16-character strings (one character per sixteenth of a bar).
 * Drums: 'X' 1.0, 'x' 0.85, 'o' 0.65, 'g' 0.35 (ghost), '.' rest.
 * Bass: 'R' root, 'F' fifth, 'O' octave, 'A' approach (scale step towards the next root), '-' hold, '.' rest.
 * Chords/keys: 'C' whole chord, '0'..'5' one chord tone counted up from the bottom, '-' hold, '.' rest.
 * Melody cells: one beat of four sixteenths, 'x' an onset, '.' no onset (the sounding note holds).
 */
import { DRUM_HIT_TRACK } from './drum-hits';
import type { DrumPattern, StyleId } from './types';

/** How a style fills the last beats before a new section. */
export type FillKind = 'toms' | 'snare-roll' | 'hats-roll' | 'build';

/** The patterns one style picks from. */
export interface StyleGrooves {
  /** Alternative one-bar grooves: rows of "hit: steps". */
  drums: readonly (readonly [number, string])[][];
  fill: FillKind;
  bass: readonly string[];
  chords: readonly string[];
  keys: readonly string[];
  /** Melody rhythm cells (weighted by repetition); choruses add longer notes. */
  cells: readonly string[];
}

const GROOVES: Record<StyleId, StyleGrooves> = {
  pop: {
    drums: [
      [
        [36, 'X.....x.x.......'],
        [38, '....X.......X...'],
        [42, 'x.o.x.o.x.o.x.o.'],
        [70, '..o...o...o...o.'],
        [39, '....x.......x...'],
      ],
      [
        [36, 'X..x....X.x.....'],
        [38, '....X.......X..g'],
        [42, 'xoxoxoxoxoxoxoxo'],
        [46, '..............o.'],
        [54, '....o.......o...'],
      ],
      [
        [36, 'X...X...X...X...'],
        [38, '....X.......X...'],
        [42, '..x...x...x...x.'],
        [44, 'o...o...o...o...'],
        [70, 'o.oo.oo.o.oo.oo.'],
        [39, '....x.......x...'],
      ],
      [
        [36, 'X.........X.....'],
        [38, '........X.......'],
        [42, 'x.o.x.o.x.o.x.o.'],
        [46, '......o.........'],
        [54, '..o...o...o...o.'],
      ],
    ],
    fill: 'snare-roll',
    bass: ['R-.RR-.RR-.RF-A-', 'R-R-R-R-R-R-O-F-', 'R--R--R-R--R--A-', 'R-.R.-R-O-.R.-F-'],
    chords: ['C---------------', 'C-------C-------'],
    keys: ['0-2-1-2-0-2-1-2-', '0.1.2.3.2.1.0.1.', 'C-.C-.C-C-.C-.C-', '..C-..C-..C-..C-'],
    cells: ['x...', 'x.x.', 'x.x.', '....', '..x.', 'x...', 'x..x'],
  },
  rock: {
    drums: [
      [
        [36, 'X.....x.X.x.....'],
        [38, '....X.......X...'],
        [42, 'x.x.x.x.x.x.x.x.'],
        [54, 'o...o...o...o...'],
      ],
      [
        [36, 'X.x.....X.x..x..'],
        [38, '....X..g....X...'],
        [42, 'x.o.x.o.x.o.x.o.'],
        [46, '..............x.'],
        [70, 'o.o.o.o.o.o.o.o.'],
      ],
      [
        [36, 'X...X...X...X...'],
        [38, '....X.......X...'],
        [42, 'x.x.x.x.x.x.x.x.'],
        [46, '..............o.'],
        [54, '....o.......o...'],
      ],
      [
        [36, 'X.......X..x....'],
        [38, '........X......g'],
        [42, 'x.o.x.o.x.o.x.o.'],
        [70, 'o.o.o.o.o.o.o.o.'],
      ],
    ],
    fill: 'toms',
    bass: ['R-R-R-R-R-R-R-R-', 'R-R-R-R-F-F-O-A-', 'R-.RR-.RR-R-F-A-'],
    chords: ['C-.C-.C-C-.C-.C-', 'C-C-C-C-C-C-C-C-'],
    keys: ['C---------------', 'C-------C---C---', 'C---C---C---C---'],
    cells: ['x.x.', 'x...', 'x.x.', '....', '..x.'],
  },
  hiphop: {
    drums: [
      [
        [36, 'X......x..x.....'],
        [38, '....X.......X...'],
        [42, 'x.o.x.o.x.o.x.oo'],
        [70, '.o.o.o.o.o.o.o.o'],
      ],
      [
        [36, 'X.x.......X..x..'],
        [38, '....X..g....X...'],
        [42, 'xoxoxoxoxoxoxoxo'],
        [54, '....o.......o...'],
      ],
      [
        [36, 'X.........X..x..'],
        [38, '....X.......X...'],
        [37, '..........g.....'],
        [42, 'x.x.x.x.x.x.x.x.'],
        [54, '....o.......o...'],
      ],
      [
        [36, 'X.....X...X.....'],
        [38, '........X.......'],
        [42, 'xoxoxoxoxoxoxoxo'],
        [46, '..............o.'],
        [70, 'o.o.o.o.o.o.o.o.'],
      ],
    ],
    fill: 'hats-roll',
    bass: ['R------R--R-----', 'R-----R-.R----A-', 'R-------..R-F---'],
    chords: ['C---------------'],
    keys: ['..C-....C-..C...', '.C...C..C..C....', '0---2---1-----3-'],
    cells: ['x.xx', 'x..x', '.x.x', 'x.x.', '..x.', 'xx.x'],
  },
  electronic: {
    drums: [
      [
        [36, 'X...X...X...X...'],
        [38, '....X.......X...'],
        [42, 'xoxox.xoxox.xoxo'],
        [46, '..x...x...x...x.'],
        [70, 'o.oo.oo.o.oo.oo.'],
      ],
      [
        [36, 'X...X...X...X...'],
        [38, '....X.......X...'],
        [42, 'x.x.x.x.x.x.x.x.'],
        [46, '..x...x...x...x.'],
        [54, '.o.o.o.o.o.o.o.o'],
        [39, '....x.......x..x'],
      ],
      [
        [36, 'X.........X.....'],
        [38, '....X.......X...'],
        [42, 'x.xxx.xxx.xxx.xx'],
        [46, '......x.........'],
        [70, 'o.o.o.o.o.o.o.o.'],
      ],
      [
        [36, 'X...X...X...X...'],
        [38, '....x.......x...'],
        [42, '..x...x...x...x.'],
        [44, 'o...o...o...o...'],
        [39, '....X.......X...'],
        [54, 'o.o.o.o.o.o.o.o.'],
      ],
    ],
    fill: 'build',
    bass: ['..R-..R-..R-..R-', '.ROR.ROR.ROR.ROR', 'R.RRR.RRR.RRR.RO'],
    chords: ['..C-..C-..C-..C-', 'C--C--C-C--C--C-'],
    keys: ['0120120120120121', '0123012301230123', '0.2.1.3.0.2.1.3.'],
    cells: ['x...', 'x.x.', '....', '..x.', 'x..x'],
  },
  ballad: {
    drums: [
      [
        [36, 'X.........x.....'],
        [37, '....x.......x...'],
        [42, 'o.g.o.g.o.g.o.g.'],
        [70, 'o.o.o.o.o.o.o.o.'],
      ],
      [
        [36, 'X.......X.x.....'],
        [38, '....o.......o...'],
        [42, 'o.o.o.o.o.o.o.o.'],
        [54, '....g.......g...'],
      ],
      [
        [36, 'X.......X.......'],
        [37, '....x.......x...'],
        [42, 'o...o...o...o...'],
        [54, '..g...g...g...g.'],
      ],
      [
        [36, 'X..x......x.....'],
        [38, '....o.......o..g'],
        [42, 'o.g.o.g.o.g.o.g.'],
        [46, '..............g.'],
        [70, 'o.o.o.o.o.o.o.o.'],
      ],
    ],
    fill: 'snare-roll',
    bass: ['R-------F-------', 'R-----F-O-----A-', 'R-------R---F-A-', 'R-----R---F---O-'],
    chords: ['C---------------'],
    keys: ['0-1-2-3-4-3-2-1-', '0---2---1---3---', '0-2-3-2-1-2-3-2-'],
    cells: ['x...', '....', 'x.x.', 'x...', '....', '..x.'],
  },
};

/** The patterns of a style. */
export function styleGrooves(id: StyleId): StyleGrooves {
  return GROOVES[id];
}

const VELOCITY: Readonly<Record<string, number>> = { X: 1, x: 0.85, o: 0.65, g: 0.35 };

/** Turns "X...x..." into 16 velocities (0 = rest). */
export function parseSteps(text: string): number[] {
  return Array.from({ length: 16 }, (_, i) => VELOCITY[text[i] ?? '.'] ?? 0);
}

/** One of a style's grooves as an editable step grid. */
export function drumPatternOf(style: StyleId, index: number): DrumPattern {
  const options = GROOVES[style].drums;
  const rows = options[((index % options.length) + options.length) % options.length] ?? [];
  return rows.map(([hit, steps]) => ({
    track: DRUM_HIT_TRACK[hit] ?? 'perc',
    hit,
    steps: parseSteps(steps),
  }));
}

/** One onset of a bass/chord/keys pattern: its symbol, first step and length in steps. */
export interface PatternHit {
  symbol: string;
  step: number;
  steps: number;
}

/** Reads a 16-step pattern: every character other than '-' and '.' starts a note, '-' holds it. */
export function readPattern(text: string): PatternHit[] {
  const hits: PatternHit[] = [];
  for (let i = 0; i < 16; i++) {
    const c = text[i] ?? '.';
    if (c === '-') {
      const last = hits[hits.length - 1];
      if (last && last.step + last.steps === i) last.steps++;
    } else if (c !== '.') hits.push({ symbol: c, step: i, steps: 1 });
  }
  return hits;
}
