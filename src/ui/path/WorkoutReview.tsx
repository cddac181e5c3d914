import { useEffect, useState } from 'preact/hooks';
import type { QuizAttempt } from '../../lessons/progress.pure';
import type { Lesson, QuizBlock as QuizData } from '../../lessons/schema';
import { findLesson, lessonStates, openLesson, recordQuizAttempt } from '../../state/shared/lessons';
import type { WorkoutReview as ReviewItem } from '../../training/workout';
import { QuizBlock } from '../lessons/blocks/quiz-block';
import '../lessons/lessons.css';

/** A lesson's quiz brought back by the spacing schedule, inside a workout; `onDone` gets the score (null: skipped). */
export function WorkoutReview({
  item,
  label,
  onDone,
}: {
  item: ReviewItem;
  label: string;
  onDone: (score: number | null) => void;
}) {
  const [lesson, setLesson] = useState<Lesson | null | 'loading'>('loading');
  const [score, setScore] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void openLesson(item.lessonId).then((l) => live && setLesson(l));
    return () => {
      live = false;
    };
  }, [item.lessonId]);
  const summary = findLesson(item.lessonId);
  const quizzes =
    lesson && lesson !== 'loading'
      ? lesson.steps.flatMap((s) => s.blocks).filter((b): b is QuizData => b.type === 'quiz')
      : [];
  const record = (block: QuizData, attempt: QuizAttempt) => {
    if (summary) void recordQuizAttempt(summary, block.id, attempt);
    setScore(attempt.score);
  };
  return (
    <section class="stack workout-review" aria-labelledby="review-title">
      <header class="page-head">
        <p class="muted">{label}</p>
        <h1 id="review-title">Quiz again: {item.lessonTitle}</h1>
        <p class="lede">{item.reason}</p>
      </header>
      {lesson === 'loading' ? (
        <p class="loading">Loading…</p>
      ) : quizzes.length === 0 ? (
        <p class="panel" role="alert">
          This lesson has no quiz any more.
        </p>
      ) : (
        quizzes.map((block) => (
          <QuizBlock
            key={block.id}
            block={block}
            lesson={summary ?? (lesson as Lesson)}
            best={lessonStates.value[item.lessonId]?.scores[block.id]}
            history={lessonStates.value[item.lessonId]?.quizzes?.[block.id]}
            onScore={(s) => setScore(s)}
            onAttempt={(a) => record(block, a)}
          />
        ))
      )}
      <div class="row">
        <button
          type="button"
          class={`btn ${score === null ? '' : 'btn-primary'} workout-next`}
          onClick={() => onDone(score)}
        >
          {score === null ? 'Skip this quiz' : 'Next in your workout'}
        </button>
        <a class="btn btn-ghost" href={`/learn/${item.lessonId}`}>
          Open the lesson
        </a>
      </div>
    </section>
  );
}
