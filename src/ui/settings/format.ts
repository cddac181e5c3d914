/** Sizes and days in words for the backup panel. */

/** "12 kB", "68.7 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

/** "today", "yesterday", "5 days ago" (by calendar day on this device). */
export function daysAgo(at: number, now = Date.now()): string {
  const day = (t: number) => {
    const d = new Date(t);
    return Math.round(new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime() / 86_400_000);
  };
  const n = day(now) - day(at);
  return n <= 0 ? 'today' : n === 1 ? 'yesterday' : `${n} days ago`;
}
