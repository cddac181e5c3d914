import type { SampleRate } from '../../dsp/units';
import type { ExerciseId } from '../../exercises/registry';
import type { PairLoudness } from '../../exercises/shared/play-ab';
import type { PreparedQuestion } from '../../exercises/shared/play-types';
import { contextForBuilding, currentAudioContext } from '../shared/audio';
import { measurePairLevels, measureQuestionLevels } from '../shared/level-match';
import { loadSongStems, questionInstruments } from '../shared/song-stems';
import { settings } from '../shared/storage';
import { playableQuestion } from './light-question';

/**
 * A drill question's audio, made ready before it is asked: its songs' stems, its A/B pair as played (ready-made
 * in Light mode) and its level match, so pressing Next only swaps it in. One question is held ahead at a time
 * (with the current one, at most two questions' audio in memory); its songs leave the stem memory once cut.
 */

/** A question's audio as the drill plays it. */
export interface QuestionAudio {
  /** As the kind prepared it (its level-match rule says whether to measure). */
  ready: PreparedQuestion<unknown>;
  /** As played: ready-made in Light mode, else `ready`. */
  playable: PreparedQuestion<unknown>;
  /** Its two sides' loudness, measured when the level match was on (undefined otherwise). */
  loudness: Promise<PairLoudness> | undefined;
}

/** Rate questions are prepared at before any live context exists (buffers resample if the context differs). */
const FALLBACK_RATE: SampleRate = 48000;

/** The live context to build on ahead of Play (made suspended if need be); none where Web Audio is absent. */
function liveContextAhead() {
  return typeof AudioContext === 'undefined' ? Promise.resolve(currentAudioContext()) : contextForBuilding();
}

/**
 * Prepares `question`'s audio at the live context's rate (see QuestionAudio), measuring its level match only
 * when `measure` says so (a question wanted now is measured by its caller, once it is still wanted).
 */
export async function prepareQuestionAudio(
  kind: ExerciseId,
  question: unknown,
  measure: boolean,
): Promise<QuestionAudio> {
  // The live context (made now, suspended until a Play) gives the rate, so nothing resamples later.
  const [{ playFor }, ctx] = await Promise.all([import('../../exercises/play-registry'), liveContextAhead()]);
  const sampleRate = ctx?.sampleRate ?? FALLBACK_RATE;
  // The instruments recorded with the question, if any (see questionInstruments); else this page's.
  const instruments = typeof question === 'object' && question ? questionInstruments(question) : undefined;
  const ready = await playFor(kind).prepare(question, {
    sampleRate,
    loadSong: (source) => loadSongStems(source, sampleRate, { instruments, release: true }),
  });
  // Light mode (slow devices): A and B ready-made offline, played as two flat tracks (light-question.ts).
  const playable = await playableQuestion(ready);
  return { ready, playable, loudness: measure ? measureIfOn(ready, playable) : undefined };
}

/**
 * The level match measured now when it is on and allowed (offline, in a Worker: no live context needed), so
 * even the first Play is quick; undefined otherwise.
 */
export function measureIfOn(
  ready: PreparedQuestion<unknown>,
  playable: PreparedQuestion<unknown>,
): Promise<PairLoudness> | undefined {
  if (!settings.peek().levelMatch || !ready.levelMatch.allowed) return undefined;
  const loudness = measureQuestionLevels(playable);
  loudness.catch(() => undefined);
  return loudness;
}

/**
 * Loads the play code and makes the live context while a drill's first question is being made (a song
 * question takes seconds in the Worker), so preparing it does not wait for them afterwards.
 */
export function warmQuestionAudio(): void {
  void Promise.all([import('../../exercises/play-registry'), liveContextAhead()]).catch(() => undefined);
  // The level-match Worker starts too (its code loads meanwhile): two silent sides cost nothing to measure.
  if (!settings.peek().levelMatch) return;
  const silent = { tracks: [] };
  void measurePairLevels({ a: silent, b: silent, labels: { a: '', b: '' } }, FALLBACK_RATE).catch(
    () => undefined,
  );
}

let ahead: { owner: object; question: unknown; audio: Promise<QuestionAudio> } | null = null;

/**
 * Starts preparing `question`'s audio for a later takeAhead (replacing any question held ahead), on behalf of
 * `owner` (a drill); resolves once it is ready (rejects when it could not be made).
 */
export function prepareAhead(kind: ExerciseId, question: unknown, owner: object): Promise<QuestionAudio> {
  if (ahead && ahead.question === question && ahead.owner === owner) return ahead.audio;
  const audio = prepareQuestionAudio(kind, question, true);
  audio.catch(() => {
    if (ahead?.audio === audio) ahead = null;
  });
  ahead = { owner, question, audio };
  return audio;
}

/** `question`'s audio if it was prepared ahead (handed over once, then no longer held here); else null. */
export function takeAhead(question: unknown): Promise<QuestionAudio> | null {
  if (!ahead || ahead.question !== question) return null;
  const { audio } = ahead;
  ahead = null;
  return audio;
}

/** Lets go of the question `owner` holds ahead (its drill ended); another drill's stays. */
export function dropAhead(owner: object): void {
  if (ahead?.owner === owner) ahead = null;
}
