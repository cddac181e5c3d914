/** Every exercise kind as the skill map and the workout see them, read from the exercise registry at run time. */
import { exerciseIds, exercises } from '../../exercises/registry';
import type { KindInfo } from '../../training/progress-records';

/** The registry's kinds (menu order) with their level names and descriptions and adaptive variables. */
export function registryKinds(): KindInfo[] {
  return exerciseIds.map((id) => {
    const m = exercises[id].meta;
    const kind: KindInfo = {
      id: m.id,
      title: m.title,
      skill: m.skill,
      levelNames: m.levels.map((l) => l.name),
      levelDescriptions: m.levels.map((l) => l.description),
    };
    if (m.mainVariable) kind.mainVariable = m.mainVariable;
    return kind;
  });
}
