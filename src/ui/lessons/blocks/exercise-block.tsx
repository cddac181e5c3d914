import type { ExerciseBlock as ExerciseData } from '../../../lessons/schema';
import type { GradedBlockProps } from './types';

/**
 * An embedded drill with a pass mark. Until the drill UI exists (see the report: it needs a drill runner
 * in `src/state/` that reports a finished round's average score), it states the drill and its pass mark,
 * shows the best score so far, and links to the Train page with the kind and level chosen.
 */
export function ExerciseBlock({ block, lesson, best }: GradedBlockProps<ExerciseData>) {
  const title = block.kindTitle ?? block.kind;
  const passed = best !== undefined && best >= block.pass;
  const href = `/train?kind=${encodeURIComponent(block.kind)}&level=${block.level}&count=${block.count}&lesson=${lesson.id}&block=${block.id}`;
  return (
    <section class="block exercise" aria-label={`Drill: ${title}`}>
      <header class="block-head">
        <h3 class="block-title">
          <span class="block-kind">Drill</span>
          {block.caption ? <span dangerouslySetInnerHTML={{ __html: block.caption }} /> : title}
        </h3>
        <p class="block-meta">
          {title}, level {block.level}
          {block.levelName ? ` (${block.levelName})` : ''} · {block.count} questions · pass mark {block.pass}%
        </p>
      </header>
      <p class={`drill-status${passed ? ' is-pass' : ''}`}>
        {best === undefined ? 'Not tried yet.' : `Best so far: ${best}%${passed ? ' (passed)' : ''}.`}
      </p>
      <p class="block-foot">
        <a href={href}>Start this drill on the Train page</a>
      </p>
    </section>
  );
}
