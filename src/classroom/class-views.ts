/**
 * What a whole class gets wrong, from the answers in its counted reports: the questions most got wrong
 * and the EQ bands the class mixes up. Every answer is marked again here (report-verify's recheck: the
 * question regenerated from its seed, the kind's own check); the scores a report states are never read.
 * Reports that are flagged and not accepted stay out, as they do from the class statistics.
 */

import { type EqConfusion, eqConfusion } from '../training/eq-confusion';
import type { AttemptRecord } from '../training/progress-records';
import type { Assignment } from './assignment';
import type { GradebookEntry, GradebookTable } from './gradebook';
import { recheckAnswer } from './report-verify';

/** One question of the assignment and how the class did on it. */
export interface QuestionTrouble {
  exercise: string;
  level: number;
  /** 0-based position of the item in the assignment. */
  item: number;
  /** 1-based question number within the item (the order the seeds were fixed in). */
  question: number;
  seed: number;
  /** Students whose answer could be marked again. */
  answered: number;
  /** Of those, how many the kind's check calls right. */
  right: number;
  /** Mean re-marked score, 0–100. */
  meanScore: number;
}

/** The class-wide views of one assignment. */
export interface ClassViews {
  /** Counted reports the views are built from. */
  students: number;
  /** Questions at least two students answered and someone got wrong, hardest first (share right, then mean). */
  hardest: QuestionTrouble[];
  /** The EQ band mix-ups over every eq-boost answer in the counted reports. */
  bands: EqConfusion;
  /** Answers that carried nothing to mark again (reports from before answers were carried, or junk). */
  unmarked: number;
}

/** How many hardest questions the view keeps. */
export const HARDEST_SHOWN = 5;

/**
 * Builds the class views of a gradebook table from the entries whose rows count; questions are numbered
 * in the assignment's order (or, for an assignment this device did not make, in order of first answer).
 */
export function classViews(
  table: GradebookTable,
  entries: readonly GradebookEntry[],
  assignment?: Assignment,
): ClassViews {
  const counted = new Set(table.rows.filter((r) => r.counted).map((r) => r.id));
  const reports = entries.filter(
    (e, i) => counted.has(e.id) && entries.findIndex((o) => o.id === e.id) === i,
  );
  const byQuestion = new Map<string, QuestionTrouble & { sum: number }>();
  const eqAnswers: AttemptRecord[] = [];
  let unmarked = 0;
  for (const { report } of reports) {
    report.items.forEach((it, itemIndex) => {
      const seen = new Set<number>();
      for (const a of it.attempts) {
        // A question counts once per student: their first answer, as the report's own score does.
        if (seen.has(a.seed)) continue;
        seen.add(a.seed);
        const again =
          a.answer === undefined
            ? null
            : recheckAnswer(it.exercise, it.level, a.seed, a.answer, undefined, report.appVersion);
        if (!again) {
          unmarked++;
          continue;
        }
        const key = `${itemIndex}|${a.seed}`;
        const q = byQuestion.get(key) ?? {
          exercise: it.exercise,
          level: it.level,
          item: itemIndex,
          question: 0,
          seed: a.seed,
          answered: 0,
          right: 0,
          meanScore: 0,
          sum: 0,
        };
        q.answered++;
        if (again.result.correct) q.right++;
        q.sum += again.result.score;
        byQuestion.set(key, q);
        if (it.exercise === 'eq-boost')
          eqAnswers.push({
            exercise: it.exercise,
            skill: 'eq',
            level: it.level,
            score: Math.round(again.result.score),
            at: report.handedInAt,
            question: again.question,
            answer: a.answer,
          });
      }
    });
  }
  const firstSeen = new Map<number, number[]>();
  for (const q of byQuestion.values()) firstSeen.set(q.item, [...(firstSeen.get(q.item) ?? []), q.seed]);
  for (const q of byQuestion.values()) {
    const order = assignment?.items[q.item]?.seeds ?? firstSeen.get(q.item) ?? [];
    q.question = order.indexOf(q.seed) + 1;
  }
  const hardest = [...byQuestion.values()]
    .filter((q) => q.answered >= 2 && q.right < q.answered)
    .map(({ sum, ...q }) => ({ ...q, meanScore: Math.round(sum / q.answered) }))
    .sort((x, y) => x.right / x.answered - y.right / y.answered || x.meanScore - y.meanScore)
    .slice(0, HARDEST_SHOWN);
  return { students: reports.length, hardest, bands: eqConfusion(eqAnswers), unmarked };
}
