import { describe, expect, it } from 'vitest';
import { integratedLoudness } from '../../../src/dsp/loudness';
import { generate } from '../../../src/exercises/loudness-match/generate';
import { play } from '../../../src/exercises/loudness-match/play';
import { solve } from '../../../src/exercises/loudness-match/solve';
import { start } from '../../../src/exercises/loudness-match/start';
import { renderLR, testEnv } from './fixtures';

const SR = 48_000;

async function lufs(side: Parameters<typeof renderLR>[0]): Promise<number> {
  const { left, right } = await renderLR(side, SR);
  return integratedLoudness([left, right], SR);
}

describe('loudness-match play', () => {
  it('B at the matching setting measures A’s loudness (within 0.5 LU), B at the start is off by the question’s distance', async () => {
    // Pink noise with a shelf (level 3), a song without (level 2) and a song with a shelf (level 5).
    for (const q of [generate(1, 3), generate(2, 3), generate(3, 2), generate(4, 5), generate(5, 5)]) {
      const prepared = await play.prepare(q, testEnv(SR));
      expect(prepared.levelMatch.allowed).toBe(false);
      const a = await lufs(prepared.question.a);
      const matched = await lufs(prepared.withAnswer!(solve(q)));
      const started = await lufs(prepared.withAnswer!(start(q)));
      const what = `level ${q.level}, ${q.tone ? `${q.tone.type} ${q.tone.gainDb} dB` : 'same tone'}`;
      expect(
        Math.abs(matched - a),
        `${what}: A ${a.toFixed(2)}, B matched ${matched.toFixed(2)} LUFS`,
      ).toBeLessThan(0.5);
      expect(Math.abs(Math.abs(started - a) - Math.abs(q.referenceDb)), `${what}: start`).toBeLessThan(0.5);
    }
  }, 120_000);
});
