/** Getting text out of the app (download, clipboard) and into it (files), for codes, reports and CSV. */
import { showNotice } from '../../state/shared/notices';

/** Largest file read for an assignment or report (anything bigger is refused before reading). */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Saves text as a file through the browser's download. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** Copies text to the clipboard (falls back to selecting `field` when the clipboard is not allowed). */
export async function copyText(
  text: string,
  field?: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    showNotice({ id: 'copied', tone: 'success', text: 'Copied.' });
  } catch {
    field?.focus();
    field?.select();
    showNotice({
      id: 'copied',
      tone: 'info',
      text: 'Copying is not allowed here: the text is selected, press Ctrl+C (⌘C).',
    });
  }
}

/** Reads files as text; files over the size limit become a refusal message instead. */
export async function readFiles(
  files: FileList | null,
): Promise<{ source: string; text: string | null; error?: string }[]> {
  const out: { source: string; text: string | null; error?: string }[] = [];
  for (const file of Array.from(files ?? [])) {
    if (file.size > MAX_FILE_BYTES) {
      out.push({
        source: file.name,
        text: null,
        error: `${file.name} is too large to be a Headroom file (over 1 MB).`,
      });
      continue;
    }
    try {
      out.push({ source: file.name, text: await file.text() });
    } catch {
      out.push({ source: file.name, text: null, error: `${file.name} could not be read.` });
    }
  }
  return out;
}

/** "14 March 2026" from YYYY-MM-DD, in the reader's language. */
export function formatDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
}

/** A date and time in the reader's language. */
export function formatTime(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A short date and time for table cells, e.g. "24 Nov, 15:10". */
export function formatShortTime(at: number): string {
  return new Date(at).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Minutes and seconds, e.g. "3 min 20 s". */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** Whether a YYYY-MM-DD due day has ended on this device's clock. */
export function isOverdue(isoDay: string, now = Date.now()): boolean {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return now > new Date(y, m - 1, d + 1).getTime();
}
