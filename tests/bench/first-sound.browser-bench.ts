// `npm run bench first-sound` (browser): Play → first sound and memory (issues 20 part 3 and 21 part 1).
// It runs on the PRODUCTION build (run.mjs builds tests/bench/bench-page-production.html with the app's Vite
// config and serves it with `vite preview`): what a learner's tab holds, not the dev server's unbundled modules
// (25–110 MB more). HEADROOM_BENCH_DEV=1 runs it on the dev server.
// "First sound" is the first non-silent sample (above −60 dBFS) at the live context's output, heard by an
// analyser tapped onto every connection to the speakers (output-tap.ts), timed from the moment Play is
// pressed. Cold: the first Play of the page (the audio context is made by the first song's loading, as on
// the Mix page) or of a question; warm: Play again after Stop.
// Memory rows, in this order on one page (each row carries what the steps before it left):
//   page without audio   the bench page before any app module is imported (no Worker, no audio context);
//   Mix page playing     a song opened cold on the Mix page's model and playing (its stems, graph, song Worker);
//   after leaving it     what leaving the Mix page releases is released (song, graph, stems; the live context
//                        closed once no page that plays holds it, AUDIO_CLOSE_MS);
//   after a drill        a 10-question level-change drill answered (its songs made in the song Worker);
//   after closing it     the drill disposed, the live context closed; then again once the song Worker stopped idle.
// HEADROOM_BENCH_PART=drill-memory: the drill's memory at question 1 and 10 (with heap snapshots), then after the
// song Worker stopped, the drill closed and the live context closed (what each holds; issue 21 part 1).
// Each row: the page's JS heap (CDP, after a forced GC of the page's main thread only: Workers and the audio
// thread are not collected), the page's ArrayBuffer backing stores (samples, outside that heap) and the
// renderer's PSS (the whole process: the page, its Workers, the audio thread and Web Audio's buffers), with
// the PSS peak since the previous row.
import type { LevelChangeAnswer } from '../../src/exercises/level-change/meta';
import type { DrillSession } from '../../src/state/drill/drill';
import { longestBlock } from './main-thread-block';
import { installOutputTap, memoryNow, outputSilent, outputSound, when } from './output-tap';

// The app's modules load after the first row: song-stems.ts starts the song Worker (and hands it the instrument
// bank) as soon as it is imported, so a static import measured that Worker as "a page without audio".
let app: Awaited<ReturnType<typeof loadApp>>;
async function loadApp() {
  const [drill, songs, model, audio, stems, cache] = await Promise.all([
    import('../../src/state/drill/drill'),
    import('../../src/state/mixer/mix-songs'),
    import('../../src/state/mixer/mixer-model'),
    import('../../src/state/shared/audio'),
    import('../../src/state/shared/song-stems'),
    import('../../src/state/shared/stem-cache'),
  ]);
  return { ...drill, ...songs, ...model, ...audio, ...stems, ...cache };
}

interface Row {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  ok?: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const WARM_RUNS = 5;
const DRILL_QUESTIONS = 10;

/** Presses Play (`play`) and resolves with ms to the first sound at the output. */
async function timePlay(play: () => Promise<void>): Promise<number> {
  await outputSilent();
  const pressed = performance.now();
  const sound = outputSound();
  await play();
  return (await sound) - pressed;
}

function timeRow(name: string, ms: number, goalMs?: number): Row {
  return {
    name,
    value: ms,
    unit: 'ms',
    ...(goalMs ? { goal: `< ${goalMs} ms`, ok: ms < goalMs } : {}),
  };
}

/** Memory rows for a moment: heap and PSS after GC, and the PSS peak since the last rows. */
async function memoryRows(label: string, budgetMB: number): Promise<Row[]> {
  const m = await memoryNow(true);
  const bench = globalThis as {
    benchSmaps?: (label: string) => Promise<void>;
    benchRendererAnonymousMB?: () => Promise<number>;
  };
  const anonymousMB = (await bench.benchRendererAnonymousMB?.()) ?? Number.NaN;
  // HEADROOM_BENCH_SMAPS set: the renderer's mappings at this row, for investigations (run.mjs).
  await bench.benchSmaps?.(label);
  return [
    { name: `memory, ${label}: JS heap after GC`, value: m.heapMB, unit: 'MB' },
    {
      name: `memory, ${label}: the page's ArrayBuffers (samples) after GC`,
      value: m.arrayBuffersMB,
      unit: 'MB',
    },
    {
      name: `memory, ${label}: renderer (PSS) after GC`,
      value: m.pssMB,
      unit: 'MB',
      goal: `< ${budgetMB} MB`,
      ok: m.pssMB < budgetMB,
    },
    { name: `memory, ${label}: renderer peak (PSS) since the last row`, value: m.peakMB, unit: 'MB' },
    // The tab's own memory (no shared library pages): steadier than PSS from run to run on a shared machine.
    { name: `memory, ${label}: renderer anonymous memory after GC`, value: anonymousMB, unit: 'MB' },
  ];
}

/** One drill question: play it (timing Play → sound), answer it, go on. */
async function answerQuestion(session: DrillSession): Promise<number> {
  await when(
    () => session.player.status.value === 'ready' || session.player.status.value === 'failed',
    60_000,
    `question ${session.index.value + 1} playable`,
  );
  if (session.player.status.value === 'failed') throw new Error(session.player.error.value ?? 'failed');
  const ms = await timePlay(() => session.player.play());
  session.player.stop();
  const answer: LevelChangeAnswer = { trackIndex: 0, direction: 'up', amountDb: 3 };
  session.setAnswer(answer);
  await session.submit();
  return ms;
}

/** Rows: Mix page and level-change drill, Play → first sound (cold, warm), open → playable, and memory. */
export async function run(): Promise<Row[]> {
  installOutputTap();
  const rows: Row[] = [...(await memoryRows('page without audio (bench page, no app module loaded)', 100))];
  app = await loadApp();
  const { clearCachedAudio, clearDrillStems } = app;
  // HEADROOM_BENCH_PART=drill: the level-change drill alone (its memory rows without what the Mix page left).
  const part = (globalThis as { HEADROOM_BENCH_PART?: string }).HEADROOM_BENCH_PART;
  if (part === 'drill') return drillAlone(rows);
  // HEADROOM_BENCH_PART=drill-memory: the 10-question drill's memory at question 1 and question 10 (issue 21).
  if (part === 'drill-memory') return drillMemoryRows(rows);
  await mixPageRows(rows);
  await clearCachedAudio();
  clearDrillStems();
  await coldOpenRow(rows, 'eq-boost', 1, 'eq-boost drill on pink noise (level 1), cold: open → playable');
  return drillAlone(rows);
}

/** The Mix page's rows: a song opened cold, Play cold and warm, memory while playing and after leaving. */
async function mixPageRows(rows: Row[]): Promise<void> {
  const { clearCachedAudio, clearDrillStems, createMixerModel, loadSongChoice, releaseMixSong } = app;
  const { suspendAudio, stemWritesSettled, holdAudio, AUDIO_CLOSE_MS } = app;
  // Mix page: a song opened cold (nothing cached), Play as soon as it is enabled, then again after Stop.
  await clearCachedAudio();
  clearDrillStems();
  // The page holds the live context while open (mix-page.tsx), as it does the model.
  const releaseAudio = holdAudio();
  const model = createMixerModel();
  const chosen = performance.now();
  const loading = loadSongChoice(model, 'pop');
  const enabled = await when(() => model.status.value === 'ready');
  rows.push(timeRow('Mix page, cold song: chosen → Play enabled', enabled - chosen, 1000));
  const cold = await timePlay(() => model.play());
  rows.push(timeRow('Mix page: Play → first sound, cold (first Play of the page)', cold, 100));
  model.stop();
  await loading;
  const warm: number[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    warm.push(await timePlay(() => model.play()));
    if (i === 0) rows.push(...(await memoryRows('Mix page playing a song', 150)));
    model.stop();
  }
  rows.push(timeRow(`Mix page: Play → first sound, warm (median of ${WARM_RUNS})`, median(warm), 100));
  // Leaving the page: what mix-page.tsx does on unmount (the song, its graph and the stem memory released).
  model.stop();
  // The tail dies away before the context is suspended (a suspended context's analyser keeps its last block).
  await outputSilent();
  releaseMixSong(model);
  await suspendAudio();
  releaseAudio();
  await stemWritesSettled();
  // A stopped Worker's thread and heap go a moment later, and the live context is closed once no page that
  // plays has held it for AUDIO_CLOSE_MS (the learner is on another page by then).
  await new Promise((resolve) => setTimeout(resolve, Math.max(2000, AUDIO_CLOSE_MS + 1000)));
  rows.push(...(await memoryRows('after leaving the Mix page', 100)));
}

/** answerQuestion, its failure naming the question and the player's and the live context's states. */
async function answerNamed(session: DrillSession, i: number): Promise<number> {
  try {
    return await answerQuestion(session);
  } catch (e) {
    const ctx = app.currentAudioContext();
    throw new Error(
      `question ${i + 1}: ${e instanceof Error ? e.message : String(e)} (player ${session.player.status.value}, ` +
        `playing ${session.player.state.value?.playing}, context ${ctx?.state ?? 'none'})`,
    );
  }
}

/**
 * Memory during a drill (issue 21 part 1: the current and the next question only): the same 10-question
 * level-change drill, memory rows once question 1 and question 10 are answered, and heap snapshots of the page
 * at both (.tmp/bench-snapshots/, for a diff of what question 10 holds that question 1 did not).
 */
async function drillMemoryRows(rows: Row[]): Promise<Row[]> {
  const { clearCachedAudio, clearDrillStems, createDrill, suspendAudio } = app;
  await clearCachedAudio();
  clearDrillStems();
  const snapshot = (globalThis as { benchHeapSnapshot?: (path: string) => Promise<void> }).benchHeapSnapshot;
  const session = createDrill({ kind: 'level-change', level: 1, count: DRILL_QUESTIONS, seed: 7 });
  await answerNamed(session, 0);
  // The next question's audio made ready meanwhile (question-ahead.ts), as a learner reading the review sees.
  await new Promise((resolve) => setTimeout(resolve, 8000));
  rows.push(...(await memoryRows('drill, question 1 answered', 150)));
  await snapshot?.('.tmp/bench-snapshots/drill-q1.heapsnapshot');
  for (let i = 1; i < DRILL_QUESTIONS; i++) {
    session.next();
    await answerNamed(session, i);
  }
  await new Promise((resolve) => setTimeout(resolve, 8000));
  rows.push(...(await memoryRows(`drill, question ${DRILL_QUESTIONS} answered`, 150)));
  await snapshot?.('.tmp/bench-snapshots/drill-q10.heapsnapshot');
  // What each holder is worth: the song Worker stopped, then the drill closed (its graphs and buffers; the live
  // context kept open by a hold of the bench's own), then the live context closed.
  clearDrillStems();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  rows.push(...(await memoryRows(`drill, question ${DRILL_QUESTIONS}: then the song Worker stopped`, 150)));
  const releaseAudio = app.holdAudio();
  session.next();
  session.dispose();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  rows.push(...(await memoryRows('then the drill closed (live context still open)', 150)));
  releaseAudio();
  await suspendAudio();
  await new Promise((resolve) => setTimeout(resolve, app.AUDIO_CLOSE_MS + 2000));
  rows.push(...(await memoryRows('then the live context closed', 100)));
  return rows;
}

/** The level-change drill's rows (timing, main thread, memory), then the listening drill's Next → playable. */
async function drillAlone(rows: Row[]): Promise<Row[]> {
  const { clearCachedAudio, clearDrillStems } = app;
  // A level-change drill from a cold cache: open → playable, Play → sound per question, memory during it.
  await clearCachedAudio();
  clearDrillStems();
  // The page's main thread meanwhile: its longest block, and all its long tasks (> 50 ms) added up.
  let longTasksMs = 0;
  const longTasks = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasksMs += e.duration;
  });
  longTasks.observe({ type: 'longtask', buffered: false });
  const drillBlock = longestBlock(() => drillRows(rows));
  const { value: session, blockMs, ms } = await drillBlock;
  longTasks.disconnect();
  rows.push(timeRow("drill (10 questions): the main thread's longest block", blockMs));
  rows.push({
    name: 'drill (10 questions): main-thread long tasks, share of the time',
    value: (100 * longTasksMs) / ms,
    unit: '%',
  });
  const done = await finishRows(rows, session);
  // A learner listens before answering: Next → playable when the next question had that long to get ready.
  await clearCachedAudio();
  clearDrillStems();
  await listeningRows(rows);
  return done;
}

/** The first question's wait split: its audio prepared (stems, loop, pair), then its graph and level match. */
function splitRows(kind: string, session: DrillSession, loadMs: number): Row[] {
  const prepareMs = session.player.timings.value.prepareMs ?? Number.NaN;
  return [
    timeRow(`  of which (${kind}): its audio prepared (stems, loop, A/B pair)`, prepareMs),
    timeRow(`  of which (${kind}): then its graph built and level match measured`, loadMs - prepareMs),
  ];
}

/** Opens a drill of `kind` at `level` on a cold start and times open → playable (then closes it). */
async function coldOpenRow(rows: Row[], kind: 'eq-boost', level: number, name: string): Promise<void> {
  const { createDrill, suspendAudio } = app;
  const opened = performance.now();
  const session = createDrill({ kind, level, count: 3, seed: 11 });
  const playable = await when(() => session.player.status.value === 'ready', 60_000, `${kind} ready`);
  rows.push(timeRow(name, playable - opened, 300));
  rows.push(...splitRows(kind, session, playable - opened));
  session.dispose();
  await suspendAudio();
}

/** Seconds a bench learner listens to each question before answering (a real one takes longer). */
const LISTEN_MS = 4000;
const LISTEN_QUESTIONS = 5;

/** A level-change drill where each question is heard for LISTEN_MS: Next → playable, questions 2–5. */
async function listeningRows(rows: Row[]): Promise<void> {
  const { createDrill, suspendAudio } = app;
  const session = createDrill({ kind: 'level-change', level: 1, count: LISTEN_QUESTIONS, seed: 23 });
  const nextMs: number[] = [];
  for (let i = 0; i < LISTEN_QUESTIONS; i++) {
    if (i > 0) {
      const pressed = performance.now();
      session.next();
      const shown = () =>
        session.index.value === i &&
        session.phase.value === 'question' &&
        session.player.status.value !== 'loading';
      nextMs.push((await when(shown, 60_000, `question ${i + 1}`)) - pressed);
    }
    await when(() => session.player.status.value === 'ready', 60_000, `question ${i + 1} playable`);
    await session.player.play();
    await new Promise((resolve) => setTimeout(resolve, LISTEN_MS));
    session.player.stop();
    session.setAnswer({ trackIndex: 0, direction: 'up', amountDb: 3 } satisfies LevelChangeAnswer);
    await session.submit();
  }
  rows.push(
    timeRow(
      `drill: Next → playable after listening ${LISTEN_MS / 1000} s (median of questions 2–${LISTEN_QUESTIONS})`,
      median(nextMs),
      300,
    ),
  );
  session.next();
  session.dispose();
  await suspendAudio();
}

/** The drill's rows: open → playable, Play → sound and Next → playable per question, and memory after it. */
async function drillRows(rows: Row[]): Promise<DrillSession> {
  const { createDrill } = app;
  const opened = performance.now();
  const session = createDrill({ kind: 'level-change', level: 1, count: DRILL_QUESTIONS, seed: 7 });
  const made = await when(() => session.question.value !== null, 60_000, 'first question made');
  const playable = await when(() => session.player.status.value === 'ready', 60_000, 'first question');
  rows.push(timeRow('level-change drill, cold: open → playable', playable - opened, 300));
  rows.push(timeRow('  of which: the question made (song Worker)', made - opened));
  rows.push(...splitRows('level-change', session, playable - made));
  const first = await answerQuestion(session);
  rows.push(timeRow('drill: Play → first sound, first question (context suspended)', first, 100));
  const later: number[] = [];
  const nextMs: number[] = [];
  for (let i = 1; i < DRILL_QUESTIONS; i++) {
    const pressed = performance.now();
    session.next();
    const shown = () =>
      session.index.value === i &&
      session.phase.value === 'question' &&
      session.player.status.value !== 'loading';
    nextMs.push((await when(shown, 60_000, `question ${i + 1}`)) - pressed);
    later.push(await answerQuestion(session));
  }
  rows.push(timeRow('drill: Next → playable (median of questions 2–10)', median(nextMs), 300));
  rows.push(timeRow('drill: Play → first sound, warm (median of questions 2–10)', median(later), 100));
  return session;
}

/** Memory rows once the drill is over: after it, after closing it, after the song Worker's idle stop. */
async function finishRows(rows: Row[], session: DrillSession): Promise<Row[]> {
  const { suspendAudio, stemWritesSettled, WORKER_IDLE_MS, AUDIO_CLOSE_MS } = app;
  rows.push(...(await memoryRows(`after a ${DRILL_QUESTIONS}-question level-change drill`, 150)));
  session.next();
  session.dispose();
  await suspendAudio();
  await stemWritesSettled();
  // The live context is closed once no page that plays has held it for AUDIO_CLOSE_MS.
  await new Promise((resolve) => setTimeout(resolve, AUDIO_CLOSE_MS + 1000));
  rows.push({
    name: 'after closing the drill: live audio contexts still open (closed when no page plays)',
    value: app.currentAudioContext() ? 1 : 0,
    unit: '',
    goal: '0',
    ok: app.currentAudioContext() === null,
  });
  rows.push(...(await memoryRows('after closing the drill', 100)));
  // The song Worker (the instrument bank, its note and analysis caches, its own garbage) stops when idle.
  await new Promise((resolve) => setTimeout(resolve, WORKER_IDLE_MS + 1000));
  rows.push(...(await memoryRows('after closing the drill, the song Worker stopped when idle', 100)));
  // Diagnostic: what the browser gives back under memory pressure (freed memory its allocators still kept).
  const cdp = (globalThis as { benchCdp?: (method: string, params?: object) => Promise<unknown> }).benchCdp;
  await cdp?.('Memory.simulatePressureNotification', { level: 'critical' });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const pressed = await memoryRows('diagnostic: then a memory-pressure signal', 100);
  rows.push(...pressed.map(({ goal: _goal, ok: _ok, ...row }) => row));
  return rows;
}
