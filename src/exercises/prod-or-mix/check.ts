/** Production or mixing? Category and change: 100; category only: 50. */
import type { CheckResult } from '../types';
import { CHANGE_LABELS, type ProdOrMixAnswer, type ProdOrMixQuestion } from './meta';

/** 100 for the right category and change (or just the category when only that is asked), 50 for the category alone. */
export function check(q: ProdOrMixQuestion, a: ProdOrMixAnswer): CheckResult {
  const categoryRight = a.category === q.category;
  const changeRight = categoryRight && a.change === q.change;
  const score = !categoryRight ? 0 : !q.askChange || changeRight ? 100 : 50;
  const side = q.category === 'production' ? 'a production change' : 'a mixing change';
  let feedback: string;
  if (score === 100) feedback = `Right: ${side}. ${q.description}`;
  else if (categoryRight)
    feedback = `Right side: ${side}, but it was ${CHANGE_LABELS[q.change]}. ${q.description}`;
  else feedback = `It was ${side}: ${CHANGE_LABELS[q.change]}. ${q.description}`;
  return {
    score,
    feedback,
    correct: score === 100,
    details: {
      category: q.category,
      change: q.change,
      categoryRight,
      changeRight: q.askChange ? changeRight : null,
    },
  };
}
