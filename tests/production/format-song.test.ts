import { describe, expect, it } from 'vitest';
import { formatSong } from '../../src/production/format-song';
import { generateSong } from '../../src/production/generate-song';

describe('formatSong', () => {
  it('lists a pop song (snapshot of the form and the first events of drums, bass and vocal)', () => {
    const text = formatSong(generateSong(1, 'pop'), { tracks: ['kick', 'bass', 'vocal'], maxEvents: 16 });
    expect(text).toMatchSnapshot();
  });

  it('lists a hip-hop song with swing (snapshot)', () => {
    const text = formatSong(generateSong(2, 'hiphop'), { tracks: ['hats', 'keys', 'lead'], maxEvents: 16 });
    expect(text).toMatchSnapshot();
  });

  it('prints one line per event plus a header per track', () => {
    const song = generateSong(3, 'ballad', { bars: 8 });
    const lines = formatSong(song).split('\n');
    const events = song.tracks.reduce((n, t) => n + t.events.length, 0);
    expect(lines.length).toBe(2 + song.sections.length + song.tracks.length + events);
    expect(lines[0]).toContain(`${song.bpm} BPM`);
    expect(lines).toContain(`[bass] Bass | bass-sub | ${song.tracks[4]?.events.length} events`);
  });
});
