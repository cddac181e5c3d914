/** fix-mix graded on rendered songs (the real tone and loudness weights), including a production fault. */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/exercises/fix-mix/check';
import { generate } from '../../src/exercises/fix-mix/generate';
import type { FixMixQuestion } from '../../src/exercises/fix-mix/meta';
import { FAULT_DIMENSION } from '../../src/exercises/fix-mix/mix-faults';
import { solve } from '../../src/exercises/fix-mix/solve';
import { start } from '../../src/exercises/fix-mix/start';
import { copyTrackMix } from '../../src/exercises/shared/mix-spec';

describe('fix-mix on rendered songs', () => {
  it('level 3: untouched 0, the answer 100, a perfect repair without a diagnosis 60', () => {
    const q = generate(1, 3);
    expect(q.faults.length).toBeGreaterThanOrEqual(2);
    expect(check(q, start(q))).toMatchObject({ score: 0, correct: false });
    expect(check(q, solve(q))).toMatchObject({ score: 100, correct: true });
    const silent = check(q, { faults: [], tracks: solve(q).tracks });
    expect(silent.score).toBe(60);
    expect(silent.correct).toBe(false);
    expect(silent.feedback).toMatch(/^You named 0 of \d problems\. Your repair closed 100 %/);
  }, 60_000);

  it('level 4 with too many parts: measured on the song that has them; name it and leave the desk', () => {
    let seed = 1;
    while (generate(seed, 4).faults.every((f) => f.production !== 'too-many')) seed++;
    const q = generate(seed, 4);
    expect(check(q, start(q)).score).toBe(0);
    expect(check(q, solve(q))).toMatchObject({ score: 100, correct: true });
  }, 60_000);

  it('each EQ and compression fault alone is at least three just-noticeable steps on the real song', () => {
    // The desk is drawn first and the good mix undone from it, so a fault is exactly its difference: measured
    // here with the real tone and loudness weights (the wider sweep uses synthetic stems, fix-mix.test.ts).
    const seen: Record<string, number> = {};
    for (let seed = 1; seed < 200 && Object.values(seen).reduce((s, n) => s + n, 0) < 8; seed++) {
      const q: FixMixQuestion = generate(seed, 3);
      for (const f of q.faults) {
        if (f.fault === 'production' || !['tone', 'dynamics'].includes(FAULT_DIMENSION[f.fault])) continue;
        if ((seen[f.fault] ?? 0) >= 2) continue;
        seen[f.fault] = (seen[f.fault] ?? 0) + 1;
        const dim = FAULT_DIMENSION[f.fault];
        const ids = f.fault === 'masking' ? ['kick', 'bass'] : [f.track];
        const undone = q.start.map((t, i) => {
          const out = copyTrackMix(t);
          if (!ids.includes(q.tracks[i]!.id)) return out;
          if (dim === 'tone') out.eq = copyTrackMix(q.reference[i]!).eq;
          else out.comp = { ...q.reference[i]!.comp };
          return out;
        });
        const before = check(q, { faults: [], tracks: q.start.map(copyTrackMix) }).details!
          .startTotal as number;
        const after = check(q, { faults: [], tracks: undone }).details!.total as number;
        expect(before - after, `${seed} ${f.description}`).toBeGreaterThanOrEqual(3);
      }
    }
    expect(Object.keys(seen).sort()).toEqual(['harsh', 'masking', 'muddy', 'squashed']);
  }, 300_000);
});
