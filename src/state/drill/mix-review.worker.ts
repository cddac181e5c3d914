import type { MixReviewReply, MixReviewRequest } from './mix-review';
import { readSides } from './mix-review-read';

// Renders and reads a mix review's two sides off the main thread.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<MixReviewRequest>) => void) | null;
  postMessage(message: MixReviewReply): void;
};

scope.onmessage = (event: MessageEvent<MixReviewRequest>) => {
  const { id, a, b, sampleRate } = event.data;
  try {
    scope.postMessage({ id, type: 'done', readings: readSides(a, b, sampleRate) });
  } catch (error) {
    scope.postMessage({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
