/**
 * "Practise next": one drill to do now, favouring the weakest skill. Each skill gets a need score:
 * 100 − its recent mean (answers of the last 14 days, or its last 10 answers when none are that recent),
 * plus 3 points for every day since it was last practised beyond two days (at most 30), so a skill left
 * alone comes back. A skill never tried counts as a mean of 50: a learner doing well elsewhere gets
 * nudged to try it, a struggling one first works on what is hard. Inside the chosen skill the same rule
 * picks the kind; the level is the learner's latest fixed level, one up after 5+ answers averaging 85 or
 * more there, one down after 3+ answers averaging under 40. A first-time learner gets FIRST_DRILL.
 * Never returns nothing while `kinds` is not empty.
 */
import { type AttemptRecord, adaptiveValueOf, type DayOf, type KindInfo, utcDay } from './progress-records';
import { skillLabel, skillPhrase, skillRank } from './skill-names';

/** Days that count as "recent" for a skill's mean. */
export const RECENT_DAYS = 14;
/** The need of a skill or kind never tried (as if its mean were 50). */
export const UNTRIED_NEED = 50;
/** Need added per day without practice beyond the grace days, and its cap. */
export const STALE_PER_DAY = 3;
const STALE_GRACE_DAYS = 2;
const STALE_CAP = 30;
/** The drill a learner with no history starts with: big, clear level changes. */
export const FIRST_DRILL = { kind: 'level-change', level: 1 } as const;

/** The suggestion shown on the progress page. */
export interface PractiseSuggestion {
  kind: string;
  title: string;
  skill: string;
  skillLabel: string;
  /** Suggested level (1-based) and its name. */
  level: number;
  levelName: string;
  /** Why this one, one or two sentences. */
  reason: string;
  /** Where the drill starts, kind and level preselected: `/train?kind=<id>&level=<n>`. */
  href: string;
  /** True when the learner has no answers at all. */
  firstTime: boolean;
}

interface Standing {
  mean: number | null;
  /** Answers the mean is taken over. */
  answers: number;
  recent: boolean;
  daysSince: number | null;
  stale: number;
  need: number;
}

function standingOf(attempts: readonly AttemptRecord[], today: number, dayOf: DayOf): Standing {
  if (attempts.length === 0)
    return { mean: null, answers: 0, recent: false, daysSince: null, stale: 0, need: UNTRIED_NEED };
  const recentOnes = attempts.filter((a) => today - dayOf(a.at) < RECENT_DAYS);
  const pool = recentOnes.length > 0 ? recentOnes : attempts.slice(-10);
  const mean = pool.reduce((s, a) => s + a.score, 0) / pool.length;
  const lastDay = Math.max(...attempts.map((a) => dayOf(a.at)));
  const daysSince = Math.max(0, today - lastDay);
  const stale = Math.min(STALE_CAP, STALE_PER_DAY * Math.max(0, daysSince - STALE_GRACE_DAYS));
  return {
    mean,
    answers: pool.length,
    recent: recentOnes.length > 0,
    daysSince,
    stale,
    need: 100 - mean + stale,
  };
}

/** The level to suggest for a kind, and a sentence when it moves. */
function levelFor(kind: KindInfo, attempts: readonly AttemptRecord[]): { level: number; note: string } {
  const fixed = attempts.filter((a) => adaptiveValueOf(a.question) === null);
  const last = fixed.at(-1);
  const top = Math.max(1, kind.levelNames.length);
  if (!last) return { level: 1, note: '' };
  const level = Math.min(top, Math.max(1, Math.round(last.level)));
  const there = fixed.filter((a) => a.level === level).slice(-10);
  const mean = there.reduce((s, a) => s + a.score, 0) / Math.max(1, there.length);
  if (there.length >= 5 && mean >= 85 && level < top)
    return {
      level: level + 1,
      note: ` You average ${Math.round(mean)} on level ${level}: time for level ${level + 1}.`,
    };
  if (there.length >= 3 && mean < 40 && level > 1)
    return {
      level: level - 1,
      note: ` Level ${level} is hard for now (${Math.round(mean)}): build up on level ${level - 1}.`,
    };
  return { level, note: '' };
}

function suggestion(kind: KindInfo, level: number, reason: string, firstTime: boolean): PractiseSuggestion {
  return {
    kind: kind.id,
    title: kind.title,
    skill: kind.skill,
    skillLabel: skillLabel(kind.skill),
    level,
    levelName: kind.levelNames[level - 1] ?? `Level ${level}`,
    reason,
    href: `/train?kind=${encodeURIComponent(kind.id)}&level=${level}`,
    firstTime,
  };
}

function skillReason(skill: string, s: Standing): string {
  const label = skillPhrase(skill);
  if (s.mean === null) return `You have not tried ${label} yet.`;
  const mean = Math.round(s.mean);
  if (s.daysSince !== null && s.daysSince >= 7)
    return `You last practised ${label} ${s.daysSince} days ago (average ${mean}).`;
  const over = s.recent
    ? `${s.answers} answers in the last ${RECENT_DAYS} days`
    : `your last ${s.answers} answers`;
  const start = label.charAt(0).toUpperCase() + label.slice(1);
  return `${start} is your weakest skill lately: an average of ${mean} over ${over}.`;
}

/** Picks the item with the greatest need; ties go to the earlier one. */
function neediest<T>(items: readonly T[], need: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestNeed = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const n = need(item);
    if (n > bestNeed + 1e-9) {
      best = item;
      bestNeed = n;
    }
  }
  return best;
}

/** The drill to practise next (see the file comment for the rule); null only when `kinds` is empty. */
export function suggestNext(
  attempts: readonly AttemptRecord[],
  kinds: readonly KindInfo[],
  options: { today: number; dayOf?: DayOf },
): PractiseSuggestion | null {
  const dayOf = options.dayOf ?? utcDay;
  const { today } = options;
  const known = new Map(kinds.map((k) => [k.id, k]));
  const mine = attempts.filter((a) => known.has(a.exercise)).sort((x, y) => x.at - y.at);
  if (mine.length === 0) {
    const first = known.get(FIRST_DRILL.kind) ?? kinds[0];
    if (!first) return null;
    const level = first.id === FIRST_DRILL.kind ? FIRST_DRILL.level : 1;
    return suggestion(
      first,
      level,
      'Big, clear changes to start with, so you learn how the questions work.',
      true,
    );
  }
  const skills = [...new Set(kinds.map((k) => k.skill))].sort((x, y) => skillRank(x) - skillRank(y));
  const skillStanding = new Map(
    skills.map((s) => [
      s,
      standingOf(
        mine.filter((a) => known.get(a.exercise)?.skill === s),
        today,
        dayOf,
      ),
    ]),
  );
  const skill = neediest(skills, (s) => (skillStanding.get(s) as Standing).need) as string;
  const candidates = kinds.filter((k) => k.skill === skill);
  const byKind = new Map(candidates.map((k) => [k.id, mine.filter((a) => a.exercise === k.id)]));
  const kind = neediest(
    candidates,
    (k) => standingOf(byKind.get(k.id) as AttemptRecord[], today, dayOf).need,
  ) as KindInfo;
  const kindAttempts = byKind.get(kind.id) as AttemptRecord[];
  const { level, note } = levelFor(kind, kindAttempts);
  const standing = skillStanding.get(skill) as Standing;
  const fresh =
    kindAttempts.length === 0 && standing.mean !== null ? ' This drill is new to you: another way in.' : '';
  return suggestion(kind, level, skillReason(skill, standing) + fresh + note, false);
}
