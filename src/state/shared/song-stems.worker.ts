import { exercises } from '../../exercises/registry';
import { generateSong } from '../../production/generate-song';
import { renderStemsSync } from '../../production/render-stems';
import { installSampleBank } from '../../production/sampler/sample-bank';
import { headStages, songBars, songHead } from '../../production/song-head';
import type { Stems } from '../../production/types';
import { loadInstrumentBank } from './instrument-bank';
import type { DrillStemReply, DrillStemRequest, QuestionRequest, SongWorkerRequest } from './song-stems';

// Renders one exercise song's stems off the main thread, so the drill stays responsive while it synthesises.
// With `heads`, the song's first bars are rendered and sent first (see song-head.ts), so playing can start
// while the rest renders; progress is then reported about every 50 ms. It also generates song-based
// questions (their generators render and analyse songs): always on synthesis, so they are the same on every
// device; the instruments their songs will play with are recorded with them.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SongWorkerRequest>) => void) | null;
  postMessage(message: DrillStemReply, transfer: Transferable[]): void;
};

// Each request says whether to play the sampled instruments (loaded here once) or synthesise. Requests are
// answered in the order they came: the bank loads once, then each installs its choice and runs at once.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<SongWorkerRequest>) => {
  const request = event.data;
  const loaded = request.bankUrl ? loadInstrumentBank(request.bankUrl, request.bankBytes) : null;
  queue = queue.then(async () => {
    const bank = loaded ? ((await loaded)?.bank ?? null) : null;
    // A question is made on synthesis, whatever will play it: the same seed then gives the same question on
    // every device and in Node (an assignment, a teacher's re-check); its songs still play with the samples
    // (recorded below), and the audibility sweep measures its difference with them.
    installSampleBank(request.type === 'question' ? null : bank);
    if (request.type === 'question') makeQuestion(request, bank ? (request.bankUrl ?? null) : null);
    else if (request.type === 'warm') scope.postMessage({ id: request.id, type: 'done', warm: true }, []);
    else render(request);
  });
};

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
