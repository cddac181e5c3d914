import { useEffect, useMemo, useState } from 'preact/hooks';
import type { QuizAttempt, QuizHistory } from '../../../lessons/progress.pure';
import { passedFirstTry, quizHistoryOf } from '../../../lessons/progress.pure';
import { choiceOrder, retrySeed } from '../../../lessons/quiz-order.pure';
import { reachesPass } from '../../../lessons/quiz-rules.pure';
import type { ListenBlock, QuizBlock as QuizData, QuizQuestion } from '../../../lessons/schema';
import { freshQuizSeed } from '../../../state/lessons/lesson-quiz';
import { ListenSides, onListenKey, useListenModel } from './listen-block';
import { ListenControls } from './listen-controls';
import type { GradedBlockProps } from './types';

/** Share of questions answered right, 0–100 (picks are authored choice indices). */
function scoreOf(questions: readonly QuizQuestion[], picks: readonly (number | null)[]): number {
  const right = questions.filter((q, i) => q.choices[picks[i] ?? -1]?.correct).length;
  return Math.round((100 * right) / Math.max(1, questions.length));
}

/** A quiz's props: a graded block, plus its attempt history and a way to record a checked attempt. */
export interface QuizBlockProps extends GradedBlockProps<QuizData> {
  /** Earlier checked attempts of this profile (undefined before the first). */
  history?: QuizHistory | undefined;
  /** Records a checked attempt (its seed, picks, score and whether the key had been shown). */
  onAttempt?: (attempt: QuizAttempt) => void;
}

/**
 * The A/B player of a listening question. The choices open once both sides have been heard: `onHeard`
 * fires when A and B have each played.
 */
function QuizListen({ block, onHeard }: { block: ListenBlock; onHeard: () => void }) {
  const model = useListenModel(block);
  const [heard, setHeard] = useState<{ a: boolean; b: boolean }>({ a: false, b: false });
  const playing = model.state.value?.playing ?? false;
  const side = model.selected.value;
  useEffect(() => {
    if (playing && !heard[side]) setHeard({ ...heard, [side]: true });
  }, [playing, side, heard]);
  useEffect(() => {
    if (heard.a && heard.b) onHeard();
  }, [heard, onHeard]);
  const left = (['a', 'b'] as const).filter((s) => !heard[s]).map((s) => s.toUpperCase());
  return (
    <section class="quiz-listen" aria-label="Listen to A and B" onKeyDown={(e) => onListenKey(model, e)}>
      {block.caption && <p class="quiz-listen-caption" dangerouslySetInnerHTML={{ __html: block.caption }} />}
      <ListenControls model={model} secret />
      <ListenSides model={model} hideMoves />
      <p class="quiz-listen-hint muted" aria-live="polite">
        {left.length === 0
          ? 'You have heard A and B: now choose.'
          : `Play ${left.join(' and ')} first: the choices open once you have heard both sides. Keys: P plays, A and B switch.`}
      </p>
    </section>
  );
}

function Question(props: {
  quizId: string;
  index: number;
  total: number;
  question: QuizQuestion;
  order: readonly number[];
  pick: number | null;
  checked: boolean;
  heard: boolean;
  onHeard: () => void;
  onPick: (choice: number) => void;
}) {
  const { quizId, index, total, question, order, pick, checked, heard, onHeard, onPick } = props;
  const name = `${quizId}-q${index}`;
  const right = pick !== null && question.choices[pick]?.correct === true;
  const locked = !checked && question.listen !== undefined && !heard;
  return (
    <fieldset class={`quiz-question${checked ? (right ? ' is-right' : ' is-wrong') : ''}`}>
      <legend class="quiz-legend">
        {total > 1 && (
          <span class="quiz-number">
            Question {index + 1} of {total}
          </span>
        )}
        {/* The prompt is lesson Markdown turned into HTML at build time (raw HTML is dropped). */}
        <div class="quiz-prompt" dangerouslySetInnerHTML={{ __html: question.promptHtml }} />
      </legend>
      {question.listen && <QuizListen block={question.listen} onHeard={onHeard} />}
      <ul class={`quiz-choices${locked ? ' is-locked' : ''}`}>
        {order.map((c) => {
          const choice = question.choices[c];
          if (!choice) return null;
          const chosen = pick === c;
          const state = !checked ? '' : choice.correct ? ' is-correct' : chosen ? ' is-chosen-wrong' : '';
          return (
            <li key={c} class={`quiz-choice${state}`}>
              <label class="quiz-option">
                <input
                  type="radio"
                  name={name}
                  checked={chosen}
                  disabled={checked || locked}
                  onChange={() => onPick(c)}
                />
                <span dangerouslySetInnerHTML={{ __html: choice.html }} />
              </label>
              {checked && (
                <div class="quiz-explanation">
                  {choice.correct && (
                    <span class="quiz-mark">{chosen ? 'Your answer: correct' : 'Correct answer'}</span>
                  )}
                  {chosen && !choice.correct && <span class="quiz-mark">Your answer</span>}
                  <div dangerouslySetInnerHTML={{ __html: choice.explanationHtml }} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** The seed of a new attempt: fresh, or (once the key has been shown) one that moves every right choice. */
function nextSeed(block: QuizData, previous: number | undefined): number {
  const fresh = freshQuizSeed();
  return previous === undefined ? fresh : retrySeed(block.questions, previous, fresh);
}

/**
 * A multiple-choice quiz: the choices come in a new shuffled order on every attempt (the seed is stored
 * with the attempt), listening questions open once A and B were heard, and a pass after the answers were
 * shown is recorded as a retry, not a first-try pass.
 */
export function QuizBlock({ block, best, onScore, history, onAttempt }: QuizBlockProps) {
  const lastSeed = quizHistoryOf(history)?.recent.at(-1)?.seed;
  const [seed, setSeed] = useState(() => nextSeed(block, lastSeed));
  const order = useMemo(() => choiceOrder(block.questions, seed), [block, seed]);
  const [picks, setPicks] = useState<(number | null)[]>(() => block.questions.map(() => null));
  const [heard, setHeard] = useState<boolean[]>(() => block.questions.map(() => false));
  const [checked, setChecked] = useState(false);
  // The key counts as seen once any attempt of this quiz was checked (now or in an earlier visit).
  const [keySeen, setKeySeen] = useState(history !== undefined);
  const [lastAfterKey, setLastAfterKey] = useState(false);
  const answered = picks.every((p) => p !== null);
  const score = scoreOf(block.questions, picks);
  const right = Math.round((score * block.questions.length) / 100);
  const passed = reachesPass(right, block.questions.length, block.pass);
  const hearHandlers = useMemo(
    () => block.questions.map((_, i) => () => setHeard((h) => (h[i] ? h : h.map((v, j) => v || j === i)))),
    [block],
  );

  const check = () => {
    if (!answered) return;
    const afterKey = keySeen;
    setChecked(true);
    setKeySeen(true);
    setLastAfterKey(afterKey);
    const attempt: QuizAttempt = {
      seed,
      picks: picks.map((p) => p ?? -1),
      score,
      passed,
      afterKey,
      at: Date.now(),
    };
    if (onAttempt) onAttempt(attempt);
    else onScore(score);
  };
  const retry = () => {
    setSeed(nextSeed(block, seed));
    setPicks(block.questions.map(() => null));
    setChecked(false);
  };
  const firstTry = passedFirstTry(history);

  return (
    <section class="block quiz" aria-labelledby={`${block.id}-title`} data-quiz-seed={seed}>
      <header class="block-head">
        <h3 id={`${block.id}-title`} class="block-title">
          <span class="block-kind">Quiz</span>
          {block.questions.length === 1 ? 'One question' : `${block.questions.length} questions`}
        </h3>
        <p class="block-meta">
          Pass mark {block.pass}%{best !== undefined && <> · best so far {best}%</>}
          {firstTry && <> · passed on the first try</>}
        </p>
      </header>
      {block.questions.map((q, i) => (
        <Question
          key={i}
          quizId={block.id}
          index={i}
          total={block.questions.length}
          question={q}
          order={order[i] ?? []}
          pick={picks[i] ?? null}
          checked={checked}
          heard={heard[i] ?? false}
          onHeard={hearHandlers[i] ?? (() => undefined)}
          onPick={(c) => setPicks((now) => now.map((p, j) => (j === i ? c : p)))}
        />
      ))}
      <div class="quiz-actions" aria-live="polite">
        {!checked ? (
          <>
            <button type="button" class="btn btn-primary" onClick={check} disabled={!answered}>
              Check {block.questions.length === 1 ? 'answer' : 'answers'}
            </button>
            {!answered && <span class="muted">Choose an answer for every question first.</span>}
          </>
        ) : (
          <>
            <p class={`quiz-result ${passed ? 'is-pass' : 'is-fail'}`} role="status">
              {right} of {block.questions.length} right ({score}%).{' '}
              {!passed
                ? `The pass mark is ${block.pass}%: read the explanations, then try again.`
                : lastAfterKey
                  ? 'Passed. You had seen the answers before this try, so it counts as passed on a retry, not on the first try.'
                  : 'Passed. First try.'}
            </p>
            <button type="button" class="btn" onClick={retry}>
              Try again
            </button>
          </>
        )}
      </div>
    </section>
  );
}
