import { generateSong } from '../../production/generate-song';
import { renderStemsSync } from '../../production/render-stems';
import { installSampleBank } from '../../production/sampler/sample-bank';
import { headStages, songBars, songHead } from '../../production/song-head';
import type { Stems } from '../../production/types';
import { loadInstrumentBank } from './instrument-bank';
import type { DrillStemReply, DrillStemRequest } from './song-stems';

// Renders one exercise song's stems off the main thread, so the drill stays responsive while it synthesises.
// With `heads`, the song's first bars are rendered and sent first (see song-head.ts), so playing can start
// while the rest renders; progress is then reported about every 50 ms.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DrillStemRequest>) => void) | null;
  postMessage(message: DrillStemReply, transfer: Transferable[]): void;
};

// Each request says whether to play the sampled instruments (loaded here once) or synthesise.
scope.onmessage = (event: MessageEvent<DrillStemRequest>) => {
  void useInstruments(event.data.bankUrl).then(() => render(event));
};

/** Installs the bank at `url` (loading it the first time), or none when the page asks for synthesis. */
async function useInstruments(url: string | undefined): Promise<void> {
  installSampleBank(url ? ((await loadInstrumentBank(url))?.bank ?? null) : null);
}

const transferOf = (stems: Stems) =>
  stems.tracks.flatMap((t) => t.channels.map((c) => c.buffer as ArrayBuffer));

const render = (event: MessageEvent<DrillStemRequest>) => {
  const { id, style, seed, overrides, sampleRate, heads } = event.data;
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
