/** fix-mix graded on rendered songs (the real tone and loudness weights), including a production fault. */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/exercises/fix-mix/check';
import { generate } from '../../src/exercises/fix-mix/generate';
import { solve } from '../../src/exercises/fix-mix/solve';
import { start } from '../../src/exercises/fix-mix/start';

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
});
