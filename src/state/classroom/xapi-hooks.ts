/**
 * The thin edge of sending learning records to a school's LRS: with no record store set up it does
 * nothing and loads nothing (no outside request is ever made). With one set up, each event is handed to the
 * lazily loaded sender (state/classroom/xapi-sync.ts), which queues it on the device and sends it when online.
 */

import type { QuizAttempt } from '../../lessons/progress.pure';
import type { LessonSummary } from '../../lessons/schema';
import type { HeadroomDb } from '../../storage/open';
import type { Attempt } from '../../storage/schema';
import { navigate } from '../shared/router';
import { setXapiConfigured, xapiConfigured } from './xapi-configured';

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
  const configured = xapiConfigured();
  if (configured === false) return;
  if (configured === null) early.push(job);
  else void run(job);
}

/** Looks once at start-up whether a record store is set up; if so, starts sending what waits. */
export async function startXapi(db: HeadroomDb): Promise<void> {
  try {
    setXapiConfigured((await db.getKey('lrs', 'config')) !== undefined);
  } catch {
    setXapiConfigured(false);
  }
  const jobs = early.splice(0);
  if (!xapiConfigured()) return;
  await run((m) => m.start());
  for (const job of jobs) void run(job);
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

/** A student handed in an assignment: in a cmi5 launch, its score goes back to the course. */
export function cmi5HandedIn(score: number, passMark: number): void {
  try {
    if (!sessionStorage.getItem('headroom-cmi5-session')) return;
  } catch {
    return;
  }
  void import('./cmi5-session').then((m) => m.finishCmi5(score, passMark)).catch(() => undefined);
}

/**
 * An LMS launched Headroom at /cmi5?a=<assignment>&endpoint=…: show the assignment's page at once and start
 * the cmi5 session in the background. Returns true when this was such a launch.
 */
export function takeCmi5Launch(): boolean {
  if (location.pathname !== '/cmi5') return false;
  const href = location.href;
  const code = new URLSearchParams(location.search).get('a') ?? '';
  navigate(`/classroom/open#a=${code}`, { replace: true });
  void import('./cmi5-session').then((m) => m.launchCmi5(href)).catch(() => undefined);
  return true;
}
