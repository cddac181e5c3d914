import { afterAll, describe, expect, it } from 'vitest';
import { measureRmsDb } from '../../../src/dsp/meters';
import { encodeWav } from '../../../src/dsp/wav';
import { IMPORT_SAMPLE_RATE, importAudioFiles } from '../../../src/state/library/import-audio';
import { decodeWithBrowser } from '../../../src/state/library/import-decode';
import {
  deleteImportedSong,
  importedSongs,
  loadImportedSong,
} from '../../../src/state/library/imported-songs';

function tone(seconds: number, rate: number, hz: number, amp = 0.5): Float32Array {
  return Float32Array.from(
    { length: Math.round(seconds * rate) },
    (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / rate),
  );
}

/** Frequency from upward zero crossings between the first and the last one. */
function frequency(x: Float32Array, rate: number): number {
  const ups: number[] = [];
  for (let i = 1; i < x.length; i++)
    if (x[i - 1]! < 0 && x[i]! >= 0) ups.push(i - x[i]! / (x[i]! - x[i - 1]!));
  return ((ups.length - 1) * rate) / (ups.at(-1)! - ups[0]!);
}

const made: string[] = [];
afterAll(async () => {
  for (const id of made) await deleteImportedSong(id);
});

describe('importing through the state API in Chromium', () => {
  it('stores a 44.1 kHz stereo WAV as a 48 kHz song, pitch and level intact', async () => {
    const wav = encodeWav([tone(0.5, 44100, 1000), tone(0.5, 44100, 1000, 0.25)], 44100, 'pcm24');
    const result = await importAudioFiles([new File([wav], 'Sine test.wav', { type: 'audio/wav' })]);
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    made.push(result.song.id);
    expect(result.song).toMatchObject({ name: 'Sine test', sampleRate: IMPORT_SAMPLE_RATE });
    expect(result.song.tracks).toEqual([{ id: 'audio', name: 'Mix', channelCount: 2 }]);
    expect(Math.abs(result.song.length - 24000)).toBeLessThanOrEqual(1);
    expect(importedSongs.value.some((s) => s.id === result.song.id)).toBe(true);
    // Read back as mixer material: the same samples at 48 kHz.
    const source = await loadImportedSong(result.song.id);
    const [left, right] = source.tracks[0]!.channels;
    const middle = (x: Float32Array) => x.subarray(4800, 19200);
    expect(frequency(middle(left!), 48000)).toBeCloseTo(1000, 0);
    expect(measureRmsDb(middle(left!))).toBeCloseTo(-9.03, 1);
    expect(measureRmsDb(middle(right!))).toBeCloseTo(-15.05, 1);
  });

  it('refuses a truncated WAV and a renamed text file, naming each, and stores nothing', async () => {
    const before = importedSongs.value.length;
    const good = new Uint8Array(encodeWav([tone(0.2, 48000, 440)], 48000));
    const result = await importAudioFiles([
      new File([good.subarray(0, 5000)], 'Kick.wav'),
      new File(['just some words'], 'Vocal.mp3'),
      new File([good], 'Bass.wav'),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^“Kick\.wav”: the file is damaged or cut short\./),
      '“Vocal.mp3”: this is not audio: it looks like a text file.',
    ]);
    expect(importedSongs.value.length).toBe(before);
  });
});

describe('decodeWithBrowser', () => {
  it('resamples while decoding: a 44.1 kHz 5 kHz sine arrives at 48 kHz at the same pitch and level', async () => {
    const wav = encodeWav([tone(0.25, 44100, 5000)], 44100, 'float32');
    const audio = await decodeWithBrowser(wav, 48000);
    expect(audio.sampleRate).toBe(48000);
    expect(Math.abs(audio.channels[0]!.length - 12000)).toBeLessThanOrEqual(1);
    const middle = audio.channels[0]!.subarray(2400, 9600);
    expect(frequency(middle, 48000)).toBeCloseTo(5000, 0);
    expect(measureRmsDb(middle)).toBeCloseTo(-9.03, 1);
  });
});
