import { renderPureMix } from '../../engine/pure-mix';
import { busySide } from './busy-mix';
import type { SpeedReply, SpeedRequest } from './device-speed';

// The speed check (device-speed.ts) off the main thread: the busy mix rendered with the engine's maths in
// plain TypeScript, timed here (no OfflineAudioContext: Chromium never frees one that loaded a worklet).
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SpeedRequest>) => void) | null;
  postMessage(message: SpeedReply): void;
};

scope.onmessage = (event: MessageEvent<SpeedRequest>) => {
  const { id, seconds, sampleRate } = event.data;
  try {
    const side = busySide(seconds, sampleRate);
    const length = Math.round(seconds * sampleRate);
    // Warm-up: the first pass compiles the hot loops.
    renderPureMix(side, sampleRate, { length: Math.round(length / 10) });
    let best = 0;
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      renderPureMix(side, sampleRate, { length });
      best = Math.max(best, seconds / Math.max((performance.now() - started) / 1000, 1e-3));
    }
    scope.postMessage({ id, type: 'done', speed: best });
  } catch (error) {
    scope.postMessage({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
