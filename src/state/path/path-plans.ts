/**
 * The skill map and today's workout for the active profile, from the answers `state/path/path` keeps loaded.
 * Apart from path.ts so the Learn page's "Next up" does not load the planners (first-screen budget).
 */
import type { KindInfo } from '../../training/progress-records';
import { skillMap } from '../../training/skill-map';
import { planWorkout } from '../../training/workout';
import { lessonStates, lessons } from '../shared/lessons';
import { localDay } from '../shared/local-day';
import { pathAttempts, unheardBands } from './path';

/** The skill map for a kind list (the Train page passes the registry's kinds). */
export function pathSkillMap(kinds: readonly KindInfo[]) {
  return skillMap(pathAttempts.value ?? [], kinds, lessons, lessonStates.value);
}

/** Today's workout for a kind list, planned now. */
export function planToday(kinds: readonly KindInfo[], now = Date.now()) {
  return planWorkout({
    attempts: pathAttempts.value ?? [],
    kinds,
    lessons,
    states: lessonStates.value,
    now,
    dayOf: localDay,
    unheardHz: unheardBands.value,
  });
}
