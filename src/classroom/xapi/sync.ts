/**
 * Sending queued statements to the LRS (pure: the queue, the transport and the clock are passed in). The
 * LRS is asked in batches; what it accepted leaves the queue, what failed waits longer after each failure
 * (exponential back-off), and a statement the LRS calls invalid is set aside rather than retried forever.
 */

/** Milliseconds. */
export type Ms = number;

/** Most statements in one request. */
export const BATCH_SIZE = 50;
/** Wait after the first failure; doubles with each further one, up to MAX_BACKOFF_MS. */
export const FIRST_BACKOFF_MS: Ms = 5_000;
/** Longest wait between tries. */
export const MAX_BACKOFF_MS: Ms = 30 * 60_000;

/** One statement waiting in the queue (the fields sync needs). */
export interface Waiting {
  id: string;
  statement: unknown;
  tries: number;
  nextTryAt: number;
}

/** What one POST of a batch came to. */
export type SendOutcome =
  | { kind: 'accepted' }
  /**
   * The LRS already holds a statement with one of these ids but other content (409). It then stores none of
   * the batch, so sync resends one by one; a single one in conflict is already there and leaves the queue.
   */
  | { kind: 'conflict' }
  /** The LRS refused the statements as invalid (400), with its words. */
  | { kind: 'invalid'; detail: string }
  /** The key and secret were not accepted (401, 403). */
  | { kind: 'denied' }
  /** The batch was too large (413). */
  | { kind: 'too-large' }
  /** No connection, a server error, or "too many requests": try again later (after `retryAfterMs` if given). */
  | { kind: 'retry'; detail: string; retryAfterMs?: Ms };

/** The queue as sync sees it. */
export interface SyncQueue {
  list(): Promise<Waiting[]>;
  remove(ids: readonly string[]): Promise<void>;
  /** One more failed try for each id, the next not before `nextTryAt(tries)`. */
  fail(ids: readonly string[], error: string, nextTryAt: (tries: number) => number): Promise<void>;
}

/** What a sync run did. */
export interface SyncReport {
  sent: number;
  /** Statements still waiting (set-aside ones included). */
  waiting: number;
  /** Statements the LRS refused as invalid (kept, never retried on their own). */
  setAside: number;
  /** The last problem in plain words, or null when everything due went through. */
  error: string | null;
  /** When the next try is due (epoch ms), or null when nothing waits for a retry. */
  nextTryAt: number | null;
}

/**
 * The wait after `tries` failures: 5 s, 10 s, 20 s … up to 30 min, spread by ±25 % (`spread` in 0..1, 0.5
 * for none) so many devices coming online together do not all retry at the same moment.
 */
export function backoffMs(tries: number, spread = 0.5): Ms {
  const base = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, tries - 1));
  return Math.round(base * (0.75 + 0.5 * Math.min(1, Math.max(0, spread))));
}

/** A statement set aside as invalid never comes due by itself. */
export const SET_ASIDE = Number.MAX_SAFE_INTEGER;

/** Plain words for an outcome that is not a success. */
export function outcomeWords(o: SendOutcome): string {
  switch (o.kind) {
    case 'denied':
      return 'The record store did not accept the key and secret. Check them in Settings.';
    case 'invalid':
      return `The record store refused a statement as invalid: ${o.detail}`;
    case 'too-large':
      return 'The record store found a batch too large; sending fewer at a time.';
    case 'retry':
      return o.detail;
    default:
      return '';
  }
}

/** Dependencies of one sync run. */
export interface SyncDeps {
  queue: SyncQueue;
  send: (statements: unknown[]) => Promise<SendOutcome>;
  now: () => number;
  /** 0..1; Math.random in the app, fixed in tests. */
  random?: () => number;
  batchSize?: number;
}

/**
 * Sends every statement that is due, batch after batch, until the queue has nothing due or a send fails
 * in a way that affects them all (no connection, denied). An invalid batch is retried one statement at a
 * time so only the bad one is set aside.
 */
export async function syncOnce(deps: SyncDeps): Promise<SyncReport> {
  const random = deps.random ?? (() => 0.5);
  let size = deps.batchSize ?? BATCH_SIZE;
  let sent = 0;
  let error: string | null = null;
  const setAsideIds = new Set<string>();
  for (let round = 0; round < 10_000; round++) {
    const now = deps.now();
    const due = (await deps.queue.list()).filter((w) => w.nextTryAt <= now && !setAsideIds.has(w.id));
    if (due.length === 0) break;
    const batch = due.slice(0, size);
    const ids = batch.map((w) => w.id);
    let outcome: SendOutcome;
    try {
      outcome = await deps.send(batch.map((w) => w.statement));
    } catch (e) {
      outcome = { kind: 'retry', detail: `Could not reach the record store (${(e as Error).message}).` };
    }
    if (outcome.kind === 'conflict' && batch.length > 1) {
      size = 1; // the LRS refused the whole batch for one id it already holds: send one by one
      continue;
    }
    if (outcome.kind === 'accepted' || outcome.kind === 'conflict') {
      await deps.queue.remove(ids);
      sent += batch.length;
      continue;
    }
    error = outcomeWords(outcome);
    if (outcome.kind === 'too-large' && size > 1) {
      size = Math.max(1, Math.floor(size / 2));
      continue;
    }
    if (outcome.kind === 'invalid') {
      if (batch.length > 1) {
        size = 1; // find the bad one
        continue;
      }
      await deps.queue.fail(ids, error, () => SET_ASIDE);
      for (const id of ids) setAsideIds.add(id);
      continue;
    }
    // No connection, server trouble, denied: everything waits.
    const retryAfter = outcome.kind === 'retry' ? outcome.retryAfterMs : undefined;
    await deps.queue.fail(ids, error, (tries) => now + Math.max(retryAfter ?? 0, backoffMs(tries, random())));
    break;
  }
  const rest = await deps.queue.list();
  const retrying = rest.filter((w) => w.nextTryAt !== SET_ASIDE);
  return {
    sent,
    waiting: rest.length,
    setAside: rest.length - retrying.length,
    error,
    nextTryAt: retrying.length ? Math.min(...retrying.map((w) => w.nextTryAt)) : null,
  };
}

/** Reads an LRS's answer to a POST of statements. */
export function classifyResponse(status: number, body: string, retryAfter: string | null): SendOutcome {
  if (status >= 200 && status < 300) return { kind: 'accepted' };
  if (status === 409) return { kind: 'conflict' };
  if (status === 400) return { kind: 'invalid', detail: body.slice(0, 300) || 'no reason given.' };
  if (status === 401 || status === 403) return { kind: 'denied' };
  if (status === 413) return { kind: 'too-large' };
  const seconds = retryAfter !== null ? Number(retryAfter) : Number.NaN;
  const retryAfterMs = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
  const detail =
    status === 429
      ? 'The record store asked to wait before sending more.'
      : status === 404
        ? 'The record store address seems wrong (it answered “not found”). Check it in Settings.'
        : `The record store had a problem (error ${status}). If it lasts, check the address, key and secret in Settings; trying again later.`;
  return { kind: 'retry', detail, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
}
