/** Lesson data as the build produces it: plain JSON, typed, nothing left to parse at run time. */
import type { NoteValue } from '../dsp/delay';
import type { Decibels, Hz, Milliseconds, Pan, Seconds } from '../dsp/units';
import { SONG_TRACK_IDS, type StyleId, type TrackId } from '../production/types';

/** The two tracks of the curriculum. */
export type LessonTrack = 'production' | 'mixing';

/** Every track, in the order the map shows them. */
export const LESSON_TRACKS: readonly LessonTrack[] = ['production', 'mixing'];

/** Song styles a lesson may name in `song="style-seed"`. */
export const LESSON_STYLES: readonly StyleId[] = ['pop', 'rock', 'hiphop', 'electronic', 'ballad'];

/** Tracks a lesson may name (every generated song has all of them). */
export const LESSON_TRACK_IDS: readonly TrackId[] = SONG_TRACK_IDS;

/** Controls a `::mixer` block can show. */
export type MixerControl = 'fader' | 'pan' | 'width' | 'eq' | 'comp' | 'sends' | 'mute' | 'solo';

/** Every mixer control, in strip order. */
export const MIXER_CONTROLS: readonly MixerControl[] = [
  'fader',
  'pan',
  'width',
  'eq',
  'comp',
  'sends',
  'mute',
  'solo',
];

/** Where a `::mixer` block's faders start. */
export type MixerStart = 'rough' | 'down' | 'unity';

/** Diagrams a lesson can embed with `::diagram{name=...}` (drawn by the UI, themed). */
export const DIAGRAM_NAMES = [
  'channel-strip',
  'frequency-ranges',
  'compressor-curve',
  'song-stages',
] as const;

/** A diagram's name. */
export type DiagramName = (typeof DIAGRAM_NAMES)[number];

/** Asides a lesson can hold with `:::tip` or `:::caution`. */
export type AsideKind = 'tip' | 'caution';

/** The music a block plays: a generated song (style + seed) or pink noise. */
export type LessonSource = { type: 'song'; style: StyleId; seed: number } | { type: 'pink' };

/** One EQ move of a listening setting. */
export interface EqMove {
  type: 'lowshelf' | 'peaking' | 'highshelf';
  frequency: Hz;
  gainDb: Decibels;
  /** Linear Q (peaking); shelves ignore it. */
  q: number;
}

/** A compressor setting of a listening example (fields as in src/dsp/compressor.ts). */
export interface CompMove {
  thresholdDb: Decibels;
  ratio: number;
  attackMs: Milliseconds;
  releaseMs: Milliseconds;
  makeupDb: Decibels;
}

/** A send to the reverb return, with the room's decay time. */
export interface ReverbMove {
  seconds: Seconds;
  sendDb: Decibels;
}

/** A send to the tempo-synced delay return. */
export interface DelayMove {
  /** Tempo-synced note value ('1/4', '1/8d', …). */
  note: NoteValue;
  /** 0 … 0.9. */
  feedback: number;
  sendDb: Decibels;
}

/**
 * One side (A or B) of a listening example: changes from a flat, unity, centred strip on the block's
 * track (or on the whole mix when no track is named). Absent fields mean "leave as it is".
 */
export interface ListenSetting {
  /** The words the author wrote, shown as the side's label when no label is given. */
  text: string;
  faderDb?: Decibels;
  pan?: Pan;
  highPassHz?: Hz;
  eq?: EqMove[];
  compressor?: CompMove;
  reverb?: ReverbMove;
  delay?: DelayMove;
  mute?: boolean;
}

/** Fields every block has. */
interface BlockBase {
  /** Line of the directive in the lesson file (1-based). */
  line: number;
}

/** Markdown prose, already turned into HTML at build time (raw HTML in lessons is dropped). */
export interface ProseBlock extends BlockBase {
  type: 'prose';
  html: string;
}

/** A short aside (tip or caution) with prose inside. */
export interface AsideBlock extends BlockBase {
  type: 'aside';
  kind: AsideKind;
  html: string;
}

/** A diagram drawn by the UI. */
export interface DiagramBlock extends BlockBase {
  type: 'diagram';
  name: DiagramName;
  /** Caption under the picture (HTML of the label), or empty. */
  caption: string;
}

/** An A/B listening example. */
export interface ListenBlock extends BlockBase {
  type: 'listen';
  id: string;
  source: LessonSource;
  /** The track the settings apply to; absent = the whole mix. */
  track?: TrackId;
  /** Hear only `track` (otherwise the whole song plays with the change on `track`). */
  solo: boolean;
  a: ListenSetting;
  b: ListenSetting;
  /** Labels of the two sides for the switch (default "A" and "B" with the setting text). */
  aLabel: string;
  bLabel: string;
  /** Trim the louder side so both have the same integrated loudness (default true). */
  matched: boolean;
  /** Excerpt start and length in seconds, when the author chose them. */
  startS?: Seconds;
  durationS?: Seconds;
  /** What to listen for (HTML of the label), or empty. */
  caption: string;
}

/** A mixer on a song, with only some tracks and controls. */
export interface MixerBlock extends BlockBase {
  type: 'mixer';
  id: string;
  source: LessonSource;
  /** The tracks shown, in strip order. */
  tracks: TrackId[];
  controls: MixerControl[];
  start: MixerStart;
  /** The task (HTML of the label), or empty. */
  caption: string;
}

/** An embedded exercise: `count` questions of one kind and level, passed at an average of `pass`. */
export interface ExerciseBlock extends BlockBase {
  type: 'exercise';
  id: string;
  kind: string;
  level: number;
  count: number;
  /** Pass mark: average score 0 … 100. */
  pass: number;
  /** Title shown on the card (HTML of the label), or empty. */
  caption: string;
  /** The kind's title and the level's name from the exercise registry (filled in at build time). */
  kindTitle?: string;
  levelName?: string;
}

/** One choice of a quiz question. */
export interface QuizChoice {
  html: string;
  correct: boolean;
  /** Why this choice is right or wrong (HTML). */
  explanationHtml: string;
}

/** One multiple-choice question with exactly one correct choice (at least three choices). */
export interface QuizQuestion {
  promptHtml: string;
  choices: QuizChoice[];
  line: number;
  /**
   * A listening question's A/B example (a `::listen` line above the choices): the learner plays A and B
   * before the choices open. Its sides are labelled plain "A" and "B" unless the author names them.
   */
  listen?: ListenBlock;
}

/** A quiz: one or more questions; the score is the share answered right, passed at `pass`. */
export interface QuizBlock extends BlockBase {
  type: 'quiz';
  id: string;
  pass: number;
  questions: QuizQuestion[];
}

/** Anything a step can hold. */
export type LessonBlock =
  | ProseBlock
  | AsideBlock
  | DiagramBlock
  | ListenBlock
  | MixerBlock
  | ExerciseBlock
  | QuizBlock;

/** A block that has a pass mark. */
export type GradedBlock = ExerciseBlock | QuizBlock;

/** One screen of the player: a `##` heading and what follows it. */
export interface LessonStep {
  title: string;
  blocks: LessonBlock[];
}

/** The front matter of a lesson file. */
export interface LessonFrontMatter {
  id: string;
  title: string;
  track: LessonTrack;
  order: number;
  minutes: number;
  objectives: string[];
  prerequisites: string[];
  version: number;
}

/** What the lesson map needs, without the lesson body (kept in the small index chunk). */
export interface LessonSummary extends LessonFrontMatter {
  /** The lesson's file, relative to the project (for error messages and teachers). */
  file: string;
  stepTitles: string[];
  /** Pass marks by graded block id, so completion can be judged without the body. */
  passMarks: Record<string, number>;
  /** Interactive blocks by kind, for the map's badges. */
  blockCounts: { listen: number; mixer: number; exercise: number; quiz: number };
  /** The drills the lesson embeds (kind and level, in lesson order): the skill map's lesson-to-drill links. */
  drills?: { kind: string; level: number }[];
}

/** A whole lesson, loaded lazily from its own chunk. */
export interface Lesson extends LessonSummary {
  steps: LessonStep[];
}

/** Pass mark of exercise and quiz blocks that do not give one. */
export const DEFAULT_PASS = 70;

/** True for blocks that have a pass mark. */
export function isGraded(block: LessonBlock): block is GradedBlock {
  return block.type === 'exercise' || block.type === 'quiz';
}
