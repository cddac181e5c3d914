import { generateSong } from '../production/generate-song';
import { renderStemsSync } from '../production/render-stems';
import { installSampleBank } from '../production/sampler/sample-bank';
import type { DrillStemReply, DrillStemRequest } from './drill-stems';
import { loadInstrumentBank } from './instrument-bank';

// Renders one exercise song's stems off the main thread, so the drill stays responsive while it synthesises.
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

const render = (event: MessageEvent<DrillStemRequest>) => {
  const { id, style, seed, overrides, sampleRate } = event.data;
  try {
    const song = generateSong(seed, style, overrides ?? {});
    const stems = renderStemsSync(song, { sampleRate });
    const transfer = stems.tracks.flatMap((t) => t.channels.map((c) => c.buffer as ArrayBuffer));
    scope.postMessage({ id, type: 'done', stems }, transfer);
  } catch (error) {
    scope.postMessage(
      { id, type: 'error', message: error instanceof Error ? error.message : String(error) },
      [],
    );
  }
};
