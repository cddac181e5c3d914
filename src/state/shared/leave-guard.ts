/**
 * Work that leaving the page would lose (an answer being saved or not yet saved, an import, a restore).
 * Anyone holds it with `holdLeave(reason)`; while any hold is open one `beforeunload` listener asks the
 * browser to confirm before the page goes. The listener exists only while something is held, so an idle
 * page keeps the browser's fast back/forward cache.
 */
import { computed, signal } from '@preact/signals';

/** The smallest part of `window` the guard needs (a fake stands in for it in Node tests). */
export type LeaveTarget = Pick<Window, 'addEventListener' | 'removeEventListener'>;

const holds = signal<ReadonlyMap<number, string>>(new Map());
let nextId = 0;
let target: LeaveTarget | null = typeof window === 'undefined' ? null : window;
let listening = false;

/** Why leaving now would lose work, in plain words, one entry per open hold (duplicates kept). */
export const leaveReasons = computed(() => [...holds.value.values()]);
/** True while leaving the page would lose work. */
export const leaveWouldLoseWork = computed(() => holds.value.size > 0);

function onBeforeUnload(event: BeforeUnloadEvent): string | undefined {
  if (holds.value.size === 0) return undefined;
  event.preventDefault();
  // Older browsers show the prompt only when returnValue is set; the text itself is never shown.
  const text = `Leaving now would lose work: ${leaveReasons.value.join('; ')}.`;
  event.returnValue = text;
  return text;
}

function sync(): void {
  const want = holds.value.size > 0 && target !== null;
  if (want === listening || !target) return;
  if (want) target.addEventListener('beforeunload', onBeforeUnload as EventListener);
  else target.removeEventListener('beforeunload', onBeforeUnload as EventListener);
  listening = want;
}

/**
 * Asks the browser to confirm before the page is left, until the returned function is called.
 * `reason` says what would be lost (e.g. "an answer is being saved"). Releasing twice is harmless.
 */
export function holdLeave(reason: string): () => void {
  const id = ++nextId;
  holds.value = new Map(holds.value).set(id, reason);
  sync();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = new Map(holds.value);
    next.delete(id);
    holds.value = next;
    sync();
  };
}

/** Runs `work` while holding the page open for `reason`; the hold is released however the work ends. */
export async function whileHoldingLeave<T>(reason: string, work: () => Promise<T>): Promise<T> {
  const release = holdLeave(reason);
  try {
    return await work();
  } finally {
    release();
  }
}

/** Points the guard at another event target (tests), returning the listener it installs, for checks. */
export function setLeaveTarget(next: LeaveTarget | null): (event: BeforeUnloadEvent) => string | undefined {
  if (listening && target) target.removeEventListener('beforeunload', onBeforeUnload as EventListener);
  listening = false;
  target = next;
  sync();
  return onBeforeUnload;
}
