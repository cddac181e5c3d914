import { resample } from '../../dsp/resample';
import type { ResampleReply, ResampleRequest } from './import-decode';

// Resamples imported audio off the main thread (seconds of work for a long stem), so the UI stays responsive.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ResampleRequest>) => void) | null;
  postMessage(message: ResampleReply, transfer: Transferable[]): void;
};

scope.onmessage = (event: MessageEvent<ResampleRequest>) => {
  const { id, channels, from, to } = event.data;
  try {
    const out = channels.map((c) => resample(c, from, to));
    scope.postMessage(
      { id, type: 'done', channels: out },
      out.map((c) => c.buffer as ArrayBuffer),
    );
  } catch (error) {
    scope.postMessage(
      { id, type: 'error', message: error instanceof Error ? error.message : String(error) },
      [],
    );
  }
};
