/**
 * Issue 21 part 1: a drill holds the current question's audio and the next one's only. Each question played
 * builds a playback (two engine graphs with their AudioBuffers); Next and Review must let the old one go, so
 * over a drill at most one is alive, and none once the drill is closed.
 */
import { describe, expect, it } from 'vitest';
import type { EqBoostAnswer } from '../../../src/exercises/eq-boost/meta';
import { createDrill } from '../../../src/state/drill/drill';
import { drillPlaybacksAlive } from '../../../src/state/drill/drill-player';
import { startAudio } from '../../../src/state/shared/audio';

const QUESTIONS = 4;

describe('a drill lets go of answered questions’ audio', () => {
  it(`over ${QUESTIONS} questions at most one playback is alive, and none after closing`, async () => {
    await startAudio();
    const before = drillPlaybacksAlive();
    const session = createDrill({ kind: 'eq-boost', level: 1, count: QUESTIONS, seed: 5 });
    const alive: number[] = [];
    for (let i = 0; i < QUESTIONS; i++) {
      await expect
        .poll(() => session.index.value === i && session.player.status.value, { timeout: 20_000 })
        .toBe('ready');
      await session.player.play();
      session.player.stop();
      session.setAnswer({ bandHz: 1000, direction: 'boost' } as EqBoostAnswer);
      await session.submit();
      // The review rebuilds the pair: still the one playback of this question.
      await expect.poll(() => session.player.reviewPair.value !== null, { timeout: 10_000 }).toBe(true);
      alive.push(drillPlaybacksAlive() - before);
      session.next();
    }
    expect(alive).toHaveLength(QUESTIONS);
    for (const n of alive) expect(n).toBe(1);
    session.dispose();
    expect(drillPlaybacksAlive()).toBe(before);
  }, 60_000);
});
