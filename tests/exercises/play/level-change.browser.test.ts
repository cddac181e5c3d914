import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/exercises/level-change/generate';
import { play } from '../../../src/exercises/level-change/play';
import { sideRmsDb, soloTrack, testEnv } from './fixtures';

const SR = 16_000;

describe('level-change play', () => {
  it('B moves exactly one track by changeDb; every other track is unchanged', async () => {
    const q = generate(9, 2);
    const prepared = await play.prepare(q, testEnv(SR));
    const { a, b } = prepared.question;
    for (let i = 0; i < q.tracks.length; i++) {
      const delta = (await sideRmsDb(soloTrack(b, i), SR)) - (await sideRmsDb(soloTrack(a, i), SR));
      expect(delta, q.tracks[i]!.name).toBeCloseTo(i === q.changedIndex ? q.changeDb : 0, 1);
    }
    expect(prepared.levelMatch.allowed).toBe(false);
  });

  it('the review moves the track the learner named, the way and amount they said', async () => {
    const q = generate(10, 1);
    const prepared = await play.prepare(q, testEnv(SR));
    const other = (q.changedIndex + 1) % q.tracks.length;
    const review = prepared.review({ trackIndex: other, direction: 'down', amountDb: 6 });
    const base = prepared.question.a;
    expect(
      (await sideRmsDb(soloTrack(review.b, other), SR)) - (await sideRmsDb(soloTrack(base, other), SR)),
    ).toBeCloseTo(-6, 1);
  });
});
