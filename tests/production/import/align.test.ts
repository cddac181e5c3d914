import { describe, expect, it } from 'vitest';
import { alignTracks } from '../../../src/production/import/align';
import { guessTrackKind, namesFromFiles } from '../../../src/production/import/track-names';

describe('alignTracks', () => {
  it('pads shorter tracks with silence at the end to the longest, keeping mono mono and stereo stereo', () => {
    const kick = { name: 'Kick', channels: [Float32Array.of(1, 2, 3)] };
    const pad = { name: 'Pad', channels: [Float32Array.of(1, 1, 1, 1, 1), Float32Array.of(2, 2, 2, 2, 2)] };
    const { length, tracks } = alignTracks([kick, pad]);
    expect(length).toBe(5);
    expect(tracks.map((t) => t.channels.length)).toEqual([1, 2]);
    expect([...tracks[0]!.channels[0]!]).toEqual([1, 2, 3, 0, 0]);
    // The longest is kept as is (no copy).
    expect(tracks[1]!.channels[0]).toBe(pad.channels[0]);
    expect(tracks.map((t) => t.name)).toEqual(['Kick', 'Pad']);
  });
  it('leaves tracks of one length alone', () => {
    const a = { name: 'A', channels: [new Float32Array(4)] };
    expect(alignTracks([a]).tracks[0]!.channels[0]).toBe(a.channels[0]);
  });
});

describe('namesFromFiles', () => {
  it('takes the shared prefix as the song name and the rest as track names', () => {
    expect(
      namesFromFiles(['Sunday_Kick.wav', 'Sunday_Bass.wav', 'Sunday_Lead-Vox.flac'], 'Imported'),
    ).toEqual({
      song: 'Sunday',
      tracks: ['Kick', 'Bass', 'Lead Vox'],
    });
  });
  it('never splits a word, and falls back when nothing is shared', () => {
    expect(namesFromFiles(['kick.wav', 'keys.wav'], 'Imported song')).toEqual({
      song: 'Imported song',
      tracks: ['kick', 'keys'],
    });
  });
  it('names a single file’s song after the file and its track "Mix"', () => {
    expect(namesFromFiles(['my_final_mix_v3.mp3'], 'x')).toEqual({
      song: 'my final mix v3',
      tracks: ['Mix'],
    });
  });
  it('numbers duplicate track names', () => {
    expect(namesFromFiles(['a/gtr.wav', 'b/gtr.wav', 'c/gtr.wav'], 'S').tracks).toEqual([
      'gtr',
      'gtr 2',
      'gtr 3',
    ]);
  });
});

describe('guessTrackKind', () => {
  it('reads common stem names (for the strip colours)', () => {
    expect(
      [
        'Kick In',
        'BD',
        'Snare top',
        'OH L',
        'Hi-hat',
        'Bass DI',
        'Lead Vox',
        'BV 2',
        'Piano',
        'Pad',
        'Lead synth',
        'Drums',
        'FX',
      ].map(guessTrackKind),
    ).toEqual([
      'kick',
      'kick',
      'snare',
      'hats',
      'hats',
      'bass',
      'vocal',
      'vocal',
      'keys',
      'chords',
      'lead',
      'perc',
      'audio',
    ]);
  });
});
