/**
 * comp-spot and reverb-time on an imported multitrack, played in Chromium: the compressor the question names
 * takes off what its label says (measured on the rendered A and B), and the reverb's tail fills the gaps
 * between the part's notes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/dsp/random';
import { encodeWav } from '../../../src/dsp/wav';
import type { CompSpotQuestion } from '../../../src/exercises/comp-spot/meta';
import { play as compSpotPlay } from '../../../src/exercises/comp-spot/play';
import type { ReverbTimeQuestion } from '../../../src/exercises/reverb-time/meta';
import { play as reverbTimePlay } from '../../../src/exercises/reverb-time/play';
import { generateOnImported } from '../../../src/exercises/shared/imported-kinds';
import { type ImportedSongSummary, summaryProblem } from '../../../src/exercises/shared/imported-song';
// Registers the loader that finds a question's song on this device (the app does at start).
import { songByHash } from '../../../src/state/library/drill-songs';
import { importAudioFiles } from '../../../src/state/library/import-audio';
import { deleteImportedSong } from '../../../src/state/library/imported-songs';
import { renderLR, testEnv } from '../../exercises/play/fixtures';

const SR = 12_000;
const SECONDS = 12;

/** A snare (noise bursts every 0.5 s, 0.45 s of silence after each), keys (0.15 s notes) and a held pad. */
function stems(): { name: string; samples: Float32Array }[] {
  const n = SR * SECONDS;
  const rng = createRng(5);
  const snare = Float32Array.from({ length: n }, (_, i) => {
    const p = (i % (SR / 2)) / SR;
    return p < 0.05 ? 0.5 * Math.exp(-p * 50) * (rng.next() * 2 - 1) : 0;
  });
  const keys = Float32Array.from({ length: n }, (_, i) => {
    const p = (i % (SR / 2)) / SR;
    return p < 0.15 ? 0.3 * Math.exp(-p * 8) * Math.sin(2 * Math.PI * 523 * p) : 0;
  });
  const pad = Float32Array.from({ length: n }, (_, i) => 0.15 * Math.sin((2 * Math.PI * 220 * i) / SR));
  return [
    { name: 'Dyn Snare.wav', samples: snare },
    { name: 'Dyn Keys.wav', samples: keys },
    { name: 'Dyn Pad.wav', samples: pad },
  ];
}

const made: string[] = [];
afterAll(async () => {
  for (const id of made) await deleteImportedSong(id);
});

/** Largest gain reduction of B against A, dB: per sample where A is within 20 dB of its peak. */
function reductionDb(a: Float32Array, b: Float32Array): number {
  let peak = 0;
  for (const v of a) peak = Math.max(peak, Math.abs(v));
  let most = 0;
  for (let i = 0; i < a.length; i++) {
    const x = Math.abs(a[i]!);
    if (x > peak / 10) most = Math.max(most, 20 * Math.log10(x / Math.max(1e-9, Math.abs(b[i]!))));
  }
  return most;
}

const meanSquareDb = (x: Float32Array) => {
  let s = 0;
  for (const v of x) s += v * v;
  return 10 * Math.log10(s / Math.max(1, x.length) + 1e-20);
};

describe('dynamics and space drills on an imported multitrack, in Chromium', () => {
  let summary: ImportedSongSummary;

  it('importing measures the song for them (dynamics since summary version 2)', async () => {
    const files = stems().map((s) => new File([encodeWav([s.samples], SR, 'float32')], s.name));
    const result = await importAudioFiles(files, { sampleRate: SR });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    made.push(result.song.id);
    expect(summaryProblem(result.song.drillSummary)).toBeNull();
    summary = result.song.drillSummary as ImportedSongSummary;
    expect(summary.version).toBe(3);
    const snare = summary.tracks.find((t) => t.name === 'Snare')!;
    expect(snare.notes[1]).toEqual([8, 8]);
    expect((await songByHash(summary.hash))?.id).toBe(result.song.id);
  });

  it('comp-spot: B takes off what the question says (within 1 dB), A is dry', async () => {
    const seen: string[] = [];
    for (const [seed, level] of [
      [3, 3],
      [8, 3],
      [5, 1],
      [6, 2],
    ] as const) {
      const q = generateOnImported('comp-spot', seed, level, summary) as CompSpotQuestion;
      expect(q.source.type).toBe('imported-song');
      const prepared = await compSpotPlay.prepare(q, testEnv(SR));
      expect(prepared.sampleRate).toBe(SR);
      const a = await renderLR(prepared.question.a, SR);
      const b = await renderLR(prepared.question.b, SR);
      const dry = q.subtype === 'which' && q.compressedSide === 'B' ? a : q.subtype === 'which' ? b : a;
      const wet = dry === a ? b : a;
      const label = q.subtype === 'amount' ? Number(q.correct) : level === 1 ? 10 : 6;
      const measured = reductionDb(dry.left, wet.left);
      const track = summary.tracks.find((t) => t.key === q.source.track)!.name;
      seen.push(`${track} ${q.subtype} ${label} dB: ${measured.toFixed(2)} dB`);
      expect(Math.abs(measured - label), seen.at(-1)).toBeLessThan(1);
    }
    console.log(`comp-spot on an imported song, as played: ${seen.join('; ')}`);
  });

  it('reverb-time: B rings on in the gaps after the part’s notes, where A is silent; a longer decay rings more', async () => {
    const q = generateOnImported('reverb-time', 4, 1, summary) as ReverbTimeQuestion;
    const track = summary.tracks.find((t) => t.key === q.source.track)!.name;
    expect(['Snare', 'Keys']).toContain(track);
    const prepared = await reverbTimePlay.prepare(q, testEnv(SR));
    const a = await renderLR(prepared.question.a, SR);
    const b = await renderLR(prepared.question.b, SR);
    // The last 0.2 s before each next note (0.3–0.5 s after a hit): silence in A, the tail in B.
    const gaps = (x: Float32Array) => {
      const parts: number[] = [];
      for (let start = SR; start + SR / 2 <= x.length; start += SR / 2)
        parts.push(...x.subarray(start + 0.3 * SR, start + 0.48 * SR));
      return Float32Array.from(parts);
    };
    const tailDb = meanSquareDb(gaps(b.left));
    const dryDb = meanSquareDb(gaps(a.left));
    const notesDb = meanSquareDb(a.left);
    console.log(
      `reverb-time on ${track}, decay ${q.reverb.decayS} s: gaps A ${dryDb.toFixed(1)} dB, B ${tailDb.toFixed(1)} dB; A overall ${notesDb.toFixed(1)} dB`,
    );
    expect(dryDb).toBeLessThan(notesDb - 40);
    expect(tailDb).toBeGreaterThan(dryDb + 30);
    // The review plays the learner's decay: the longest rings louder in the gaps than the shortest.
    const longest = await renderLR(prepared.review({ decayS: 4 }).b, SR);
    const shortest = await renderLR(prepared.review({ decayS: 0.3 }).b, SR);
    expect(meanSquareDb(gaps(longest.left))).toBeGreaterThan(meanSquareDb(gaps(shortest.left)) + 3);
  });
});
