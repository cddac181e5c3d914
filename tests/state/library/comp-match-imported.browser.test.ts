/**
 * comp-match on an imported multitrack, played in Chromium at a low rate: the song is imported (its summary
 * keeps each part's loop envelopes), a question is made from the summary, and the engine compresses the real
 * loop. The gain reduction heard on A is the one the question's envelope predicts (within 1 dB), and the
 * gain applied follows renderCompressorGain on the loop's own samples.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { renderCompressorGain } from '../../../src/dsp/compressor';
import { encodeWav } from '../../../src/dsp/wav';
import type { CompMatchQuestion } from '../../../src/exercises/comp-match/meta';
import { play } from '../../../src/exercises/comp-match/play';
import { stemSamplesForCheck } from '../../../src/exercises/comp-match/stem-cache';
import { generateOnImported } from '../../../src/exercises/shared/imported-kinds';
import { type ImportedSongSummary, summaryProblem } from '../../../src/exercises/shared/imported-song';
import { excerptTrack, loadExcerpt } from '../../../src/exercises/shared/play-sources';
// Registers the loader that finds a question's song on this device (the app does at start).
import { songByHash } from '../../../src/state/library/drill-songs';
import { importAudioFiles } from '../../../src/state/library/import-audio';
import { deleteImportedSong } from '../../../src/state/library/imported-songs';
import { bassStem, kickStem, vocalStem } from '../../exercises/comp-match-stems';
import { renderLR, testEnv } from '../../exercises/play/fixtures';

const SR = 12_000;
const SECONDS = 12;

const made: string[] = [];
afterAll(async () => {
  for (const id of made) await deleteImportedSong(id);
});

/** Largest gain reduction of wet against dry, dB, where dry is within 20 dB of its peak (makeup added back). */
function heardReductionDb(dry: Float32Array, wet: Float32Array, makeupDb: number): number {
  let peak = 0;
  for (const v of dry) peak = Math.max(peak, Math.abs(v));
  let most = 0;
  for (let i = 0; i < dry.length; i++) {
    const x = Math.abs(dry[i]!);
    if (x > peak / 10)
      most = Math.max(most, 20 * Math.log10(x / Math.max(1e-9, Math.abs(wet[i]!))) + makeupDb);
  }
  return most;
}

/** The reference's largest gain reduction on the question's envelope, dB (what the question's score reads). */
function labelDb(q: CompMatchQuestion): number {
  const env = stemSamplesForCheck(q.stem);
  const gain = renderCompressorGain(env.channels, env.sampleRate, q.reference);
  let most = 0;
  for (const g of gain) most = Math.max(most, q.reference.makeupDb - g);
  return most;
}

describe('comp-match on an imported multitrack, in Chromium', () => {
  let summary: ImportedSongSummary;

  it('importing keeps the parts’ loop envelopes (summary version 3)', async () => {
    const files = [
      ['CM Kick.wav', kickStem(SECONDS, SR)],
      ['CM Bass.wav', bassStem(SECONDS, SR)],
      ['CM Vocal.wav', vocalStem(SECONDS, SR)],
    ].map(([name, x]) => new File([encodeWav([x as Float32Array], SR, 'float32')], name as string));
    const result = await importAudioFiles(files, { sampleRate: SR });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    made.push(result.song.id);
    expect(summaryProblem(result.song.drillSummary)).toBeNull();
    summary = result.song.drillSummary as ImportedSongSummary;
    expect(summary.version).toBe(3);
    for (const t of summary.tracks) expect(t.compLoops!.length).toBeGreaterThan(0);
    expect((await songByHash(summary.hash))?.id).toBe(result.song.id);
  });

  it('A is the real loop through the reference: its gain reduction is the envelope’s within 1 dB', async () => {
    const seen: string[] = [];
    for (const [seed, level] of [
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 3],
      [5, 4],
    ] as const) {
      const q = generateOnImported('comp-match', seed, level, summary) as CompMatchQuestion;
      if (q.stem.type !== 'imported-song') throw new Error('expected an imported part');
      const env = testEnv(SR);
      const prepared = await play.prepare(q, env);
      expect(prepared.sampleRate).toBe(SR);
      const track = prepared.question.a.tracks[0]!;
      const dry = await renderLR(
        { tracks: [{ ...track, settings: { ...track.settings, compressor: { enabled: false } } }] },
        SR,
      );
      const wet = await renderLR(prepared.question.a, SR);
      const heard = heardReductionDb(dry.left, wet.left, q.reference.makeupDb);
      const label = labelDb(q);
      // The compressor acts on the loop's own samples as renderCompressorGain does (what the engine plays).
      const loop = excerptTrack(await loadExcerpt(env, q.stem), q.stem.track).samples;
      const exact = renderCompressorGain([loop], SR, q.reference);
      let exactMost = 0;
      for (const g of exact) exactMost = Math.max(exactMost, q.reference.makeupDb - g);
      const name = summary.tracks.find((t) => t.key === q.stem.track)!.name;
      seen.push(
        `${name} L${level} (${q.reference.thresholdDb} dB, ${q.reference.ratio}:1, ${q.reference.attackMs}/${q.reference.releaseMs} ms): envelope ${label.toFixed(2)} dB, heard ${heard.toFixed(2)} dB, samples ${exactMost.toFixed(2)} dB`,
      );
      expect(label).toBeGreaterThan(2);
      // Within 1 dB, or 5 % of a deep reduction (a −45 dB threshold at 10:1 takes 30 dB off: the envelope's
      // 0.5 dB steps and 0.5 ms blocks read it 1.1 dB deeper than the samples).
      expect(Math.abs(heard - label), seen.at(-1)).toBeLessThan(Math.max(1, 0.05 * label));
      expect(Math.abs(heard - exactMost), seen.at(-1)).toBeLessThan(0.3);
    }
    console.log(`comp-match on an imported song, as played: ${seen.join('; ')}`);
  });
});
