import { afterEach, describe, expect, it } from 'vitest';
import { exercises } from '../../../src/exercises/registry';
import { generateSong } from '../../../src/production/generate-song';
import { renderStemsSync } from '../../../src/production/render-stems';
import {
  keptNoteSamples,
  limitKeptNotes,
  NOTE_CACHE_SAMPLES,
} from '../../../src/production/sampler/render-sampled';
import { parseSampleBank } from '../../../src/production/sampler/sample-bank';
import { songBars } from '../../../src/production/song-head';
import type { StyleId } from '../../../src/production/types';
import { DRILL_KEPT_NOTE_SAMPLES, keptNoteSamplesFor } from '../../../src/state/shared/kept-notes';
import { instrumentBankBytes } from '../../../tools/instrument-bank';
import { hashSamples } from '../../production/spectrum-helpers';

const RATE = 48000;

afterEach(() => {
  limitKeptNotes(NOTE_CACHE_SAMPLES);
});

/** Two level-change questions' songs, as a drill renders them one after the other. */
function drillSongs() {
  return [7, 14].map((seed) => {
    const q = exercises['level-change'].generate(seed, 1) as unknown as {
      source: { style: StyleId; seed: number; overrides?: object };
    };
    return generateSong(q.source.seed, q.source.style, q.source.overrides ?? {});
  });
}

/** Renders `songs` in turn on a fresh bank as the song Worker does (its cap set per song, or the default). */
async function renderInTurn(songs: ReturnType<typeof drillSongs>, rule: boolean) {
  const bank = parseSampleBank(await instrumentBankBytes());
  const hashes: string[] = [];
  let most = 0;
  for (const song of songs) {
    limitKeptNotes(rule ? keptNoteSamplesFor(songBars(song)) : NOTE_CACHE_SAMPLES);
    const stems = renderStemsSync(song, { sampleRate: RATE, sampleBank: bank });
    hashes.push(hashSamples(stems.tracks.flatMap((t) => t.channels)));
    most = Math.max(most, keptNoteSamples(bank));
  }
  return { hashes, most };
}

describe('the notes the song Worker keeps (issue 21)', () => {
  it('a drill keeps at most 4 M samples of notes (16 MB) where the default kept more, with the same stems', async () => {
    const songs = drillSongs();
    expect(songs.map(songBars)).toEqual([12, 12]);
    const drill = await renderInTurn(songs, true);
    const whole = await renderInTurn(songs, false);
    expect(drill.most).toBeLessThanOrEqual(DRILL_KEPT_NOTE_SAMPLES);
    // Without the drill's rule a 12-bar song at 48 kHz keeps far more (about 26 MB of notes).
    expect(whole.most).toBeGreaterThan(1.5 * DRILL_KEPT_NOTE_SAMPLES);
    expect(drill.hashes).toEqual(whole.hashes);
  }, 60_000);

  it("the Mix page's whole songs keep the whole cache", () => {
    expect(keptNoteSamplesFor(32)).toBe(NOTE_CACHE_SAMPLES);
    expect(keptNoteSamplesFor(12)).toBe(DRILL_KEPT_NOTE_SAMPLES);
  });
});
