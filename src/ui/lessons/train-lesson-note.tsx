import { useEffect } from 'preact/hooks';
import { watchTrainRoundForLesson } from '../../state/lessons/lesson-drill';
import { findLesson, progressOf, watchLessonStates } from '../../state/shared/lessons';

/**
 * On the Train page opened from a lesson (`?lesson=<id>&block=<id>`): says which lesson the round counts
 * for, records a full round's average as the block's score, and links back to the lesson.
 */
export function TrainLessonNote({ params }: { params: URLSearchParams }) {
  const lessonId = params.get('lesson');
  const blockId = params.get('block');
  const lesson = lessonId ? findLesson(lessonId) : undefined;
  const pass = blockId ? lesson?.passMarks[blockId] : undefined;
  useEffect(() => {
    if (!lesson || !blockId || pass === undefined) return;
    const stopStates = watchLessonStates();
    const stopRound = watchTrainRoundForLesson(lesson.id, blockId);
    return () => {
      stopRound();
      stopStates();
    };
  }, [lesson, blockId, pass]);
  if (!lesson || !blockId || pass === undefined) return null;
  const best = progressOf(lesson).scores[blockId];
  return (
    <p class="panel train-lesson-note">
      A full round of this drill counts for the lesson <strong>{lesson.title}</strong> (pass mark {pass}%
      {best === undefined ? '' : `, best so far ${best}%`}).{' '}
      <a href={`/learn/${lesson.id}`}>Back to the lesson</a>
    </p>
  );
}
