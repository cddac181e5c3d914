import { describe, expect, it } from 'vitest';
import { renderCompressorGain } from '../../../src/dsp/compressor';
import { generate } from '../../../src/exercises/comp-match/generate';
import { play } from '../../../src/exercises/comp-match/play';
import { excerptTrack, loadExcerpt } from '../../../src/exercises/shared/play-sources';
import { masterLatency, renderLR, testEnv } from './fixtures';

const SR = 16_000;

/** Gain in dB the rendered side applied, per sample, where the dry signal is loud enough to tell. */
function appliedGainDb(wet: Float32Array, dry: Float32Array, floor = 0.02): (number | null)[] {
  return Array.from(wet, (w, i) =>
    Math.abs(dry[i]!) > floor ? 20 * Math.log10(Math.abs(w / dry[i]!)) : null,
  );
}

describe('comp-match play', () => {
  it('A applies exactly the reference compressor gain trace renderCompressorGain computes (±0.2 dB)', async () => {
    for (const [seed, level] of [
      [1, 1],
      [2, 3],
      [3, 4],
    ] as const) {
      const q = generate(seed, level);
      const env = testEnv(SR);
      const prepared = await play.prepare(q, env);
      if (q.stem.type !== 'song') throw new Error('expected a song stem');
      const stem = excerptTrack(await loadExcerpt(env, q.stem), q.stem.track);
      const dryTrack = prepared.question.a.tracks[0]!;
      const dry = await renderLR(
        { tracks: [{ ...dryTrack, settings: { ...dryTrack.settings, compressor: { enabled: false } } }] },
        SR,
      );
      const wet = await renderLR(prepared.question.a, SR);
      const expected = renderCompressorGain([stem.samples], SR, q.reference);
      const applied = appliedGainDb(wet.left, dry.left);
      const lat = masterLatency(SR);
      let worst = 0;
      let counted = 0;
      for (let i = 0; i < applied.length; i++) {
        const g = applied[i];
        if (g === null || g === undefined || i < lat) continue;
        counted++;
        worst = Math.max(worst, Math.abs(g - (expected[i - lat] ?? 0)));
      }
      expect(counted).toBeGreaterThan(1000);
      expect(worst, `seed ${seed} level ${level}`).toBeLessThan(0.2);
    }
  });

  it('B starts at the learner’s start settings and follows the answer', async () => {
    const q = generate(5, 2);
    const prepared = await play.prepare(q, testEnv(SR));
    expect(prepared.question.b.tracks[0]!.settings.compressor).toMatchObject({ ...q.start, enabled: true });
    expect(prepared.withAnswer!(q.reference).tracks[0]!.settings.compressor).toMatchObject(q.reference);
    expect(prepared.levelMatch.allowed).toBe(true);
    expect((await play.prepare(generate(5, 4), testEnv(SR))).levelMatch.allowed).toBe(false);
  });
});
