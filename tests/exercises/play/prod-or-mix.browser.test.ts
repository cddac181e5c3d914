import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/exercises/prod-or-mix/generate';
import type { ProdOrMixQuestion } from '../../../src/exercises/prod-or-mix/meta';
import { play } from '../../../src/exercises/prod-or-mix/play';
import { sameTopology } from '../../../src/exercises/shared/play-scene';
import { sideRmsDb, soloTrack, testEnv } from './fixtures';

const SR = 16_000;

function find(pred: (q: ProdOrMixQuestion) => boolean, level = 2): ProdOrMixQuestion {
  for (let seed = 1; seed < 400; seed++) {
    const q = generate(seed, level);
    if (pred(q)) return q;
  }
  throw new Error('no such question');
}

describe('prod-or-mix play', () => {
  it('a level change moves exactly that track by deltaDb and nothing else', async () => {
    const q = find((x) => x.mixChange?.type === 'level');
    if (q.mixChange?.type !== 'level') throw new Error('unreachable');
    const prepared = await play.prepare(q, testEnv(SR));
    const { a, b } = prepared.question;
    expect(sameTopology(a, b)).toBe(true);
    for (let i = 0; i < a.tracks.length; i++) {
      const delta = (await sideRmsDb(soloTrack(b, i), SR)) - (await sideRmsDb(soloTrack(a, i), SR));
      const moved = a.tracks[i]!.name.toLowerCase() === q.mixChange.track;
      expect(delta, a.tracks[i]!.name).toBeCloseTo(moved ? q.mixChange.deltaDb : 0, 1);
    }
  });

  it('other mixing changes touch only that track’s strip (or its send), over the same samples', async () => {
    for (const type of ['pan', 'eq', 'compression', 'reverb', 'delay'] as const) {
      const q = find((x) => x.mixChange?.type === type);
      const prepared = await play.prepare(q, testEnv(SR));
      const { a, b } = prepared.question;
      const changed = b.tracks.filter(
        (t, i) => JSON.stringify(t.settings) !== JSON.stringify(a.tracks[i]!.settings),
      );
      expect(changed.length, type).toBe(1);
      expect(sameTopology(a, b)).toBe(true);
    }
    // Generating searches seeds for each change type, and each question is checked for audibility on a render.
  }, 120_000);

  it('a production change plays another render of the song: the notes differ, the mix settings do not', async () => {
    const q = find((x) => x.category === 'production' && x.change === 'arrangement');
    const prepared = await play.prepare(q, testEnv(SR));
    const { a, b } = prepared.question;
    expect(Math.abs(a.tracks.length - b.tracks.length)).toBe(1);
    const tempo = find((x) => x.change === 'tempo');
    const t = await play.prepare(tempo, testEnv(SR));
    const ratio = t.question.a.tracks[0]!.channels[0]!.length / t.question.b.tracks[0]!.channels[0]!.length;
    expect(ratio).toBeCloseTo(tempo.versionA.durationS / tempo.versionB.durationS, 2);
  });
});
