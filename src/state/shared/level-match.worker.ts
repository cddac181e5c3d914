import { measurePureLevelMatch, renderPureMix } from '../../engine/pure-mix';
import type { LevelMatchReply, LevelMatchRequest } from './level-match';

// Measures a question's A and B loudness, and renders Light mode's ready-made sides, off the main thread, with
// the engine's maths in plain TypeScript (no OfflineAudioContext, which Chromium keeps for good; level-match.ts).
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LevelMatchRequest>) => void) | null;
  postMessage(message: LevelMatchReply, transfer: Transferable[]): void;
};

scope.onmessage = (event: MessageEvent<LevelMatchRequest>) => {
  const request = event.data;
  const { id, sampleRate } = request;
  try {
    if (request.type === 'render') {
      const channels = renderPureMix(request.side, sampleRate, { length: request.length });
      scope.postMessage(
        { id, type: 'done', channels },
        channels.map((c) => c.buffer as ArrayBuffer),
      );
      return;
    }
    const { aLufs, bLufs } = measurePureLevelMatch(request.a, request.b, sampleRate);
    scope.postMessage({ id, type: 'done', aLufs, bLufs }, []);
  } catch (error) {
    scope.postMessage(
      { id, type: 'error', message: error instanceof Error ? error.message : String(error) },
      [],
    );
  }
};
