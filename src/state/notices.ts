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

/** Shows a notice (replacing any with the same id). */
export function showNotice(notice: Notice): void {
  notices.value = [...notices.value.filter((n) => n.id !== notice.id), notice];
  if (!notice.sticky) setTimeout(() => dismissNotice(notice.id), 8000);
}

/** Removes a notice. */
export function dismissNotice(id: string): void {
  notices.value = notices.value.filter((n) => n.id !== id);
}
