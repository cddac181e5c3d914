import { exercises } from '../../exercises/registry';
import { generateSong } from '../../production/generate-song';
import { renderStemsSync, renderTracksSteps } from '../../production/render-stems';
import { limitKeptNotes } from '../../production/sampler/render-sampled';
import { installSampleBank } from '../../production/sampler/sample-bank';
import { headStages, songBars, songHead } from '../../production/song-head';
import type { Stems } from '../../production/types';
import { loadInstrumentBank } from './instrument-bank';
import { keptNoteSamplesFor } from './kept-notes';
import type {
  DrillStemReply,
  DrillStemRequest,
  QuestionRequest,
  SongWorkerRequest,
  TracksRequest,
} from './song-stems';

// Renders one exercise song's stems off the main thread, so the drill stays responsive while it synthesises.
// With `heads`, the song's first bars are rendered and sent first (see song-head.ts), so playing can start
// while the rest renders; progress is then reported about every 50 ms. It also generates song-based
// questions (their generators render and analyse songs): always on synthesis, so they are the same on every
// device; the instruments their songs will play with are recorded with them.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SongWorkerRequest>) => void) | null;
  postMessage(message: DrillStemReply, transfer: Transferable[]): void;
};

// Each request says whether to play the sampled instruments (loaded here once) or synthesise. Questions come
// first: a learner waits for the next question, while a song render can wait (a drill prefetches its next
// song). A request runs once what it needs is here (a question needs no bank), one at a time, the most urgent
// first and otherwise in the order they came; between two, messages that arrived meanwhile are queued first.
interface Task {
  request: SongWorkerRequest;
  /** The bank the request names, once loaded (null: none or unreadable); undefined while it loads. */
  bank: Awaited<ReturnType<typeof loadInstrumentBank>> | undefined;
}
const tasks: Task[] = [];
let pumping = false;
/** Questions before warm-ups before renders. */
const urgency = (r: SongWorkerRequest) => (r.type === 'question' ? 2 : r.type === 'warm' ? 1 : 0);
scope.onmessage = (event: MessageEvent<SongWorkerRequest>) => {
  const request = event.data;
  const loaded = request.bankUrl ? loadInstrumentBank(request.bankUrl, request.bankBytes) : null;
  // A drill's question names no bank (it is made on synthesis) and never waits for one to load.
  const task: Task = { request, bank: loaded ? undefined : null };
  tasks.push(task);
  void loaded?.then((bank) => {
    task.bank = bank;
    schedule();
  });
  schedule();
};

/** Runs the next task after the event loop has delivered what arrived meanwhile. */
function schedule(): void {
  if (pumping) return;
  pumping = true;
  setTimeout(runNext, 0);
}

function runNext(): void {
  pumping = false;
  let best: Task | null = null;
  for (const t of tasks)
    if (t.bank !== undefined && (!best || urgency(t.request) > urgency(best.request))) best = t;
  if (!best) return;
  tasks.splice(tasks.indexOf(best), 1);
  const { request, bank } = best;
  // A question is made on synthesis, whatever will play it: the same seed then gives the same question on
  // every device and in Node (an assignment, a teacher's re-check); its songs still play with the samples
  // (recorded below), and the audibility sweep measures its difference with them.
  installSampleBank(request.type === 'question' ? null : (bank?.bank ?? null));
  if (request.type === 'question') makeQuestion(request, bank ? (request.bankUrl ?? null) : null);
  else if (request.type === 'warm') scope.postMessage({ id: request.id, type: 'done', warm: true }, []);
  else if (request.type === 'tracks') renderTracks(request);
  else render(request);
  if (tasks.length > 0) schedule();
}

/** Generates a question with the kind's pure generator (the same code Node runs). */
const makeQuestion = (request: QuestionRequest, instruments: string | null) => {
  const { id, kind, seed, level, value } = request;
  try {
    const k = exercises[kind];
    const question = value !== null && k.generateAt ? k.generateAt(seed, value) : k.generate(seed, level);
    scope.postMessage({ id, type: 'done', question: question as never, instruments }, []);
  } catch (error) {
    scope.postMessage(
      { id, type: 'error', message: error instanceof Error ? error.message : String(error) },
      [],
    );
  }
};

const transferOf = (stems: Stems) =>
  stems.tracks.flatMap((t) => t.channels.map((c) => c.buffer as ArrayBuffer));

const render = (request: DrillStemRequest) => {
  const { id, style, seed, overrides, sampleRate, heads } = request;
  try {
    const song = generateSong(seed, style, overrides ?? {});
    // A drill's short songs keep fewer notes in memory than a whole song on the Mix page (kept-notes.ts).
    limitKeptNotes(keptNoteSamplesFor(songBars(song)));
    const stages = heads ? headStages(songBars(song)) : [];
    // Work done so far, in bars rendered, against all the bars to render (the heads and the whole song).
    const total = stages.reduce((n, b) => n + b, 0) + songBars(song);
    let done = 0;
    let lastPost = 0;
    const progress = (bars: number) => (fraction: number) => {
      const now = Date.now();
      if (!heads || now - lastPost < 50) return;
      lastPost = now;
      scope.postMessage({ id, type: 'progress', fraction: (done + fraction * bars) / total }, []);
    };
    for (const bars of stages) {
      const head = renderStemsSync(songHead(song, bars), { sampleRate }, undefined, progress(bars));
      done += bars;
      scope.postMessage({ id, type: 'head', bars, stems: head }, transferOf(head));
    }
    const stems = renderStemsSync(song, { sampleRate }, undefined, progress(songBars(song)));
    scope.postMessage({ id, type: 'done', stems }, transferOf(stems));
  } catch (error) {
    scope.postMessage(
      { id, type: 'error', message: error instanceof Error ? error.message : String(error) },
      [],
    );
  }
};

/** Renders some of a song's tracks, unlevelled (one Worker of a pool; the page assembles the stems). */
const renderTracks = (request: TracksRequest) => {
  const { id, style, seed, overrides, sampleRate, ids } = request;
  try {
    const song = generateSong(seed, style, overrides ?? {});
    const steps = renderTracksSteps(song, { sampleRate }, ids);
    let step = steps.next();
    while (!step.done) step = steps.next();
    const raw = step.value;
    scope.postMessage(
      { id, type: 'done', raw },
      raw.map((t) => t.samples.buffer as ArrayBuffer),
    );
  } catch (error) {
    scope.postMessage(
      { id, type: 'error', message: error instanceof Error ? error.message : String(error) },
      [],
    );
  }
};
