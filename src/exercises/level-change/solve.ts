/** What changed level? The ideal answer. */
import type { LevelChangeAnswer, LevelChangeQuestion } from './meta';

/** The changed track, its direction and (when asked) the size of the move. */
export function solve(q: LevelChangeQuestion): LevelChangeAnswer {
  const answer: LevelChangeAnswer = {
    trackIndex: q.changedIndex,
    direction: q.changeDb >= 0 ? 'up' : 'down',
  };
  if (q.askAmount) answer.amountDb = Math.abs(q.changeDb);
  return answer;
}
