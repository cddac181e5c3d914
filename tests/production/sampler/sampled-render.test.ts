import { describe, expect, it } from 'vitest';
import { bandLevels, exactCentre } from '../../../src/dsp/bands';
import { generateSong } from '../../../src/production/generate-song';
import {
  RENDER_VERSION,
  renderStemsSync,
  renderVersionFor,
  SAMPLED_RENDER_VERSION,
} from '../../../src/production/render-stems';
import { humanise } from '../../../src/production/sampler/humanise';
import { BANK_PATCHES, KITS, PROGRAMS, sampledPatchFor } from '../../../src/production/sampler/patches';
import { NoteRenderer } from '../../../src/production/sampler/render-sampled';
import { parseSampleBank } from '../../../src/production/sampler/sample-bank';
import type { StemTrack } from '../../../src/production/types';
import { testSampleBank } from './bank-fixture';

const RATE = 16000;
const stem = (tracks: StemTrack[], id: string) => tracks.find((t) => t.id === id)!.channels[0]!;
const same = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((v, i) => v === b[i]);

describe('the instrument bank', () => {
  it('holds every patch the styles use, in a few MB of 16-bit PCM', async () => {
    const bank = await testSampleBank();
    expect(bank.bytes).toBeGreaterThan(1_000_000);
    expect(bank.bytes).toBeLessThan(9_000_000);
    for (const patch of BANK_PATCHES) {
      const preset = bank.soundBank.presets.find(
        (p) => p.program === patch.number && p.isGMGSDrum === (patch.kind === 'kit'),
      );
      expect(preset, patch.name).toBeDefined();
    }
    // The licence's notices travel with the file.
    expect(bank.soundBank.soundBankInfo.copyright).toMatch(/Frank Wen.*MIT/);
    expect(bank.soundBank.soundBankInfo.comment).toMatch(/MIT license/);
    // Trimmed: no sample above 32 kHz, no sample without a zone that plays it.
    expect(Math.max(...bank.soundBank.samples.map((s) => s.sampleRate))).toBeLessThanOrEqual(32000);
    // Each sample at most at the rate its patch keeps (patches.ts: Rhodes 11.025 kHz, strings 16 kHz, …).
    for (const patch of BANK_PATCHES) {
      const preset = bank.soundBank.presets.find(
        (p) => p.program === patch.number && p.isGMGSDrum === (patch.kind === 'kit'),
      );
      for (const zone of preset?.zones ?? [])
        for (const iz of zone.instrument.zones)
          expect(iz.sample.sampleRate, patch.name).toBeLessThanOrEqual(patch.maxRate);
    }
  }, 120_000);

  it('refuses bytes that are not a bank, saying so', () => {
    expect(() => parseSampleBank(new Uint8Array(64))).toThrow(/instrument bank/);
  });
});

describe('patches by style and seed', () => {
  it('electronic keeps its synthesis; the vocal and synth leads stay synthesised everywhere', () => {
    for (let seed = 0; seed < 20; seed++) {
      expect(sampledPatchFor('kick-club', 'electronic', seed)).toBeNull();
      expect(sampledPatchFor('keys-pluck', 'electronic', seed)).toBeNull();
      expect(sampledPatchFor('vocal-alto', 'pop', seed)).toBeNull();
      expect(sampledPatchFor('lead-square', 'pop', seed)).toBeNull();
    }
  });

  it('a song has one kit for all its drum tracks, and seeds pick each of the three kits of a style', () => {
    const kits = new Set<string>();
    for (let seed = 0; seed < 40; seed++) {
      const kick = sampledPatchFor('kick-punch', 'rock', seed);
      expect(sampledPatchFor('snare-fat', 'rock', seed)).toBe(kick);
      expect(sampledPatchFor('hats-bright', 'rock', seed)).toBe(kick);
      kits.add(kick!.name);
    }
    expect([...kits].sort()).toEqual([KITS.power.name, KITS.room.name, KITS.standard.name].sort());
  });

  it('humanising is seeded and stays within a few milliseconds and a few per cent', () => {
    for (let n = 0; n < 200; n++) {
      const h = humanise(7, 'hats', n);
      expect(h).toEqual(humanise(7, 'hats', n));
      expect(Math.abs(h.offset)).toBeLessThanOrEqual(0.006);
      expect(Math.abs(h.velocityScale - 1)).toBeLessThanOrEqual(0.1 + 1e-12);
      expect([0, 1, 2]).toContain(h.take);
    }
    expect(humanise(7, 'hats', 3)).not.toEqual(humanise(8, 'hats', 3));
  });
});

describe('rendering with samples', () => {
  it('is bit-identical run to run, under its own render version', async () => {
    const bank = await testSampleBank();
    const song = generateSong(5, 'pop', { bars: 8 });
    const a = renderStemsSync(song, { sampleRate: RATE, sampleBank: bank });
    const b = renderStemsSync(song, { sampleRate: RATE, sampleBank: bank });
    expect(a.renderVersion).toBe(SAMPLED_RENDER_VERSION);
    expect(renderVersionFor(song, true)).toBe(SAMPLED_RENDER_VERSION);
    expect(renderVersionFor(song, false)).toBe(RENDER_VERSION);
    for (const t of a.tracks) expect(same(t.channels[0]!, stem(b.tracks, t.id)), t.id).toBe(true);
  }, 120_000);

  it('renders a note the same whatever the renderer played before (so songs can share rendered notes)', async () => {
    const bank = await testSampleBank();
    for (const patch of [KITS.power, PROGRAMS.strings, PROGRAMS.piano, PROGRAMS.overdrive]) {
      const fresh = new NoteRenderer(bank, patch, RATE);
      const used = new NoteRenderer(bank, patch, RATE);
      for (let k = 0; k < 24; k++) used.render(36 + k, 40 + 3 * k, 2000 + 97 * k, k % 2 ? 5 : -6);
      for (const pitch of [38, 46, 52, 60]) {
        const a = fresh.render(pitch, 88, 7000, -6);
        expect(same(a, used.render(pitch, 88, 7000, -6)), `${patch.name} ${pitch}`).toBe(true);
      }
    }
  }, 120_000);

  it('changes the sampled parts only: the vocal is the same synthesis, and without a bank nothing changes', async () => {
    const bank = await testSampleBank();
    const song = generateSong(2, 'ballad', { bars: 8 });
    const synth = renderStemsSync(song, { sampleRate: RATE, sampleBank: null });
    const sampled = renderStemsSync(song, { sampleRate: RATE, sampleBank: bank });
    expect(synth.renderVersion).toBe(RENDER_VERSION);
    expect(same(stem(synth.tracks, 'vocal'), stem(sampled.tracks, 'vocal'))).toBe(true);
    expect(same(stem(synth.tracks, 'snare'), stem(sampled.tracks, 'snare'))).toBe(false);
    expect(same(stem(synth.tracks, 'keys'), stem(sampled.tracks, 'keys'))).toBe(false);
    // Electronic songs are all synthesis, bank or not.
    const club = generateSong(2, 'electronic', { bars: 8 });
    const withBank = renderStemsSync(club, { sampleRate: RATE, sampleBank: bank });
    expect(withBank.renderVersion).toBe(RENDER_VERSION);
    const without = renderStemsSync(club, { sampleRate: RATE, sampleBank: null });
    for (const t of withBank.tracks) expect(same(t.channels[0]!, stem(without.tracks, t.id))).toBe(true);
  }, 120_000);

  it('plays every event: each sampled part sounds where it has notes, is silent where it has none', async () => {
    const bank = await testSampleBank();
    const song = generateSong(11, 'rock', { bars: 8 });
    const stems = renderStemsSync(song, { sampleRate: RATE, sampleBank: bank });
    const spb = 60 / song.bpm;
    for (const id of ['kick', 'snare', 'hats', 'bass', 'chords', 'keys'] as const) {
      const audio = stem(stems.tracks, id);
      const events = song.tracks.find((t) => t.id === id)!.events;
      expect(events.length, id).toBeGreaterThan(0);
      // 40 ms after each of up to 20 events: something sounds (above −50 dBFS peak).
      for (const e of events.slice(0, 20)) {
        const from = Math.round(e.time * spb * RATE);
        let peak = 0;
        for (let i = from; i < from + 0.04 * RATE; i++) peak = Math.max(peak, Math.abs(audio[i] ?? 0));
        expect(peak, `${id} at beat ${e.time}`).toBeGreaterThan(10 ** (-50 / 20));
      }
    }
  }, 120_000);

  it('gives the kick its low end and the distorted guitar its mids (real instruments, not noise)', async () => {
    const bank = await testSampleBank();
    const song = generateSong(4, 'rock', { bars: 8 });
    const stems = renderStemsSync(song, { sampleRate: RATE, sampleBank: bank });
    const octaves = [63, 125, 250, 500, 1000, 2000, 4000].map(exactCentre);
    const kick = bandLevels(stem(stems.tracks, 'kick'), RATE, octaves, 1);
    const guitar = bandLevels(stem(stems.tracks, 'chords'), RATE, octaves, 1);
    // The kick's loudest octave is 63 or 125 Hz, 10 dB and more above its 1 kHz octave.
    expect(kick.indexOf(Math.max(...kick))).toBeLessThanOrEqual(1);
    expect(kick[0]! - kick[4]!).toBeGreaterThan(10);
    // The guitar (through its amp and cabinet, as sampled) peaks at 1–4 kHz, its 63 Hz octave 6 dB below.
    expect(guitar.indexOf(Math.max(...guitar))).toBeGreaterThanOrEqual(4);
    expect(Math.max(...guitar) - guitar[0]!).toBeGreaterThan(6);
  }, 120_000);
});
