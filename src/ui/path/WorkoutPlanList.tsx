import type { WorkoutPlan } from '../../training/workout';

function minutesText(m: number): string {
  const rounded = Math.max(1, Math.round(m));
  return `${rounded} min`;
}

/** The items of a workout plan: what, how many questions, about how long, and why. */
export function WorkoutPlanList({ plan, current }: { plan: WorkoutPlan; current?: number }) {
  return (
    <ol class="workout-plan" aria-label={`Today’s workout, about ${plan.minutes} minutes`}>
      {plan.items.map((item, i) => (
        <li
          key={i}
          class={`workout-item${current === i ? ' is-current' : ''}${current !== undefined && i < current ? ' is-done' : ''}`}
        >
          <p class="workout-item-what">
            <strong>
              {item.type === 'review'
                ? `Quiz again: ${item.lessonTitle}`
                : `${item.title}${item.adaptive ? ' (adapts to you)' : ` (level ${item.level})`}`}
            </strong>
            <span class="muted">
              {' '}
              ·{' '}
              {item.type === 'review' ? 'quiz' : item.count === 1 ? '1 question' : `${item.count} questions`}{' '}
              · {minutesText(item.minutes)}
            </span>
          </p>
          <p class="workout-item-why muted">{item.reason}</p>
        </li>
      ))}
    </ol>
  );
}
