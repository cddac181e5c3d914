import { AudioContext } from 'standardized-audio-context';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createPlayback, playFor } from '../../../src/exercises/play-registry';
import { type ExerciseId, type ExerciseQuestion, exercises } from '../../../src/exercises/registry';
import { initialAnswer } from '../../../src/state/drill/drill-answers';
import { testEnv } from './fixtures';
import { installEdgeLedger, wiredSet, wiredSince } from './live-edges';

// Issue 21: a drill's graphs must go when a question ends. Every connection is kept in a ledger
// (live-edges.ts); after dispose nothing the playback made may still be wired (a wired node, worklet nodes
// especially, is never collected while the context runs).
installEdgeLedger();
const SR = 16_000;
const ctx = new AudioContext({ sampleRate: SR });
afterAll(() => ctx.close());

const answers: Partial<Record<ExerciseId, unknown>> = {
  'eq-boost': { bandHz: 1000, direction: 'boost' },
  'level-change': { trackIndex: 0, direction: 'up', amountDb: 3 },
};

async function prepared(kind: ExerciseId) {
  const q = exercises[kind].generate(5, 2) as ExerciseQuestion;
  const answer = answers[kind] ?? initialAnswer(q);
  return { ready: await playFor(kind).prepare(q, testEnv(SR)), answer };
}

describe('a disposed playback leaves nothing wired on the live context', () => {
  // A compressor bank is shared by every compressor of the context (made once, kept): made before counting.
  it('the context is running, its compressor bank made', async () => {
    await ctx.resume();
    const { ready } = await prepared('comp-match');
    (await createPlayback(ctx, ready, { levelMatch: false })).dispose();
  });

  for (const kind of ['eq-boost', 'comp-match', 'level-change', 'saturation'] as ExerciseId[]) {
    it(`${kind}: played, answered, reviewed, disposed`, async () => {
      const { ready, answer } = await prepared(kind);
      const before = wiredSet();
      const playback = await createPlayback(ctx, ready, { levelMatch: false });
      await playback.play();
      expect(wiredSince(before).length).toBeGreaterThan(10);
      await playback.showReview(answer);
      playback.stop();
      playback.dispose();
      await vi.waitFor(() => expect(wiredSince(before)).toEqual([]), { timeout: 3000 });
    });
  }

  it('disposed while its review is still being built (Next pressed at once): the review graph goes too', async () => {
    const { ready, answer } = await prepared('level-change');
    const before = wiredSet();
    const playback = await createPlayback(ctx, ready, { levelMatch: false });
    const review = playback.showReview(answer);
    playback.dispose();
    await review;
    await vi.waitFor(() => expect(wiredSince(before)).toEqual([]), { timeout: 3000 });
  });
});
