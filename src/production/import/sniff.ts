/** What a file is, from its first bytes: a WAV, another audio container, or something else. */

/** Audio containers the browser may decode. */
export type AudioContainer = 'flac' | 'mp3' | 'ogg' | 'mp4' | 'aac' | 'aiff' | 'webm' | 'caf';

/** The verdict on a file's first bytes. */
export type SniffResult =
  | { kind: 'wav' }
  | { kind: 'audio'; container: AudioContainer; label: string; mime: string }
  | { kind: 'other'; label: string }
  | { kind: 'unknown' };

const AUDIO: Record<AudioContainer, { label: string; mime: string }> = {
  flac: { label: 'FLAC', mime: 'audio/flac' },
  mp3: { label: 'MP3', mime: 'audio/mpeg' },
  ogg: { label: 'Ogg (Vorbis/Opus)', mime: 'audio/ogg' },
  mp4: { label: 'M4A/AAC', mime: 'audio/mp4' },
  aac: { label: 'AAC', mime: 'audio/aac' },
  aiff: { label: 'AIFF', mime: 'audio/aiff' },
  webm: { label: 'WebM', mime: 'audio/webm' },
  caf: { label: 'CAF', mime: 'audio/x-caf' },
};

/** Bytes to read from the start of a file to sniff it. */
export const SNIFF_BYTES = 16;

function ascii(bytes: Uint8Array, at: number, n = 4): string {
  return String.fromCharCode(...bytes.subarray(at, at + n));
}

function audio(container: AudioContainer): SniffResult {
  return { kind: 'audio', container, ...AUDIO[container] };
}

/** Tells a file's type from its first bytes (at least SNIFF_BYTES of them when the file is that long). */
export function sniffFile(bytes: Uint8Array): SniffResult {
  const head = ascii(bytes, 0);
  if (head === 'RIFF' && ascii(bytes, 8) === 'WAVE') return { kind: 'wav' };
  if (head === 'RIFF' || head === 'RIFX' || head === 'RF64') return { kind: 'wav' };
  if (head === 'fLaC') return audio('flac');
  if (head === 'OggS') return audio('ogg');
  if (head.startsWith('ID3')) return audio('mp3');
  const b0 = bytes[0] ?? 0;
  const b1 = bytes[1] ?? 0;
  // MPEG audio frame sync: 11 set bits; layer bits 01 means ADTS AAC, otherwise MPEG layer I–III.
  if (b0 === 0xff && (b1 & 0xe0) === 0xe0) return (b1 & 0x06) === 0 ? audio('aac') : audio('mp3');
  if (ascii(bytes, 4) === 'ftyp') return audio('mp4');
  if (head === 'FORM' && (ascii(bytes, 8) === 'AIFF' || ascii(bytes, 8) === 'AIFC')) return audio('aiff');
  if (b0 === 0x1a && b1 === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return audio('webm');
  if (head === 'caff') return audio('caf');
  if (b0 === 0x89 && head.slice(1) === 'PNG') return { kind: 'other', label: 'a PNG image' };
  if (b0 === 0xff && b1 === 0xd8) return { kind: 'other', label: 'a JPEG image' };
  if (head === 'GIF8') return { kind: 'other', label: 'a GIF image' };
  if (head === '%PDF') return { kind: 'other', label: 'a PDF document' };
  if (head === 'PK\u0003\u0004') return { kind: 'other', label: 'a ZIP archive (or an Office document)' };
  if (head === 'MThd') return { kind: 'other', label: 'a MIDI file (notes, not audio)' };
  if (bytes.length > 0 && isText(bytes)) return { kind: 'other', label: 'a text file' };
  return { kind: 'unknown' };
}

/** True when every sniffed byte is printable ASCII or common whitespace (or a UTF-8 BOM starts it). */
function isText(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return true;
  return bytes.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127));
}
