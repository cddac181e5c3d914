import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateSong } from '../../../src/production/generate-song';
import { renderStemsSync } from '../../../src/production/render-stems';
import {
  keptNoteSamples,
  limitKeptNotes,
  NOTE_CACHE_SAMPLES,
  NoteRenderer,
} from '../../../src/production/sampler/render-sampled';
import { parseSampleBank, type SampleBank } from '../../../src/production/sampler/sample-bank';
import { instrumentBankBytes } from '../../../tools/instrument-bank';
import { hashSamples } from '../spectrum-helpers';

const RATE = 16000;

/** A freshly parsed bank: its own, empty note cache. */
async function freshBank(): Promise<SampleBank> {
  return parseSampleBank(await instrumentBankBytes());
}

/** Renders `song` with `bank`: the stems' hash and how many notes the synthesiser rendered. */
function render(song: ReturnType<typeof generateSong>, bank: SampleBank): { hash: string; notes: number } {
  const spy = vi.spyOn(NoteRenderer.prototype, 'render');
  try {
    const stems = renderStemsSync(song, { sampleRate: RATE, sampleBank: bank });
    return { hash: hashSamples(stems.tracks.flatMap((t) => t.channels)), notes: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => {
  limitKeptNotes(NOTE_CACHE_SAMPLES);
});

describe('the shared note cache of sampled instruments', () => {
  it('a song whose notes outgrow the cache keeps the ones it repeats for its next render (same stems)', async () => {
    const song = generateSong(2, 'pop', { bars: 8 });
    const unlimited = await freshBank();
    const all = render(song, unlimited);
    const working = keptNoteSamples(unlimited); // every note of the song, kept
    expect(render(song, unlimited)).toEqual({ hash: all.hash, notes: 0 });

    // A cache half the song's notes: plain LRU kept nothing useful for the next render (each note was
    // pushed out before it came round again); now the notes the song repeats stay.
    const limit = Math.round(working / 2);
    limitKeptNotes(limit);
    const bank = await freshBank();
    const first = render(song, bank);
    expect(first.hash).toBe(all.hash);
    expect(keptNoteSamples(bank)).toBeLessThanOrEqual(limit);
    const second = render(song, bank);
    expect(second.hash).toBe(all.hash);
    expect(keptNoteSamples(bank)).toBeLessThanOrEqual(limit);
    console.info(
      `notes rendered: unlimited ${all.notes}; cache at half (${limit} samples): first ${first.notes}, again ${second.notes}`,
    );
    expect(second.notes).toBeLessThan(0.75 * first.notes);
  }, 120_000);

  it("with the cache full of another song's notes, each song still renders bit for bit as alone", async () => {
    const a = generateSong(2, 'rock', { bars: 4 });
    const b = generateSong(3, 'rock', { bars: 4 });
    const fresh = await freshBank();
    const aAlone = render(a, fresh).hash;
    const bAlone = render(b, await freshBank()).hash;
    const bank = await freshBank();
    render(a, bank);
    const keptA = keptNoteSamples(bank);
    limitKeptNotes(keptA); // full with a's notes
    expect(render(b, bank).hash).toBe(bAlone);
    expect(keptNoteSamples(bank)).toBeLessThanOrEqual(keptA);
    expect(render(a, bank).hash).toBe(aAlone);
  }, 120_000);
});
