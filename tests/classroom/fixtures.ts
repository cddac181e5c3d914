import type { Assignment } from '../../src/classroom/assignment';
import { deriveSeeds } from '../../src/classroom/assignment-pack';
import type { AssignmentAttempt } from '../../src/classroom/grading';
import { buildReport, type Report, reportChecksum } from '../../src/classroom/report';
import { findAnswerScoring } from './answers';

/** A five-item assignment of a real exercise kind, with derived seed runs as the builder makes them. */
export function sampleAssignment(over: Partial<Assignment> = {}): Assignment {
  return {
    version: 1,
    id: 'k3x9q2mf',
    title: 'Week 3: EQ and levels',
    instructions: 'Use headphones.\nDo the EQ items first — take a break between items.',
    // Spot the EQ boost plays pink noise: its questions generate in well under a millisecond, so every
    // report in these tests can be marked again quickly (kinds built on songs take far longer).
    items: [
      { exercise: 'eq-boost', level: 2, seeds: deriveSeeds(123456, 10) },
      { exercise: 'eq-boost', level: 4, seeds: deriveSeeds(987654321, 10) },
      { exercise: 'eq-boost', level: 3, seeds: deriveSeeds(4242, 10) },
      { exercise: 'eq-boost', level: 1, seeds: deriveSeeds(77, 10) },
      { exercise: 'eq-boost', level: 2, seeds: deriveSeeds(31337, 10) },
    ],
    passMark: 70,
    due: '2026-03-14',
    createdAt: Date.UTC(2026, 2, 1, 9, 30),
    lessons: ['eq-basics'],
    ...over,
  };
}

/**
 * Attempts answering every question of `a` one second apart, scored `score(item, question)`. Each carries
 * a real answer that the kind's own check scores so, when the kind can give that score (0 and 100 always;
 * see answers.ts); otherwise the attempt has no answer (as reports from older builds).
 */
export function answerAll(
  a: Assignment,
  score: (item: number, question: number) => number,
  start = Date.UTC(2026, 2, 2, 10),
): AssignmentAttempt[] {
  let t = start;
  return a.items.flatMap((item, i) =>
    item.seeds.map((seed, q) => {
      const answer = findAnswerScoring(item.exercise, item.level, seed, score(i, q));
      return {
        exercise: item.exercise,
        level: item.level,
        seed,
        score: score(i, q),
        timeMs: 4000 + 100 * q,
        at: (t += 1000),
        ...(answer === undefined ? {} : { answer }),
      };
    }),
  );
}

/**
 * A report on `a`'s first item by Ana, made with Headroom `appVersion`: answer q to its question q, each stored
 * with the score `stored` (whatever the answer earns), five seconds each.
 */
export function oneItemReport(a: Assignment, appVersion: string, answers: unknown[], stored: number): Report {
  const item = a.items[0]!;
  return buildReport(
    a,
    item.seeds.map((seed, q) => ({
      exercise: item.exercise,
      level: item.level,
      seed,
      score: stored,
      timeMs: 5000,
      at: Date.UTC(2026, 2, 2, 10, 0, q),
      answer: answers[q],
    })),
    { student: 'Ana', appVersion, handedInAt: Date.UTC(2026, 2, 3, 12) },
  );
}

/** A clean report for `student` with every answer scoring `score`. */
export function sampleReport(
  student: string,
  score: number | ((i: number, q: number) => number),
  a = sampleAssignment(),
): Report {
  const fn = typeof score === 'number' ? () => score : score;
  return buildReport(a, answerAll(a, fn), {
    student,
    appVersion: '0.1.0',
    handedInAt: Date.UTC(2026, 2, 3, 12),
  });
}

/** A report changed by hand with its checksum recomputed, as a forger who read the code would do. */
export function forge(report: Report, change: (r: Report) => Omit<Report, 'checksum'>): Report {
  const body = change(structuredClone(report));
  const { checksum: _old, ...rest } = body as Report;
  return { ...rest, checksum: reportChecksum(rest) };
}
