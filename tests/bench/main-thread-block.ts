/**
 * The longest time the page's main thread could not answer while `work` ran: the larger of the longest
 * Long Task the browser reports and the longest gap of a 10 ms timer heartbeat (what a click would wait).
 */
export async function longestBlock<T>(
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; blockMs: number }> {
  // Let the task that set this up end first (making a test file is a long task of its own).
  await new Promise((r) => setTimeout(r, 50));
  const t = performance.now();
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.startTime >= t) longest = Math.max(longest, e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let beat = performance.now();
  let gap = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    gap = Math.max(gap, now - beat);
    beat = now;
    if (running) setTimeout(tick, 10);
  };
  setTimeout(tick, 10);
  const value = await work();
  const ms = performance.now() - t;
  await new Promise((r) => setTimeout(r, 20));
  running = false;
  for (const e of observer.takeRecords()) if (e.startTime >= t) longest = Math.max(longest, e.duration);
  observer.disconnect();
  // A heartbeat waits 10 ms by design: only the time beyond that is blocking.
  return { value, ms, blockMs: Math.max(longest, gap - 10) };
}
