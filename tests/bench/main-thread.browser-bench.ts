// `npm run bench main-thread` (browser): the Mix page playing a song on a slow device (issue 21, "Meters that cost
// little"). The whole app is rendered at /mix?song=rock on the bench page; once the song is made, Play is pressed
// and the renderer's CPU is throttled through the DevTools protocol (Emulation.setCPUThrottlingRate, 4× and 6×:
// a school Chromebook's cores are 3–5× slower than a developer's). Measured while it plays: how many frames a
// meter changed on screen per second, the share of time in long tasks (> 50 ms), and key → screen for an arrow
// key on a fader (from the key's event time to the frame that shows it). Then Stop, unthrottled: the main
// thread's busy time (Performance.getMetrics TaskDuration) and, where the runner gives it, the renderer's CPU.
// run.mjs gives the page `benchCdp(method, params)` and `benchPress(key)` (a real key press through CDP).

interface Row {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  ok?: boolean;
}

type Cdp = (method: string, params?: object) => Promise<Record<string, unknown>>;
const g = globalThis as unknown as {
  benchCdp?: Cdp;
  benchPress?: (key: string) => Promise<void>;
  benchRendererCpuMs?: () => Promise<number>;
};

const SONG = 'rock';
const PLAY_WINDOW_MS = 6000;
const KEY_PRESSES = 12;
const IDLE_WAIT_MS = 5000;
const IDLE_WINDOW_MS = 5000;

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves when `test` holds (polled every 50 ms). */
async function until(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = performance.now();
  while (!test()) {
    if (performance.now() - start > timeoutMs)
      throw new Error(`main-thread bench: timed out waiting for ${what}`);
    await delay(50);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** Chromium's main-thread time counters so far, ms: all tasks, script, style, layout. */
async function threadMs(cdp: Cdp): Promise<{ task: number; script: number; style: number; layout: number }> {
  const { metrics } = (await cdp('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    task: ms('TaskDuration'),
    script: ms('ScriptDuration'),
    style: ms('RecalcStyleDuration'),
    layout: ms('LayoutDuration'),
  };
}

/** Main-thread busy time so far, ms (Chromium's TaskDuration metric). */
async function taskMs(cdp: Cdp): Promise<number> {
  return (await threadMs(cdp)).task;
}

/**
 * Over `ms`: frames per second in which any meter's DOM changed (a MutationObserver counts, per animation
 * frame, whether a meter was touched) and the share of the time spent in long tasks.
 */
async function playingWindow(
  cdp: Cdp,
  ms: number,
): Promise<{ fps: number; longShare: number; longestMs: number; split: string }> {
  const before = await threadMs(cdp);
  let frameNo = 0;
  let counting = true;
  const count = () => {
    frameNo++;
    if (counting) requestAnimationFrame(count);
  };
  requestAnimationFrame(count);
  const framesTouched = new Set<number>();
  // Bars a Worker draws (ui/mixer/meter-canvas.ts) change no DOM: each 'draw' message sent to it is a frame too.
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
    if ((args[0] as { type?: string } | null)?.type === 'draw') drawn++;
    return (post as (...a: unknown[]) => void).apply(this, args);
  } as Worker['postMessage'];
  let drawn = 0;
  const console_ = document.querySelector('.console');
  const mutations = new MutationObserver((records) => {
    if (
      records.some(
        (r) => (r.target as Element).closest?.('.meter') ?? r.target.parentElement?.closest('.meter'),
      )
    )
      framesTouched.add(frameNo);
  });
  if (console_)
    mutations.observe(console_, { subtree: true, attributes: true, characterData: true, childList: true });
  const t0 = performance.now();
  let longMs = 0;
  let longestMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.startTime < t0) continue;
      longMs += e.duration;
      longestMs = Math.max(longestMs, e.duration);
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  await delay(ms);
  const elapsed = performance.now() - t0;
  for (const e of observer.takeRecords()) {
    if (e.startTime < t0) continue;
    longMs += e.duration;
    longestMs = Math.max(longestMs, e.duration);
  }
  observer.disconnect();
  mutations.disconnect();
  Worker.prototype.postMessage = post;
  counting = false;
  const after = await threadMs(cdp);
  // Where the main thread's time went (share of the window): script, style, layout, and the rest (paint,
  // compositing updates, garbage collection, idle-time bookkeeping).
  const pct = (a: number, b: number) => `${(((a - b) / elapsed) * 100).toFixed(0)} %`;
  const rest =
    after.task -
    before.task -
    (after.script - before.script) -
    (after.style - before.style) -
    (after.layout - before.layout);
  const split = `busy ${pct(after.task, before.task)}: script ${pct(after.script, before.script)}, style ${pct(after.style, before.style)}, layout ${pct(after.layout, before.layout)}, other ${pct(rest, 0)}`;
  // A reading's words and bars go out together: the larger count is the meters' frames.
  return {
    fps: (Math.max(framesTouched.size, drawn) / elapsed) * 1000,
    longShare: longMs / elapsed,
    longestMs,
    split,
  };
}

/** Presses `key` (through CDP, as a real key) and resolves with ms from the key event to the frame after it. */
function keyToScreen(key: string): Promise<number> {
  return new Promise((resolve) => {
    const onKey = (event: KeyboardEvent) => {
      document.removeEventListener('keydown', onKey, true);
      const t0 = event.timeStamp;
      // The fader re-renders in this task (or a microtask after it); the frame after the next animation
      // frame callback paints it, and a message posted from that callback runs once the frame is done.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - t0);
        channel.port2.postMessage(null);
      });
    };
    document.addEventListener('keydown', onKey, true);
    void g.benchPress?.(key);
  });
}

async function keyTimes(fader: HTMLElement): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < KEY_PRESSES; i++) {
    fader.focus();
    out.push(await keyToScreen(i % 2 === 0 ? 'ArrowUp' : 'ArrowDown'));
    await delay(250 + ((i * 37) % 60));
  }
  return out;
}

/** Rows: the Mix page playing at 4× and 6× CPU throttling, then the page after Stop. */
export async function run(): Promise<Row[]> {
  const cdp = g.benchCdp;
  if (!cdp || !g.benchPress)
    throw new Error('main-thread bench: run.mjs must expose benchCdp and benchPress');
  await cdp('Performance.enable', { timeDomain: 'threadTicks' });

  // The app as a learner opens it: /mix?song=rock, the app's own styles and theme.
  history.replaceState(null, '', `/mix?song=${SONG}`);
  document.body.innerHTML = '<div id="app"></div>';
  await import('../../src/ui/styles/base.css');
  const { startRouter } = await import('../../src/state/shared/router');
  const { applyTheme } = await import('../../src/state/settings/theme');
  const { App } = await import('../../src/ui/shell/app');
  const { render, h } = await import('preact');
  const { rendering } = await import('../../src/state/mixer/mix-songs');
  startRouter();
  applyTheme();
  render(h(App, {}), document.getElementById('app') as HTMLElement);

  const play = () => document.querySelector<HTMLButtonElement>('button.transport-play');
  await until(() => !!play() && !play()!.disabled, 90_000, 'Play enabled');
  // The whole song made (its Worker quiet), so only playback is measured.
  await until(() => !rendering.value, 120_000, 'the song to be made');
  await delay(1000);

  const rows: Row[] = [];
  const idleBefore = await idleCpu(cdp, IDLE_WINDOW_MS);

  play()!.click();
  await until(() => play()?.getAttribute('aria-label') === 'Stop', 10_000, 'playing');
  await delay(1000);
  const fader = document.querySelector<HTMLElement>('.strip .fader-track[role="slider"]');
  if (!fader) throw new Error('main-thread bench: no fader on the Mix page');

  // HEADROOM_BENCH_PART=profile: instead, where the main thread's time goes at 4× (a sampling profile, by
  // self time: "(program)" is the browser's own work — style, layout, paint — "(garbage collector)" GC).
  const part = (globalThis as { HEADROOM_BENCH_PART?: string }).HEADROOM_BENCH_PART;
  if (part === 'trace') {
    // A timeline trace of the same window, for a runner that collects Tracing.dataCollected (not run.mjs).
    await cdp('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp('Tracing.start', {
      categories: 'devtools.timeline,blink,cc,v8,disabled-by-default-devtools.timeline.invalidationTracking',
      transferMode: 'ReportEvents',
    });
    await delay(PLAY_WINDOW_MS);
    await cdp('Tracing.end');
    await cdp('Emulation.setCPUThrottlingRate', { rate: 1 });
    return [];
  }
  if (part === 'profile') {
    await cdp('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp('Profiler.enable');
    await cdp('Profiler.start');
    await delay(PLAY_WINDOW_MS);
    const { profile } = (await cdp('Profiler.stop')) as { profile: CpuProfile };
    await cdp('Emulation.setCPUThrottlingRate', { rate: 1 });
    play()!.click();
    render(null, document.getElementById('app') as HTMLElement);
    return topSelfTime(profile);
  }

  for (const rate of [4, 6]) {
    await cdp('Emulation.setCPUThrottlingRate', { rate });
    await delay(1000);
    const w = await playingWindow(cdp, PLAY_WINDOW_MS);
    const keys = await keyTimes(fader);
    const at = `Mix page playing at ${rate}× CPU throttling`;
    rows.push(
      {
        name: `${at}: meter frames per second`,
        value: w.fps,
        unit: 'fps',
        goal: '> 10 and ≤ 31',
        ok: w.fps > 10 && w.fps <= 31,
      },
      {
        name: `${at}: time in long tasks (longest ${w.longestMs.toFixed(0)} ms; main thread ${w.split})`,
        value: w.longShare * 100,
        unit: '%',
        ...(rate === 4 ? { goal: '< 10 %', ok: w.longShare < 0.1 } : {}),
      },
      {
        name: `${at}: fader key → screen, median of ${KEY_PRESSES}`,
        value: median(keys),
        unit: 'ms',
        ...(rate === 4 ? { goal: '< 50 ms', ok: median(keys) < 50 } : {}),
      },
      { name: `${at}: fader key → screen, max`, value: Math.max(...keys), unit: 'ms' },
    );
  }
  await cdp('Emulation.setCPUThrottlingRate', { rate: 1 });

  play()!.click();
  await until(() => play()?.getAttribute('aria-label') === 'Play', 10_000, 'stopped');
  await delay(IDLE_WAIT_MS);
  const idleAfter = await idleCpu(cdp, IDLE_WINDOW_MS);
  rows.push(
    {
      name: 'Mix page before the first Play: main thread busy (share of one core)',
      value: idleBefore.mainShare * 100,
      unit: '%',
    },
    {
      name: `Mix page ${IDLE_WAIT_MS / 1000} s after Stop: main thread busy (share of one core)`,
      value: idleAfter.mainShare * 100,
      unit: '%',
      goal: '< 2 %',
      ok: idleAfter.mainShare < 0.02,
    },
  );
  if (idleBefore.rendererShare !== null && idleAfter.rendererShare !== null)
    rows.push(
      {
        name: 'Mix page before the first Play: renderer CPU, all threads (share of one core)',
        value: idleBefore.rendererShare * 100,
        unit: '%',
      },
      {
        name: `Mix page ${IDLE_WAIT_MS / 1000} s after Stop: renderer CPU, all threads (share of one core)`,
        value: idleAfter.rendererShare * 100,
        unit: '%',
      },
    );
  render(null, document.getElementById('app') as HTMLElement);
  return rows;
}

/** Main-thread busy share (and the renderer processes' CPU share, if the runner measures it) over `ms`. */
async function idleCpu(cdp: Cdp, ms: number): Promise<{ mainShare: number; rendererShare: number | null }> {
  const cpu = g.benchRendererCpuMs;
  const task0 = await taskMs(cdp);
  const cpu0 = cpu ? await cpu() : 0;
  const t0 = performance.now();
  await delay(ms);
  const elapsed = performance.now() - t0;
  const task1 = await taskMs(cdp);
  const cpu1 = cpu ? await cpu() : 0;
  return { mainShare: (task1 - task0) / elapsed, rendererShare: cpu ? (cpu1 - cpu0) / elapsed : null };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** The 15 functions with the most self time in a CPU profile, as rows (ms). */
function topSelfTime(profile: CpuProfile): Row[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id);
    if (!f) return;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([name, ms]) => ({ name: `profile at 4×, self time: ${name}`, value: ms, unit: 'ms' }));
}
