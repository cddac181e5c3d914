import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/exercises/fader-balance/generate';
import { play } from '../../../src/exercises/fader-balance/play';
import { sideRmsDb, soloTrack, testEnv } from './fixtures';

const SR = 16_000;

describe('fader-balance play', () => {
  it('each track of A against B differs by reference − start dB (±0.1 dB); only the question’s tracks play', async () => {
    const q = generate(3, 2);
    const prepared = await play.prepare(q, testEnv(SR));
    const { a, b } = prepared.question;
    expect(a.tracks.map((t) => t.name)).toEqual(q.tracks.map((t) => t.name));
    for (let i = 0; i < q.tracks.length; i++) {
      const delta = (await sideRmsDb(soloTrack(a, i), SR)) - (await sideRmsDb(soloTrack(b, i), SR));
      expect(delta, q.tracks[i]!.name).toBeCloseTo(q.referenceDb[i]! - q.startDb[i]!, 1);
    }
  });

  it('B follows the learner’s faders', async () => {
    const q = generate(4, 1);
    const prepared = await play.prepare(q, testEnv(SR));
    const moved = prepared.withAnswer!({ fadersDb: q.startDb.map((s, i) => (i === 0 ? s - 6 : s)) });
    const before = await sideRmsDb(soloTrack(prepared.question.b, 0), SR);
    expect(before - (await sideRmsDb(soloTrack(moved, 0), SR))).toBeCloseTo(6, 1);
  });
});
