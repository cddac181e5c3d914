/**
 * pan-position, stereo-width and eq-match played on an imported multitrack in Chromium: each question's A and B
 * differ as it says (the pan law, the width of the side, the reference band), on each stem's mono sum.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { bandLevelDb } from '../../../src/dsp/bands';
import { biquadCoefficients, biquadMagnitudeDb } from '../../../src/dsp/biquad';
import { measureChannelBalanceDb } from '../../../src/dsp/measure';
import { panGains } from '../../../src/dsp/pan';
import { createRng } from '../../../src/dsp/random';
import { encodeWav } from '../../../src/dsp/wav';
import type { EqMatchQuestion } from '../../../src/exercises/eq-match/meta';
import { play as eqMatchPlay } from '../../../src/exercises/eq-match/play';
import type { PanPositionQuestion } from '../../../src/exercises/pan-position/meta';
import { play as panPlay } from '../../../src/exercises/pan-position/play';
import { generateOnImported } from '../../../src/exercises/shared/imported-kinds';
import type { ImportedSongSummary } from '../../../src/exercises/shared/imported-song';
import type { StereoWidthQuestion } from '../../../src/exercises/stereo-width/meta';
import { play as widthPlay } from '../../../src/exercises/stereo-width/play';
import { songByHash } from '../../../src/state/library/drill-songs';
import { importAudioFiles } from '../../../src/state/library/import-audio';
import { deleteImportedSong } from '../../../src/state/library/imported-songs';
import { renderLR, soloTrack, testEnv } from '../../exercises/play/fixtures';

const SR = 16_000;
const SECONDS = 10;

/**
 * Three stems: a pulse twice a second, a 110 Hz tone, and a stereo file of hiss (noise above ~1 kHz) in its
 * left channel and a 700 Hz tone in its right: the drills play its mono sum, whatever the file's own picture.
 */
function stems(): { name: string; channels: Float32Array[] }[] {
  const n = SR * SECONDS;
  const rng = createRng(5);
  const kick = Float32Array.from({ length: n }, (_, i) => {
    const p = (i % (SR / 2)) / SR;
    return 0.8 * Math.exp(-p * 30) * Math.sin(2 * Math.PI * 55 * p);
  });
  const bass = Float32Array.from({ length: n }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 110 * i) / SR));
  const hiss = new Float32Array(n);
  let prev = 0;
  let prevIn = 0;
  for (let i = 0; i < n; i++) {
    const x = (rng.next() * 2 - 1) * 0.3;
    prev = 0.7 * (prev + x - prevIn);
    prevIn = x;
    hiss[i] = prev;
  }
  const tone = Float32Array.from({ length: n }, (_, i) => 0.1 * Math.sin((2 * Math.PI * 700 * i) / SR));
  return [
    { name: 'Take Kick.wav', channels: [kick] },
    { name: 'Take Bass.wav', channels: [bass] },
    { name: 'Take Keys.wav', channels: [hiss, tone] },
  ];
}

const made: string[] = [];
afterAll(async () => {
  for (const id of made) await deleteImportedSong(id);
});

/** Side power (L − R)/2 against mid power (L + R)/2 of a render, dB. */
function sideToMidDb(left: Float32Array, right: Float32Array): number {
  let side = 0;
  let mid = 0;
  for (let i = 0; i < left.length; i++) {
    side += ((left[i]! - right[i]!) / 2) ** 2;
    mid += ((left[i]! + right[i]!) / 2) ** 2;
  }
  return 10 * Math.log10(side / mid);
}

describe('pan, width and EQ matching on an imported multitrack, in Chromium', () => {
  let summary: ImportedSongSummary;

  it('imports the stems', async () => {
    const files = stems().map(
      (s) => new File([new Uint8Array(encodeWav(s.channels, SR, 'float32'))], s.name, { type: 'audio/wav' }),
    );
    const result = await importAudioFiles(files, { sampleRate: SR });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    made.push(result.song.id);
    summary = result.song.drillSummary as ImportedSongSummary;
    expect(summary.tracks).toHaveLength(3);
    // drill-songs registers the loader the play half finds the song's stems with.
    expect((await songByHash(summary.hash))?.id).toBe(result.song.id);
  });

  it('pan-position: B’s panned part follows the pan law at the question’s position, A’s is centred', async () => {
    let tested = 0;
    for (let seed = 1; tested < 3 && seed < 40; seed++) {
      const q = generateOnImported('pan-position', seed, 3, summary) as PanPositionQuestion;
      const pan = q.positionsPan[q.targetIndex]!;
      if (Math.abs(pan) > 0.9) continue; // hard left/right has an infinite balance
      tested++;
      expect(q.source.type).toBe('imported-song');
      const prepared = await panPlay.prepare(q, testEnv(SR));
      const index = prepared.question.b.tracks.findIndex(
        (t) => t.settings.pan !== undefined && t.settings.pan !== 0,
      );
      const target = index >= 0 ? index : prepared.question.b.tracks.findIndex((t) => t.settings.pan === 0);
      const b = await renderLR(soloTrack(prepared.question.b, target), SR);
      const a = await renderLR(soloTrack(prepared.question.a, target), SR);
      const [l, r] = panGains(pan);
      const measured = measureChannelBalanceDb(b.left, b.right);
      expect(measured, `${q.source.track} at ${pan}`).toBeCloseTo(20 * Math.log10(r / l), 1);
      expect(measureChannelBalanceDb(a.left, a.right)).toBeCloseTo(0, 2);
      // The whole mix moves too (the others stay centred): A and B differ in balance by the part's share.
      const wholeB = await renderLR(prepared.question.b, SR);
      const wholeA = await renderLR(prepared.question.a, SR);
      const moved =
        measureChannelBalanceDb(wholeB.left, wholeB.right) -
        measureChannelBalanceDb(wholeA.left, wholeA.right);
      console.info(
        `pan-position seed ${seed}: ${q.source.track} at ${pan}, part ${measured.toFixed(2)} dB, mix moved ${moved.toFixed(2)} dB`,
      );
      if (pan !== 0) expect(Math.abs(moved)).toBeGreaterThan(0.2);
    }
    expect(tested).toBe(3);
  });

  it('stereo-width: the side against the mid changes by the two widths’ ratio', async () => {
    for (const seed of [2, 3]) {
      const q = generateOnImported('stereo-width', seed, 2, summary) as StereoWidthQuestion;
      const prepared = await widthPlay.prepare(q, testEnv(SR));
      const a = await renderLR(prepared.question.a, SR);
      const b = await renderLR(prepared.question.b, SR);
      const delta = sideToMidDb(b.left, b.right) - sideToMidDb(a.left, a.right);
      const expected = 20 * Math.log10(q.widthB / q.widthA);
      console.info(
        `stereo-width seed ${seed}: A ${q.widthA}, B ${q.widthB}: side moved ${delta.toFixed(2)} dB (expected ${expected.toFixed(2)})`,
      );
      expect(delta).toBeCloseTo(expected, 0);
    }
  });

  it('eq-match: A carries the reference band, B the start; B at the answer sounds as A', async () => {
    // A peaking reference where the hiss is (1.5–5 kHz: a smooth spectrum within a third of an octave).
    let q: EqMatchQuestion | null = null;
    for (let seed = 1; !q && seed < 200; seed++) {
      const c = generateOnImported('eq-match', seed, 2, summary) as EqMatchQuestion;
      if (c.reference.frequencyHz >= 1500 && c.reference.frequencyHz <= 5000) q = c;
    }
    if (!q) throw new Error('no question with a band in the hiss');
    expect(q.source.type).toBe('imported-song');
    const prepared = await eqMatchPlay.prepare(q, testEnv(SR));
    const a = await renderLR(prepared.question.a, SR);
    const b = await renderLR(prepared.question.b, SR);
    const solved = await renderLR(prepared.withAnswer!(q.reference), SR);
    const centre = q.reference.frequencyHz;
    const ref = q.reference;
    const c = biquadCoefficients(ref.type, ref.frequencyHz, ref.q, ref.gainDb, SR);
    const start = biquadCoefficients(ref.type, q.start.frequencyHz, q.start.q, q.start.gainDb, SR);
    const expected = biquadMagnitudeDb(c, centre, SR) - biquadMagnitudeDb(start, centre, SR);
    const measured = bandLevelDb(a.left, SR, centre, 3) - bandLevelDb(b.left, SR, centre, 3);
    console.info(
      `eq-match: ${JSON.stringify(ref)}: A − B at ${centre} Hz ${measured.toFixed(2)} dB (curve ${expected.toFixed(2)})`,
    );
    // A third of an octave averages the peak with its skirts: within 1.5 dB of the curve at the centre.
    expect(Math.abs(measured - expected)).toBeLessThan(1.5);
    expect(Math.abs(expected)).toBeGreaterThan(2);
    const same = bandLevelDb(solved.left, SR, centre, 3) - bandLevelDb(a.left, SR, centre, 3);
    expect(Math.abs(same)).toBeLessThan(0.05);
  });
});
