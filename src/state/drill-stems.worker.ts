import { generateSong } from '../production/generate-song';
import { renderStemsSync } from '../production/render-stems';
import type { DrillStemReply, DrillStemRequest } from './drill-stems';

// Renders one exercise song's stems off the main thread, so the drill stays responsive while it synthesises.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DrillStemRequest>) => void) | null;
  postMessage(message: DrillStemReply, transfer: Transferable[]): void;
};

scope.onmessage = (event: MessageEvent<DrillStemRequest>) => {
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
