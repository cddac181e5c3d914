import { useEffect, useMemo, useState } from 'preact/hooks';
import { type ExerciseQuestion, exercises } from '../../exercises/registry';
import {
  hasPracticeList,
  type PracticeChoice,
  practiceChoices,
  practiceOffered,
  practiceSeed,
} from '../../exercises/shared/practice-choices';
import { createDrillPlayer } from '../../state/drill/drill-player';
import { pathAttempts } from '../../state/path/path';
import { generateQuestionInWorker } from '../../state/shared/song-stems';
import './practice.css';

/** Practice seeds tried until one draws a drill with a list (levels that mix drills, e.g. "which" and "how much"). */
const PRACTICE_TRIES = 4;

/** Makes the practice example: the first of a few practice seeds whose drill has a list of answers to hear. */
async function makePractice(question: ExerciseQuestion): Promise<ExerciseQuestion> {
  let seed = question.seed;
  let made: ExerciseQuestion | null = null;
  for (let i = 0; i < PRACTICE_TRIES; i++) {
    seed = practiceSeed(seed);
    made = await (generateQuestionInWorker(question.kind, seed, question.level, null) ??
      Promise.resolve(exercises[question.kind].generate(seed, question.level) as ExerciseQuestion));
    if (hasPracticeList(made)) return made;
  }
  return made as ExerciseQuestion;
}

/** Keeps Enter and Space on a practice button from reaching the drill's own keys (Enter would submit). */
function ownKeys(event: KeyboardEvent): void {
  if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
}

/**
 * "Hear every choice" before the first scored question of a drill: a practice question of the same kind and
 * level (never the scored one), each possible answer auditioned as B against the reference as A, with a
 * sentence of what it sounds like. Nothing here is scored or stored. `onPlay` stops the drill's own player.
 * The practice example is made only when the learner opens it (in the song Worker where there is one). Offered
 * in full before a learner's first drill of a kind; after that, as a small "Practise the choices" link.
 */
export function PracticePanel({ question, onPlay }: { question: ExerciseQuestion; onPlay: () => void }) {
  const [open, setOpen] = useState(false);
  const [offered, setOffered] = useState(false);
  const [current, setCurrent] = useState<number | null>(null);
  const [practice, setPractice] = useState<ExerciseQuestion | null>(null);
  useEffect(() => {
    if (!open || practice) return;
    let live = true;
    void makePractice(question)
      .then((q) => live && setPractice(q))
      .catch(() => live && setPractice(null));
    return () => {
      live = false;
    };
  }, [open, practice, question]);
  // The audibility check reads the example's song (analysed once, under a second): after "Preparing" shows.
  const [choices, setChoices] = useState<PracticeChoice[] | null>(null);
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    setChoices(null);
    setChecked(false);
    if (!practice) return;
    const timer = setTimeout(() => {
      setChoices(practiceChoices(practice));
      setChecked(true);
    }, 50);
    return () => clearTimeout(timer);
  }, [practice]);
  const player = useMemo(() => (open && practice ? createDrillPlayer() : null), [open, practice]);
  useEffect(() => {
    if (!player || !practice) return;
    void player.load(practice.kind, practice, true);
    return () => player.dispose();
  }, [player, practice]);
  if (!practiceOffered(question.kind, question.level)) return null;
  // A learner who has done a drill of this kind before is offered practice quietly.
  const practisedBefore = pathAttempts.value?.some((a) => a.exercise === question.kind) ?? false;
  if (practisedBefore && !open && !offered)
    return (
      <p class="practice-again">
        <button type="button" class="btn btn-ghost" onClick={() => setOffered(true)} onKeyDown={ownKeys}>
          Practise the choices
        </button>
      </p>
    );
  const status = player?.status.value;
  const selected = player?.state.value?.selected;
  const playing = player?.state.value?.playing ?? false;
  const hear = async (i: number) => {
    if (!player) return;
    onPlay();
    setCurrent(i);
    const choice = choices?.[i];
    if (!choice) return;
    await player.review(choice.answer);
    player.select('b');
    if (!playing) await player.play();
  };
  return (
    <section class="panel practice" aria-labelledby="practice-title">
      <h3 id="practice-title" class="practice-title">
        Practice first: hear every choice
      </h3>
      {!open ? (
        <>
          <p class="muted">
            Before the scored questions, listen to what each possible answer sounds like against the
            reference, on a practice example. Nothing here is scored.
          </p>
          <button type="button" class="btn" onClick={() => setOpen(true)} onKeyDown={ownKeys}>
            Hear every choice
          </button>
        </>
      ) : (
        <>
          <p class="muted" aria-live="polite">
            {practice && checked && !choices
              ? 'This practice example has no list of choices to hear: go on to the scored question.'
              : status === 'failed'
                ? (player?.error.value ?? 'The practice audio could not be prepared.')
                : status === 'ready' && checked
                  ? 'Pick a choice to hear it as B; A is the reference. Not scored.'
                  : 'Preparing the practice example…'}
          </p>
          <ul class="practice-choices">
            {(choices ?? []).map((c, i) => (
              <li key={c.label}>
                <button
                  type="button"
                  class={`btn practice-choice${current === i ? ' is-current' : ''}`}
                  aria-pressed={current === i}
                  disabled={status !== 'ready' || !checked}
                  onClick={() => void hear(i)}
                  onKeyDown={ownKeys}
                >
                  {c.label}
                </button>
                <span class="practice-sentence">{c.sentence}</span>
              </li>
            ))}
          </ul>
          <div class="practice-controls">
            <button
              type="button"
              class="btn btn-ghost"
              aria-pressed={selected === 'a'}
              disabled={current === null}
              onClick={() => player?.select('a')}
              onKeyDown={ownKeys}
            >
              A: reference
            </button>
            <button
              type="button"
              class="btn btn-ghost"
              aria-pressed={selected === 'b'}
              disabled={current === null}
              onClick={() => player?.select('b')}
              onKeyDown={ownKeys}
            >
              B: this choice
            </button>
            <button
              type="button"
              class="btn btn-ghost"
              onClick={() => {
                player?.stop();
                setOpen(false);
                setCurrent(null);
              }}
              onKeyDown={ownKeys}
            >
              Done practising
            </button>
          </div>
        </>
      )}
    </section>
  );
}
