import type { IAudioBuffer } from 'standardized-audio-context';
import { encodeWav, type WavFormat } from '../dsp/wav';
import { bufferChannels } from './render';

/** Encodes a rendered buffer as a WAV file (pcm16 by default) in a Blob of type audio/wav. */
export function exportWav(buffer: IAudioBuffer | AudioBuffer, format: WavFormat = 'pcm16'): Blob {
  const data = encodeWav(bufferChannels(buffer), buffer.sampleRate, format);
  return new Blob([data], { type: 'audio/wav' });
}

/**
 * Offers a Blob to the user as a download named `filename`. The only DOM-touching function in the
 * engine: it clicks a temporary <a download> link and revokes the object URL on the next tick.
 */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
