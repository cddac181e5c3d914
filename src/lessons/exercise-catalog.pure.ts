/** The exercise kinds lessons may embed, read from the exercise registry (kind id → number of levels). */
import { exerciseIds, exercises } from '../exercises/registry';
import type { ExerciseCatalog } from './validate.pure';

/** Every registered exercise kind with its level count, for checking `::exercise` blocks. */
export function exerciseCatalog(): ExerciseCatalog {
  return Object.fromEntries(
    exerciseIds.map((id) => {
      const { meta } = exercises[id];
      return [
        id,
        { levels: meta.levels.length, title: meta.title, levelNames: meta.levels.map((l) => l.name) },
      ];
    }),
  );
}
