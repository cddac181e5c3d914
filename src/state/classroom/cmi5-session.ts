/**
 * A cmi5 launch in the app (loaded only when an LMS launches Headroom at /cmi5?a=…&endpoint=…): signs in
 * with the LMS's token, sends `initialized`, opens the assignment, and when the student hands it in sends
 * passed or failed, completed and terminated, then offers the way back to the course. The session and any
 * statement not yet sent live in this tab's sessionStorage, so a dropped connection only delays them.
 */
import {
  type Cmi5Launch,
  type Cmi5LaunchData,
  cmi5Statement,
  finishingStatements,
  parseCmi5Launch,
} from '../../classroom/cmi5/launch';
import { type SyncQueue, syncOnce, type Waiting } from '../../classroom/xapi/sync';
import { showNotice } from '../shared/notices';
import { beginCmi5, type Cmi5Session, sendCmi5 } from './cmi5-client';
import { policyAllows } from './xapi-sync';

const SESSION_KEY = 'headroom-cmi5-session';
const QUEUE_KEY = 'headroom-cmi5-queue';
const RELOADED_KEY = 'headroom-cmi5-reloaded';

/** What this tab remembers of its cmi5 session. */
interface StoredSession extends Cmi5Session {
  startedAt: number;
  /** The assignment the LMS launched (its id, once opened), and whether it was handed in. */
  assignmentCode: string;
  finished: boolean;
}

function load<T>(key: string): T | null {
  try {
    const text = sessionStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}
const save = (key: string, value: unknown) => sessionStorage.setItem(key, JSON.stringify(value));

/** Whether this tab runs a cmi5 session (cheap: no network). */
export function inCmi5Session(): boolean {
  return load<StoredSession>(SESSION_KEY) !== null;
}

const queue: SyncQueue = {
  list: async () => load<Waiting[]>(QUEUE_KEY) ?? [],
  remove: async (ids) =>
    save(
      QUEUE_KEY,
      (load<Waiting[]>(QUEUE_KEY) ?? []).filter((w) => !ids.includes(w.id)),
    ),
  fail: async (ids, _error, next) =>
    save(
      QUEUE_KEY,
      (load<Waiting[]>(QUEUE_KEY) ?? []).map((w) =>
        ids.includes(w.id) ? { ...w, tries: w.tries + 1, nextTryAt: next(w.tries + 1) } : w,
      ),
    ),
};

let timer: ReturnType<typeof setTimeout> | null = null;

/** Sends what waits; retries later (or when back online) if the LMS cannot be reached. */
async function flush(): Promise<boolean> {
  const session = load<StoredSession>(SESSION_KEY);
  if (!session) return true;
  const report = await syncOnce({
    queue,
    send: (b) => sendCmi5(session, b),
    now: Date.now,
    random: Math.random,
  });
  if (timer) clearTimeout(timer);
  timer =
    report.nextTryAt === null
      ? null
      : setTimeout(() => void flush(), Math.max(0, report.nextTryAt - Date.now()));
  return report.waiting === 0;
}

async function enqueue(statements: { id?: string }[]): Promise<boolean> {
  const waiting = load<Waiting[]>(QUEUE_KEY) ?? [];
  for (const s of statements)
    if (s.id && !waiting.some((w) => w.id === s.id))
      waiting.push({ id: s.id, statement: s, tries: 0, nextTryAt: 0 });
  save(QUEUE_KEY, waiting);
  return flush();
}

const originOf = (url: string) => /^https?:\/\/[^/?#]+/i.exec(url)?.[0]?.toLowerCase() ?? '';

/**
 * Starts a session for the launch URL `href` (called before the router starts, after the address was
 * changed to the assignment's page). A page whose policy does not yet allow the LMS reloads the launch
 * once through the service worker, which allows the launch's two origins.
 */
export async function launchCmi5(href: string): Promise<void> {
  const params = new URL(href).searchParams;
  const launch = parseCmi5Launch(params);
  if ('problem' in launch) {
    showNotice({
      id: 'cmi5',
      tone: 'error',
      sticky: true,
      text: `This course launch cannot start: ${launch.problem}`,
    });
    return;
  }
  if (!policyAllows(originOf(launch.endpoint)) || !policyAllows(originOf(launch.fetchUrl))) {
    if (sessionStorage.getItem(RELOADED_KEY) !== href && 'serviceWorker' in navigator) {
      sessionStorage.setItem(RELOADED_KEY, href);
      await navigator.serviceWorker.ready;
      location.replace(href);
      return;
    }
    showNotice({
      id: 'cmi5',
      tone: 'error',
      sticky: true,
      text: 'Headroom could not connect to your course: open Headroom once from its own address, then launch again.',
    });
    return;
  }
  window.addEventListener('online', () => void flush());
  try {
    const session = await beginCmi5(launch);
    const startedAt = Date.now();
    save(SESSION_KEY, { ...session, startedAt, assignmentCode: params.get('a') ?? '', finished: false });
    save(QUEUE_KEY, []);
    await enqueue([cmi5Statement(launch, session.data, { verb: 'initialized', at: startedAt })]);
    showNotice({
      id: 'cmi5',
      tone: 'info',
      text: 'Started from your course: your score goes back to it when you hand in.',
    });
  } catch (e) {
    showNotice({ id: 'cmi5', tone: 'error', sticky: true, text: (e as Error).message });
  }
}

/** The student handed in: passed or failed, completed, terminated; then the way back to the course. */
export async function finishCmi5(score: number, passMark: number): Promise<void> {
  const session = load<StoredSession>(SESSION_KEY);
  if (!session || session.finished) return;
  const at = Date.now();
  save(SESSION_KEY, { ...session, finished: true });
  const sent = await enqueue(
    finishingStatements(session.launch as Cmi5Launch, session.data as Cmi5LaunchData, {
      score,
      passMark,
      at,
      durationMs: Math.max(0, at - session.startedAt),
    }),
  );
  const back = session.data.returnURL;
  showNotice({
    id: 'cmi5',
    tone: sent ? 'success' : 'warning',
    sticky: true,
    text: sent
      ? `Your score (${score}) was sent to your course.`
      : 'Your score waits to be sent to your course: keep this tab open until you are back online.',
    ...(back ? { action: { label: 'Back to the course', run: () => location.assign(back) } } : {}),
  });
}
