import { signal } from '@preact/signals';

/** A message in the app's notice area; `action` adds one button. */
export interface Notice {
  id: string;
  tone: 'info' | 'success' | 'warning' | 'error';
  text: string;
  action?: { label: string; run: () => void };
  /** Stays until dismissed (errors and updates); others fade after a while. */
  sticky?: boolean;
}

/** The notices currently shown, newest last. */
export const notices = signal<Notice[]>([]);

/** How long a notice stays, ms: a confirmation briefly (it may cover a button), a problem long enough to read. */
export function noticeMs(tone: Notice['tone']): number {
  return tone === 'success' || tone === 'info' ? 4000 : 8000;
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();

/** Shows a notice (replacing any with the same id, whose time then starts again). */
export function showNotice(notice: Notice): void {
  notices.value = [...notices.value.filter((n) => n.id !== notice.id), notice];
  clearTimeout(timers.get(notice.id));
  timers.delete(notice.id);
  if (!notice.sticky)
    timers.set(
      notice.id,
      setTimeout(() => {
        timers.delete(notice.id);
        dismissNotice(notice.id);
      }, noticeMs(notice.tone)),
    );
}

/** Removes a notice. */
export function dismissNotice(id: string): void {
  notices.value = notices.value.filter((n) => n.id !== id);
}
