import { afterAll, describe, expect, it } from 'vitest';
import { songHashOf } from '../../../src/classroom/imported-song-hash';
import { sha256Hex } from '../../../src/classroom/sha256';
import { bandLevelDb, exactCentre } from '../../../src/dsp/bands';
import { biquadCoefficients, biquadMagnitudeDb } from '../../../src/dsp/biquad';
import { integratedLoudness } from '../../../src/dsp/loudness';
import { createRng } from '../../../src/dsp/random';
import { encodeWav } from '../../../src/dsp/wav';
import type { EqBoostQuestion } from '../../../src/exercises/eq-boost/meta';
import { play as eqBoostPlay } from '../../../src/exercises/eq-boost/play';
import type { LevelChangeQuestion } from '../../../src/exercises/level-change/meta';
import { play as levelChangePlay } from '../../../src/exercises/level-change/play';
import type { LoudnessMatchQuestion } from '../../../src/exercises/loudness-match/meta';
import { play as loudnessMatchPlay } from '../../../src/exercises/loudness-match/play';
import { solve as loudnessMatchSolve } from '../../../src/exercises/loudness-match/solve';
import { start as loudnessMatchStart } from '../../../src/exercises/loudness-match/start';
import { generateOnImported } from '../../../src/exercises/shared/imported-kinds';
import { type ImportedSongSummary, summaryProblem } from '../../../src/exercises/shared/imported-song';
import { importedFaderDb, loadExcerpt } from '../../../src/exercises/shared/play-sources';
import { drillSongs, songByHash } from '../../../src/state/library/drill-songs';
import { importAudioFiles } from '../../../src/state/library/import-audio';
import { deleteImportedSong } from '../../../src/state/library/imported-songs';
import { renderLR, soloTrack, testEnv } from '../../exercises/play/fixtures';

const SR = 16_000;
const SECONDS = 10;

/** Three stems made here: a kick-like pulse twice a second, a 110 Hz bass tone, a band of noise. */
/** The largest absolute sample. */
const peakOf = (x: Float32Array) => x.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

function stems(): { name: string; samples: Float32Array }[] {
  const n = SR * SECONDS;
  const rng = createRng(3);
  const kick = Float32Array.from({ length: n }, (_, i) => {
    const p = (i % (SR / 2)) / SR;
    return 0.8 * Math.exp(-p * 30) * Math.sin(2 * Math.PI * 55 * p);
  });
  const bass = Float32Array.from({ length: n }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 110 * i) / SR));
  // Noise through a one-pole high-pass (~1 kHz up): a hiss band above the bass.
  const noise = new Float32Array(n);
  let prev = 0;
  let prevIn = 0;
  for (let i = 0; i < n; i++) {
    const x = (rng.next() * 2 - 1) * 0.3;
    prev = 0.7 * (prev + x - prevIn);
    prevIn = x;
    noise[i] = prev;
  }
  return [
    { name: 'Test Kick.wav', samples: kick },
    { name: 'Test Bass.wav', samples: bass },
    { name: 'Test Noise.wav', samples: noise },
  ];
}

const meanSquareDb = (x: Float32Array) => {
  let s = 0;
  for (const v of x) s += v * v;
  return 10 * Math.log10(s / x.length);
};

const made: string[] = [];
afterAll(async () => {
  for (const id of made) await deleteImportedSong(id);
});

describe('drills on an imported multitrack, in Chromium', () => {
  let summary: ImportedSongSummary;
  const files = stems().map((s) => ({ ...s, bytes: new Uint8Array(encodeWav([s.samples], SR, 'float32')) }));

  it('importing stores a drill summary named by the hash of the files', async () => {
    const result = await importAudioFiles(
      files.map((f) => new File([f.bytes], f.name, { type: 'audio/wav' })),
      { sampleRate: SR },
    );
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    made.push(result.song.id);
    expect(summaryProblem(result.song.drillSummary)).toBeNull();
    summary = result.song.drillSummary as ImportedSongSummary;
    // The hash is the files' bytes, hashed here independently (pure SHA-256) and combined.
    expect(summary.hash).toBe(songHashOf(files.map((f) => sha256Hex(f.bytes))));
    expect(summary.durationS).toBe(SECONDS);
    expect(summary.tracks.map((t) => t.name).sort()).toEqual(['Bass', 'Kick', 'Noise']);
    expect(drillSongs.value.find((s) => s.id === result.song.id)?.usable).toBe(true);
    expect((await songByHash(summary.hash))?.id).toBe(result.song.id);
  });

  it('level-change on it: B moves exactly the named track by changeDb, A plays the stems at their shared fader, under the limiter', async () => {
    const q = generateOnImported('level-change', 11, 1, summary) as LevelChangeQuestion;
    expect(q.source).toMatchObject({ type: 'imported-song', hash: summary.hash, startS: 0, durationS: 8 });
    const prepared = await levelChangePlay.prepare(q, testEnv(SR));
    expect(prepared.sampleRate).toBe(SR);
    expect(prepared.durationS).toBeCloseTo(8, 3);
    const { a, b } = prepared.question;
    for (let i = 0; i < q.tracks.length; i++) {
      const soloA = await renderLR(soloTrack(a, i), SR);
      const soloB = await renderLR(soloTrack(b, i), SR);
      const delta = meanSquareDb(soloB.left) - meanSquareDb(soloA.left);
      expect(delta, q.tracks[i]!.name).toBeCloseTo(i === q.changedIndex ? q.changeDb : 0, 1);
    }
    // A's level: the three stems' powers add (uncorrelated), each at the loop's shared fader (these stems sum
    // past full scale, so it is below 0 dB: importedFaderDb) through a centre pan (−3 dB per side).
    const whole = await renderLR(a, SR);
    const excerpt = await loadExcerpt(testEnv(SR), q.source);
    const shared = importedFaderDb(excerpt.tracks.map((t) => t.samples));
    expect(shared).toBeLessThan(-3);
    expect(excerpt.tracks.every((t) => t.defaultFaderDb === shared)).toBe(true);
    const expected =
      shared +
      10 *
        Math.log10(
          files
            .filter((f) => q.tracks.some((t) => f.name.includes(t.name)))
            .reduce((sum, f) => sum + 10 ** (meanSquareDb(f.samples.subarray(0, 8 * SR)) / 10), 0),
        ) -
      3.01;
    expect(meanSquareDb(whole.left)).toBeCloseTo(expected, 0);
    const wholeB = await renderLR(b, SR);
    expect(Math.abs(meanSquareDb(wholeB.left) - meanSquareDb(whole.left))).toBeGreaterThan(0.5);
    // Neither side reaches the output limiter (its ceiling is −1 dBFS), so the move is heard as planted.
    for (const side of [whole, wholeB]) expect(peakOf(side.left)).toBeLessThan(10 ** (-1 / 20));
  });

  it('eq-boost on it: B is A with the target band moved as the question says', async () => {
    const q = generateOnImported('eq-boost', 5, 5, summary) as EqBoostQuestion;
    expect(q.source.type).toBe('imported-song');
    const prepared = await eqBoostPlay.prepare(q, testEnv(SR));
    const a = await renderLR(prepared.question.a, SR);
    const b = await renderLR(prepared.question.b, SR);
    const centre = exactCentre(q.targetHz);
    const delta = bandLevelDb(b.left, SR, centre, 3) - bandLevelDb(a.left, SR, centre, 3);
    // At the band's centre the peaking filter moves the band by about its gain (the band's own spectrum is
    // not flat, so allow 1.5 dB); two octaves away it follows the filter's skirt.
    expect(Math.abs(delta - q.gainDb), `${q.targetHz} Hz: ${delta} vs ${q.gainDb}`).toBeLessThan(1.5);
    const far = centre >= 1000 ? centre / 4 : centre * 4;
    const skirt = biquadMagnitudeDb(biquadCoefficients('peaking', centre, q.q, q.gainDb, SR), far, SR);
    const farDelta = bandLevelDb(b.left, SR, far, 3) - bandLevelDb(a.left, SR, far, 3);
    expect(Math.abs(farDelta - skirt)).toBeLessThan(1);
    expect(prepared.levelMatch.allowed).toBe(true);
  });

  it('loudness-match on it: B at the setting predicted from the summary measures A’s loudness (within 0.5 LU)', async () => {
    for (const seed of [3, 4]) {
      // Level 5: a ±6 dB shelf on B, so the match depends on the song's spectrum as the summary has it.
      const q = generateOnImported('loudness-match', seed, 5, summary) as LoudnessMatchQuestion;
      expect(q.source.type).toBe('imported-song');
      const prepared = await loudnessMatchPlay.prepare(q, testEnv(SR));
      const lufs = async (side: Parameters<typeof renderLR>[0]) => {
        const { left, right } = await renderLR(side, SR);
        return integratedLoudness([left, right], SR);
      };
      const a = await lufs(prepared.question.a);
      const matched = await lufs(prepared.withAnswer!(loudnessMatchSolve(q)));
      const started = await lufs(prepared.withAnswer!(loudnessMatchStart(q)));
      const what = `${q.tone?.type} ${q.tone?.gainDb} dB: A ${a.toFixed(2)}, B matched ${matched.toFixed(2)} LUFS`;
      expect(Math.abs(matched - a), what).toBeLessThan(0.5);
      expect(Math.abs(started - a)).toBeGreaterThan(1.5);
    }
  });

  it('a question on a song this device does not have says so in words', async () => {
    const q = generateOnImported('level-change', 11, 1, { ...summary, hash: 'f'.repeat(64) });
    await expect(levelChangePlay.prepare(q as LevelChangeQuestion, testEnv(SR))).rejects.toThrow(
      /not on this device/,
    );
  });
});
