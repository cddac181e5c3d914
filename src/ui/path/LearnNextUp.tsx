import { useEffect } from 'preact/hooks';
import { nextUp, watchPath } from '../../state/path/path';
import { NextUpCard } from './NextUpCard';
import './path.css';

/** The top of the Learn page: Start here for a new learner, Next up after (a lesson, or today's workout). */
export function LearnNextUp() {
  useEffect(() => watchPath(), []);
  const step = nextUp.value;
  if (!step) return <div class="next-up-placeholder" aria-hidden="true" />;
  return <NextUpCard step={step} />;
}
