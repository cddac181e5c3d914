/** Runs work once the browser has painted what is on screen now, so a heavy step never delays feedback. */

/**
 * Calls `run` after the next frame has been painted (a frame, then a task), or on the next task where there
 * are no frames (Node, a hidden tab whose frames are paused: at most `maxWaitMs` later).
 */
export function afterNextPaint(run: () => void, maxWaitMs = 250): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  if (typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => setTimeout(once, 0));
    // Hidden tabs get no frames: do not wait for one forever.
    setTimeout(once, maxWaitMs);
  } else setTimeout(once, 0);
}
