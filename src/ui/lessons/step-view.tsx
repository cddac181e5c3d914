import type { QuizAttempt, QuizHistory } from '../../lessons/progress.pure';
import type { LessonBlock, LessonStep, LessonSummary } from '../../lessons/schema';
import { ErrorBoundary } from '../shell/error-boundary';
import { DiagramBlock } from './blocks/diagram-block';
import { ExerciseBlock } from './blocks/exercise-block';
import { ListenBlock } from './blocks/listen-block';
import { MixerBlock } from './blocks/mixer-block';
import { QuizBlock } from './blocks/quiz-block';

/** Props of one step: the lesson, the step, best scores by block id, and where new scores go. */
export interface StepViewProps {
  lesson: LessonSummary;
  step: LessonStep;
  scores: Readonly<Record<string, number>>;
  onScore: (blockId: string, score: number) => void;
  /** Quiz attempt histories by block id. */
  quizzes?: Readonly<Record<string, QuizHistory>> | undefined;
  /** Where a checked quiz attempt goes (its score too); without it a quiz reports through `onScore`. */
  onQuizAttempt?: (blockId: string, attempt: QuizAttempt) => void;
}

function Block({
  block,
  lesson,
  scores,
  onScore,
  quizzes,
  onQuizAttempt,
}: Omit<StepViewProps, 'step'> & { block: LessonBlock }) {
  switch (block.type) {
    case 'prose':
      // Lesson Markdown turned into HTML at build time; raw HTML in lessons is refused by the parser.
      return <div class="prose" dangerouslySetInnerHTML={{ __html: block.html }} />;
    case 'aside':
      return (
        <aside class={`aside aside-${block.kind}`} aria-label={block.kind === 'tip' ? 'Tip' : 'Caution'}>
          <p class="aside-kind">{block.kind === 'tip' ? 'Tip' : 'Caution'}</p>
          <div class="prose" dangerouslySetInnerHTML={{ __html: block.html }} />
        </aside>
      );
    case 'diagram':
      return <DiagramBlock block={block} />;
    case 'listen':
      return <ListenBlock block={block} lesson={lesson} />;
    case 'mixer':
      return <MixerBlock block={block} lesson={lesson} />;
    case 'exercise':
      return (
        <ExerciseBlock
          block={block}
          lesson={lesson}
          best={scores[block.id]}
          onScore={(s) => onScore(block.id, s)}
        />
      );
    case 'quiz':
      return (
        <QuizBlock
          block={block}
          lesson={lesson}
          best={scores[block.id]}
          onScore={(s) => onScore(block.id, s)}
          history={quizzes?.[block.id]}
          {...(onQuizAttempt ? { onAttempt: (a: QuizAttempt) => onQuizAttempt(block.id, a) } : {})}
        />
      );
  }
}

/** The blocks of one step, in order. */
export function StepView(props: StepViewProps) {
  return (
    <div class="step-body">
      {props.step.blocks.map((block) => (
        // One broken block (a mixer, a listening example) leaves the rest of the lesson usable.
        <ErrorBoundary key={`${block.type}-${block.line}`} area={`${block.type} block`} compact>
          <Block block={block} {...props} />
        </ErrorBoundary>
      ))}
    </div>
  );
}
