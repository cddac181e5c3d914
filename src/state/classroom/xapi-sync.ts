/**
 * Sending learning records to the school's LRS (loaded only when one is set up): builds each event's xAPI
 * statement for the profile's identity, queues it in IndexedDB, and sends the queue whenever the device is
 * online, in batches, backing off after failures. Settings reads `lrsView` to show the queue, the last sync
 * and its errors in plain words.
 */
import { signal } from '@preact/signals';
import type { Agent, Statement } from '@xapi/xapi';
import { identityProblem, type LearnerIdentity, toAgent } from '../../classroom/xapi/identity';
import {
  checkLrsConfig,
  type LrsConfig,
  type LrsConfigInput,
  lrsOrigin,
} from '../../classroom/xapi/lrs-config';
import {
  attemptStatement,
  drillRoundStatement,
  lessonStatement,
  quizStatement,
  type ThresholdResult,
} from '../../classroom/xapi/statements';
import { SET_ASIDE, syncOnce } from '../../classroom/xapi/sync';
import { exercises, isExerciseId } from '../../exercises/registry';
import type { QuizAttempt } from '../../lessons/progress.pure';
import type { LessonSummary } from '../../lessons/schema';
import {
  enqueueStatements,
  listQueue,
  loadIdentity,
  loadLrsConfig,
  loadSyncStatus,
  markFailed,
  removeFromQueue,
  removeLrsConfig,
  type SyncStatus,
  saveIdentity,
  saveLrsConfig,
  saveSyncStatus,
} from '../../storage/lrs';
import { STREAK_PASS_SCORE } from '../../storage/progress';
import type { Attempt } from '../../storage/schema';
import { adaptiveMarkOf } from '../../training/adaptive-thresholds';
import { database, profiles } from '../shared/database';
import { setXapiConfigured } from './xapi-configured';
import type { DrillRoundInput } from './xapi-hooks';
import { postStatements } from './xapi-transport';

/** What Settings shows about sending. */
export interface LrsView {
  config: LrsConfig | null;
  /** Statements waiting, and how many of them the LRS refused as invalid (kept, not retried). */
  waiting: number;
  setAside: number;
  status: SyncStatus;
  /** This page's security policy lets it reach the LRS (false until Headroom is reloaded after setup). */
  reachable: boolean;
  sending: boolean;
  /** Profiles with work that could not be queued because they have no identity. */
  missingIdentity: string[];
}

/** The current sending state, for Settings. */
export const lrsView = signal<LrsView>({
  config: null,
  waiting: 0,
  setAside: 0,
  status: { lastSyncAt: null, lastError: null, sent: 0 },
  reachable: false,
  sending: false,
  missingIdentity: [],
});

/** Graded mixing kinds: their attempts are sent as `scored`. */
const MIX_KINDS = new Set(['mix-match', 'fix-mix']);

/** Whether the page's Content-Security-Policy lets it connect to `origin` (no policy: the dev server). */
export function policyAllows(origin: string): boolean {
  const meta = document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]');
  if (!meta) return true;
  const connect = meta.content
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find((d) => d[0] === 'connect-src');
  return !!connect && connect.slice(1).includes(origin);
}

async function refresh(patch: Partial<LrsView> = {}): Promise<void> {
  const db = await database();
  const [config, queue, status] = await Promise.all([loadLrsConfig(db), listQueue(db), loadSyncStatus(db)]);
  lrsView.value = {
    ...lrsView.value,
    config,
    waiting: queue.length,
    setAside: queue.filter((q) => q.nextTryAt === SET_ASIDE).length,
    status,
    reachable: config ? policyAllows(lrsOrigin(config)) : false,
    ...patch,
  };
}

let timer: ReturnType<typeof setTimeout> | null = null;
let running: Promise<void> | null = null;

function schedule(at: number | null): void {
  if (timer) clearTimeout(timer);
  timer = null;
  if (at === null) return;
  timer = setTimeout(() => void syncNow(), Math.max(0, at - Date.now()));
}

/** Sends what is due now (one run at a time); offline, it waits for the connection to come back. */
export function syncNow(): Promise<void> {
  running ??= (async () => {
    const db = await database();
    const config = await loadLrsConfig(db);
    if (!config) {
      await refresh();
      return;
    }
    if (!navigator.onLine) {
      await refresh();
      return; // the 'online' event starts the next run
    }
    if (!policyAllows(lrsOrigin(config))) {
      // Not an error: the page was loaded before the setup, and the panel offers the reload.
      await refresh();
      return;
    }
    const status = await loadSyncStatus(db);
    lrsView.value = { ...lrsView.value, sending: true };
    const report = await syncOnce({
      queue: {
        list: () => listQueue(db),
        remove: (ids) => removeFromQueue(db, ids),
        fail: (ids, error, next) => markFailed(db, ids, error, next),
      },
      send: (batch) => postStatements(config, batch),
      now: Date.now,
      random: Math.random,
    });
    await saveSyncStatus(db, {
      lastSyncAt: report.sent > 0 ? Date.now() : status.lastSyncAt,
      lastError: report.error,
      sent: status.sent + report.sent,
    });
    schedule(report.nextTryAt);
    await refresh({ sending: false });
  })()
    .catch(async () => {
      await refresh({ sending: false }).catch(() => undefined);
    })
    .finally(() => {
      running = null;
    });
  return running;
}

let started = false;

/** Starts sending: now, whenever the connection comes back, and when a retry falls due. */
export async function start(): Promise<void> {
  if (!started) {
    started = true;
    window.addEventListener('online', () => void syncNow());
  }
  await syncNow();
}

const nameOf = (profileId: string) => profiles.value.find((p) => p.id === profileId)?.name ?? profileId;

/** The profile's agent, or null (remembered for Settings) when it has no identity. */
async function agentFor(profileId: string): Promise<Agent | null> {
  const identity = await loadIdentity(await database(), profileId);
  if (identity) {
    try {
      return toAgent(identity);
    } catch {
      // A stored identity that no longer passes the checks counts as missing.
    }
  }
  const name = nameOf(profileId);
  if (!lrsView.value.missingIdentity.includes(name))
    lrsView.value = { ...lrsView.value, missingIdentity: [...lrsView.value.missingIdentity, name] };
  return null;
}

async function queue(profileId: string, build: (actor: Agent) => Statement): Promise<void> {
  const actor = await agentFor(profileId);
  if (!actor) return;
  const statement = build(actor);
  await enqueueStatements(
    await database(),
    [{ id: statement.id as string, statement, profileId }],
    Date.now(),
  );
  await refresh();
  void syncNow();
}

function thresholdOf(kind: string, question: unknown): ThresholdResult | undefined {
  const estimate = adaptiveMarkOf(question)?.adaptiveEstimate;
  const unit = isExerciseId(kind) ? exercises[kind].meta.mainVariable?.unit : undefined;
  return estimate && unit ? { ...estimate, unit } : undefined;
}

const titleOf = (kind: string) => (isExerciseId(kind) ? exercises[kind].meta.title : kind);

/** Queues one stored attempt. */
export function queueAttempt(a: Attempt): Promise<void> {
  const value = (a.question as { adaptiveValue?: unknown } | null)?.adaptiveValue;
  const threshold = thresholdOf(a.exercise, a.question);
  return queue(a.profileId, (actor) =>
    attemptStatement(actor, {
      exercise: a.exercise,
      title: titleOf(a.exercise),
      level: a.level,
      seed: a.seed,
      score: a.score,
      timeMs: a.timeMs,
      at: a.at,
      passMark: STREAK_PASS_SCORE,
      gradedMix: MIX_KINDS.has(a.exercise),
      ...(a.assignmentId ? { assignmentId: a.assignmentId } : {}),
      ...(typeof value === 'number' ? { trialValue: value } : {}),
      ...(threshold ? { threshold } : {}),
    }),
  );
}

/** Queues a finished drill round. */
export function queueDrillRound(profileId: string, r: DrillRoundInput): Promise<void> {
  const unit = isExerciseId(r.exercise) ? exercises[r.exercise].meta.mainVariable?.unit : undefined;
  return queue(profileId, (actor) =>
    drillRoundStatement(actor, {
      exercise: r.exercise,
      title: titleOf(r.exercise),
      level: r.level,
      scores: r.scores,
      correct: r.correct,
      totalTimeMs: r.totalTimeMs,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      passMark: STREAK_PASS_SCORE,
      ...(r.assignmentId ? { assignmentId: r.assignmentId } : {}),
      ...(r.threshold && unit ? { threshold: { ...r.threshold, unit } } : {}),
    }),
  );
}

/** Queues a lesson completion. */
export function queueLesson(profileId: string, lesson: LessonSummary, completedAt: number): Promise<void> {
  return queue(profileId, (actor) =>
    lessonStatement(actor, {
      lessonId: lesson.id,
      title: lesson.title,
      version: lesson.version,
      completedAt,
    }),
  );
}

/** Queues a checked quiz. */
export function queueQuiz(
  profileId: string,
  lesson: LessonSummary,
  blockId: string,
  attempt: QuizAttempt,
): Promise<void> {
  return queue(profileId, (actor) =>
    quizStatement(actor, {
      lessonId: lesson.id,
      lessonTitle: lesson.title,
      blockId,
      score: attempt.score,
      passMark: lesson.passMarks[blockId] ?? 100,
      at: attempt.at,
      seed: attempt.seed,
    }),
  );
}

/** Loads the view for Settings (and starts sending if a record store is set up). */
export async function loadLrsView(): Promise<void> {
  await refresh();
}

/** The identity stored for a profile (Settings' form). */
export async function identityOf(profileId: string): Promise<LearnerIdentity | null> {
  return loadIdentity(await database(), profileId);
}

/** Checks and saves a record store setup typed in Settings; returns a problem in plain words, or null. */
export async function saveLrsSetup(input: LrsConfigInput): Promise<string | null> {
  const checked = checkLrsConfig(input, Date.now());
  if ('problem' in checked) return checked.problem;
  await saveLrsConfig(await database(), checked);
  setXapiConfigured(true);
  await start();
  return null;
}

/** Stops sending: forgets the setup and every statement still waiting. */
export async function removeLrsSetup(): Promise<void> {
  await removeLrsConfig(await database());
  setXapiConfigured(false);
  schedule(null);
  lrsView.value = { ...lrsView.value, missingIdentity: [] };
  await refresh();
}

/** Saves (or with null forgets) who a profile is in the record store; returns a problem or null. */
export async function saveProfileIdentity(
  profileId: string,
  identity: LearnerIdentity | null,
): Promise<string | null> {
  if (identity) {
    const problem = identityProblem(identity);
    if (problem) return problem;
  }
  await saveIdentity(await database(), profileId, identity);
  const name = nameOf(profileId);
  lrsView.value = {
    ...lrsView.value,
    missingIdentity: lrsView.value.missingIdentity.filter((n) => n !== name),
  };
  return null;
}
