import { NOTE_CACHE_SAMPLES } from '../../production/sampler/render-sampled';

/**
 * How many samples of rendered notes the song Worker keeps for the song it renders next (issue 21). A drill's
 * songs are short (12 bars: one fills about 26 MB of notes) and each question brings another, so a drill keeps
 * 4 M samples (16 MB): the notes a song repeats. Measured on ten level-change questions' songs in Node (CPU,
 * two runs each): 3.1–3.5 s of renders with 8 M kept (30 MB), 3.6 s with 4 M (15 MB), 3.5–3.8 s with 3 M; a
 * render is under a tenth of Next's wait. Longer songs (the Mix page's) keep the whole cache, or a second
 * render re-renders every note.
 */
export const DRILL_KEPT_NOTE_SAMPLES = 4_000_000;

/** The longest song rendered with the drill's smaller note cache, bars (exercise songs are 12). */
export const DRILL_SONG_MAX_BARS = 16;

/** Samples of notes to keep while rendering a song of `bars` bars. */
export function keptNoteSamplesFor(bars: number): number {
  return bars <= DRILL_SONG_MAX_BARS ? DRILL_KEPT_NOTE_SAMPLES : NOTE_CACHE_SAMPLES;
}
