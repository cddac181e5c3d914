/**
 * The thin edge of sending learning records to a school's LRS: with no record store set up it does
 * nothing and loads nothing (no outside request is ever made). With one set up, each event is handed to the
 * lazily loaded sender (state/xapi-sync.ts), which queues it on the device and sends it when online.
 */

import type { QuizAttempt } from '../lessons/progress.pure';
import type { LessonSummary } from '../lessons/schema';
import type { HeadroomDb } from '../storage/open';
import type { Attempt } from '../storage/schema';

type Sync = typeof import('./xapi-sync');

/** A finished drill round, as the drill knows it. */
export interface DrillRoundInput {
  exercise: string;
  level: number | 'adaptive';
  scores: number[];
  correct: number;
  totalTimeMs: number;
  startedAt: number;
  endedAt: number;
  assignmentId?: string;
  threshold?: { value: number; low: number; high: number; percentCorrect: number } | null;
}

/** An event waiting for the sender. */
type Job = (m: Sync) => Promise<void>;

let configured: boolean | null = null;
let sender: Promise<Sync> | null = null;
const early: Job[] = [];

async function run(job: Job): Promise<void> {
  try {
    sender ??= import('./xapi-sync');
    await job(await sender);
  } catch {
    // Sending is best-effort: the queue keeps what it could not send, and Settings shows why.
  }
}

function hand(job: Job): void {
  if (configured === false) return;
  if (configured === null) early.push(job);
  else void run(job);
}

/** Looks once at start-up whether a record store is set up; if so, starts sending what waits. */
export async function startXapi(db: HeadroomDb): Promise<void> {
  try {
    configured = (await db.getKey('lrs', 'config')) !== undefined;
  } catch {
    configured = false;
  }
  const jobs = early.splice(0);
  if (!configured) return;
  await run((m) => m.start());
  for (const job of jobs) void run(job);
}

/** Settings saved or removed a record store. */
export function xapiConfigChanged(on: boolean): void {
  configured = on;
}

/** An answered question (or a graded mix) was stored. */
export function xapiAttempt(attempt: Attempt): void {
  hand((m) => m.queueAttempt(attempt));
}

/** A drill round ran to its last question. */
export function xapiDrillRound(profileId: string, round: DrillRoundInput): void {
  hand((m) => m.queueDrillRound(profileId, round));
}

/** A lesson became complete. */
export function xapiLessonCompleted(profileId: string, lesson: LessonSummary, completedAt: number): void {
  hand((m) => m.queueLesson(profileId, lesson, completedAt));
}

/** A quiz was checked. */
export function xapiQuiz(
  profileId: string,
  lesson: LessonSummary,
  blockId: string,
  attempt: QuizAttempt,
): void {
  hand((m) => m.queueQuiz(profileId, lesson, blockId, attempt));
}
