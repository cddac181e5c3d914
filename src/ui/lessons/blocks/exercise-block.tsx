import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { ExerciseBlock as ExerciseData } from '../../../lessons/schema';
import { createLessonDrill, type LessonRound } from '../../../state/lessons/lesson-drill';
import { prepareAudio } from '../../../state/shared/audio';
import { DrillView } from '../../drill/DrillView';
import type { GradedBlockProps } from './types';
import '../../mixer/mixer.css';
import '../../mixer/mixer-console.css';
import '../../mixer/mixer-panels.css';
import '../../drill/drill.css';
import './blocks.css';

function RoundResult({ round, pass, count }: { round: LessonRound; pass: number; count: number }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), [round]);
  const passed = round.complete && round.mean >= pass;
  const text = !round.complete
    ? `Ended after ${round.answered} of ${count} questions: only a full round counts.`
    : `Round done: ${round.mean}% average, ${round.correct} of ${round.answered} right. ${
        passed
          ? `Passed (the pass mark is ${pass}%).`
          : `The pass mark is ${pass}%: listen again, then try another round.`
      }`;
  return (
    <p ref={ref} tabIndex={-1} role="status" class={`round-result${passed ? ' is-pass' : ''}`}>
      {text}
    </p>
  );
}

/**
 * An embedded drill with a pass mark: `count` questions of the block's kind and level, right here in the
 * lesson (the Train page's drill view, with its keys). A full round's average becomes the block's score.
 */
export function ExerciseBlock({ block, lesson, best, onScore }: GradedBlockProps<ExerciseData>) {
  const scoreRef = useRef(onScore);
  scoreRef.current = onScore;
  const drill = useMemo(() => createLessonDrill(block, (mean) => scoreRef.current(mean)), [block]);
  useEffect(() => () => drill.dispose(), [drill]);
  const session = drill.session.value;
  const last = drill.last.value;
  const title = block.kindTitle ?? block.kind;
  const passed = best !== undefined && best >= block.pass;
  const href = `/train?kind=${encodeURIComponent(block.kind)}&level=${block.level}&count=${block.count}&lesson=${lesson.id}&block=${block.id}`;
  const question = session?.question.value;
  return (
    <section
      class="block exercise"
      aria-label={`Drill: ${title}`}
      data-kind={block.kind}
      data-level={block.level}
      data-seed={question?.seed}
    >
      <header class="block-head">
        <h3 class="block-title">
          <span class="block-kind">Drill</span>
          {block.caption ? <span dangerouslySetInnerHTML={{ __html: block.caption }} /> : title}
        </h3>
        <p class="block-meta">
          {title}, level {block.level}
          {block.levelName ? ` (${block.levelName})` : ''} · {block.count}{' '}
          {block.count === 1 ? 'question' : 'questions'} · pass mark {block.pass}%
        </p>
      </header>
      {session ? (
        <div class="lesson-drill">
          <DrillView session={session} embedded={{ onClose: drill.close }} />
        </div>
      ) : (
        <>
          {last && <RoundResult round={last} pass={block.pass} count={block.count} />}
          <p class={`drill-status${passed ? ' is-pass' : ''}`}>
            {best === undefined
              ? 'Not passed yet: no score so far.'
              : `Best so far: ${best}%${passed ? ' (passed)' : ''}.`}
          </p>
          <p class="row drill-start">
            <button
              type="button"
              class="btn btn-primary"
              disabled={!drill.available}
              onClick={() => {
                void prepareAudio();
                drill.start();
              }}
            >
              {last ? 'Another round' : 'Start the drill'}: {block.count}{' '}
              {block.count === 1 ? 'question' : 'questions'}
            </button>
            <a class="btn btn-ghost" href={href}>
              On the Train page
            </a>
          </p>
          {!drill.available && (
            <p class="error-text">This version of Headroom does not have the “{block.kind}” drill.</p>
          )}
        </>
      )}
    </section>
  );
}
