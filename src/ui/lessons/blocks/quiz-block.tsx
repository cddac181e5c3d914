import { useState } from 'preact/hooks';
import type { QuizBlock as QuizData, QuizQuestion } from '../../../lessons/schema';
import type { GradedBlockProps } from './types';

/** Share of questions answered right, 0–100. */
function scoreOf(questions: readonly QuizQuestion[], picks: readonly (number | null)[]): number {
  const right = questions.filter((q, i) => q.choices[picks[i] ?? -1]?.correct).length;
  return Math.round((100 * right) / Math.max(1, questions.length));
}

function Question(props: {
  quizId: string;
  index: number;
  total: number;
  question: QuizQuestion;
  pick: number | null;
  checked: boolean;
  onPick: (choice: number) => void;
}) {
  const { quizId, index, total, question, pick, checked, onPick } = props;
  const name = `${quizId}-q${index}`;
  const right = pick !== null && question.choices[pick]?.correct === true;
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
      <ul class="quiz-choices">
        {question.choices.map((choice, c) => {
          const chosen = pick === c;
          const state = !checked ? '' : choice.correct ? ' is-correct' : chosen ? ' is-chosen-wrong' : '';
          return (
            <li key={c} class={`quiz-choice${state}`}>
              <label class="quiz-option">
                <input
                  type="radio"
                  name={name}
                  checked={chosen}
                  disabled={checked}
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

/** A multiple-choice quiz: pick, check, read why each choice is right or wrong, try again if needed. */
export function QuizBlock({ block, best, onScore }: GradedBlockProps<QuizData>) {
  const [picks, setPicks] = useState<(number | null)[]>(() => block.questions.map(() => null));
  const [checked, setChecked] = useState(false);
  const answered = picks.every((p) => p !== null);
  const score = scoreOf(block.questions, picks);
  const passed = score >= block.pass;
  const right = Math.round((score * block.questions.length) / 100);

  const check = () => {
    if (!answered) return;
    setChecked(true);
    onScore(score);
  };
  const retry = () => {
    setPicks(block.questions.map(() => null));
    setChecked(false);
  };

  return (
    <section class="block quiz" aria-labelledby={`${block.id}-title`}>
      <header class="block-head">
        <h3 id={`${block.id}-title`} class="block-title">
          <span class="block-kind">Quiz</span>
          {block.questions.length === 1 ? 'One question' : `${block.questions.length} questions`}
        </h3>
        <p class="block-meta">
          Pass mark {block.pass}%{best !== undefined && <> · best so far {best}%</>}
        </p>
      </header>
      {block.questions.map((q, i) => (
        <Question
          key={i}
          quizId={block.id}
          index={i}
          total={block.questions.length}
          question={q}
          pick={picks[i] ?? null}
          checked={checked}
          onPick={(c) => setPicks(picks.map((p, j) => (j === i ? c : p)))}
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
              {passed ? 'Passed.' : `The pass mark is ${block.pass}%: read the explanations, then try again.`}
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
