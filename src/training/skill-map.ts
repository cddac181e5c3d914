/**
 * The skill map: every skill is a ladder of stages, one per (drill, level), easiest first (level 1 of every
 * drill of the skill, then level 2, …). A stage is mastered when 80 % of its last 20 answers were right
 * (a score of 70 or more); whole-mix drills, where one answer takes minutes, need 4 of the last 5. A
 * mastered stage also counts every lower level of the same drill as mastered. Adaptive answers are not
 * counted here (they measure a threshold, not a level). Each stage names the lesson that teaches it; that
 * lesson is advice, never a lock.
 */
import { type LessonStates, lessonPath, type PathLesson, teachingLesson } from './lesson-path';
import { MIX_KINDS } from './mix-dimensions';
import { type AttemptRecord, adaptiveValueOf, type KindInfo } from './progress-records';
import { skillLabel, skillRank } from './skill-names';

/** A score at or above this counts as a right answer. */
export const RIGHT_SCORE = 70;
/** Share of right answers a stage asks for. */
export const MASTERY_SHARE = 0.8;
/** Answers a stage is judged on (the latest ones). */
export const MASTERY_WINDOW = 20;
/** Answers a whole-mix stage is judged on. */
export const MIX_MASTERY_WINDOW = 5;

/** Where a learner is on one stage. */
export type StageStatus = 'mastered' | 'working' | 'new';

/** One rung of a skill's ladder. */
export interface Stage {
  /** `<kind>@<level>`. */
  id: string;
  skill: string;
  /** 1-based place on the skill's ladder. */
  number: number;
  /** "EQ 3". */
  name: string;
  kind: string;
  kindTitle: string;
  level: number;
  levelName: string;
  /** What mastery asks, in plain words: "Spot the EQ boost, Three bands: right in 80 % of your last 20 answers". */
  criterion: string;
  /** Answers the criterion is judged on. */
  window: number;
  /** Of the latest `window` fixed answers at this level: how many, how many right, and the share (null: none). */
  answers: number;
  right: number;
  share: number | null;
  status: StageStatus;
  /** True when a higher level of the same drill was mastered (so this one counts as mastered too). */
  passedAbove: boolean;
  /** The lesson that teaches this drill, if any, and whether it is done. */
  lessonId: string | null;
  lessonTitle: string | null;
  lessonDone: boolean;
}

/** One skill's ladder. */
export interface SkillPath {
  skill: string;
  label: string;
  stages: Stage[];
  /** The first stage not yet mastered (null when all are). */
  current: Stage | null;
  mastered: number;
}

/** How many answers the stages of a kind are judged on. */
export function masteryWindow(kind: string): number {
  return MIX_KINDS.includes(kind) ? MIX_MASTERY_WINDOW : MASTERY_WINDOW;
}

/** The criterion sentence for a window. */
export function criterionWords(window: number): string {
  return window === MIX_MASTERY_WINDOW
    ? `a score of ${RIGHT_SCORE} or more in ${Math.round(MASTERY_SHARE * window)} of your last ${window} mixes`
    : `right (a score of ${RIGHT_SCORE} or more) in ${Math.round(MASTERY_SHARE * 100)} % of your last ${window} answers`;
}

/** Whether the latest answers meet the criterion: a full window with at least 80 % right. */
export function meetsMastery(scores: readonly number[], window: number): boolean {
  const last = scores.slice(-window);
  if (last.length < window) return false;
  return last.filter((s) => s >= RIGHT_SCORE).length >= Math.ceil(MASTERY_SHARE * window - 1e-9);
}

/** Fixed-level scores by `<kind>@<level>`, oldest first. */
function scoresByStage(attempts: readonly AttemptRecord[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const sorted = [...attempts].sort((x, y) => x.at - y.at);
  for (const a of sorted) {
    if (adaptiveValueOf(a.question) !== null) continue;
    const id = `${a.exercise}@${Math.round(a.level)}`;
    const list = out.get(id) ?? [];
    list.push(a.score);
    out.set(id, list);
  }
  return out;
}

/** Every skill's ladder, in teaching order, from the attempts, the kinds and the lessons with their states. */
export function skillMap(
  attempts: readonly AttemptRecord[],
  kinds: readonly KindInfo[],
  lessons: readonly PathLesson[],
  states: LessonStates,
): SkillPath[] {
  const path = lessonPath(lessons);
  const scores = scoresByStage(attempts);
  const skills = [...new Set(kinds.map((k) => k.skill))].sort(
    (x, y) => skillRank(x) - skillRank(y) || x.localeCompare(y),
  );
  return skills.map((skill) => {
    const mine = kinds.filter((k) => k.skill === skill);
    const raw: Omit<Stage, 'number' | 'name' | 'status' | 'passedAbove'>[] = [];
    const top = Math.max(...mine.map((k) => k.levelNames.length));
    for (let level = 1; level <= top; level++)
      for (const k of mine) {
        if (level > k.levelNames.length) continue;
        const window = masteryWindow(k.id);
        const list = (scores.get(`${k.id}@${level}`) ?? []).slice(-window);
        const right = list.filter((s) => s >= RIGHT_SCORE).length;
        const lesson = teachingLesson(path, kinds, k.id, level);
        const levelName = k.levelNames[level - 1] ?? `Level ${level}`;
        const about = k.levelDescriptions?.[level - 1];
        raw.push({
          id: `${k.id}@${level}`,
          skill,
          kind: k.id,
          kindTitle: k.title,
          level,
          levelName,
          criterion: `${k.title}, level ${level} (${about ?? levelName}): ${criterionWords(window)}`,
          window,
          answers: list.length,
          right,
          share: list.length > 0 ? right / list.length : null,
          lessonId: lesson?.id ?? null,
          lessonTitle: lesson?.title ?? null,
          lessonDone: lesson ? states[lesson.id]?.completed === true : false,
        });
      }
    const masteredOwn = new Set(
      raw.filter((s) => meetsMastery(scores.get(s.id) ?? [], s.window)).map((s) => s.id),
    );
    const stages: Stage[] = raw.map((s, i) => {
      const own = masteredOwn.has(s.id);
      const passedAbove =
        !own &&
        [...masteredOwn].some((id) => id.startsWith(`${s.kind}@`) && Number(id.split('@')[1]) > s.level);
      const status: StageStatus = own || passedAbove ? 'mastered' : s.answers > 0 ? 'working' : 'new';
      return { ...s, number: i + 1, name: `${skillLabel(skill)} ${i + 1}`, status, passedAbove };
    });
    return {
      skill,
      label: skillLabel(skill),
      stages,
      current: stages.find((s) => s.status !== 'mastered') ?? null,
      mastered: stages.filter((s) => s.status === 'mastered').length,
    };
  });
}

/** Share right from which a learner who skipped ahead stays on the higher level they chose. */
export const KEEP_LEVEL_SHARE = 0.6;

/**
 * The level of a kind a learner is ready for: the lowest level not mastered (the top level once all are),
 * unless they already work on a higher level with 60 % or more right: then the highest such level (nobody is
 * sent back to a level they skipped and do not need).
 */
export function readyLevel(map: readonly SkillPath[], kind: string): number {
  const stages = map.flatMap((p) => p.stages).filter((s) => s.kind === kind);
  const open = stages.filter((s) => s.status !== 'mastered').sort((x, y) => x.level - y.level)[0];
  const lowest = open?.level ?? Math.max(1, ...stages.map((s) => s.level));
  const coping = stages
    .filter((s) => s.status === 'working' && s.share !== null && s.share >= KEEP_LEVEL_SHARE)
    .map((s) => s.level);
  return Math.max(lowest, ...coping);
}

/** A stage by kind and level. */
export function findStage(map: readonly SkillPath[], kind: string, level: number): Stage | undefined {
  return map.flatMap((p) => p.stages).find((s) => s.kind === kind && s.level === level);
}
