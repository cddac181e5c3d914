import { describe, expect, it } from 'vitest';
import { check } from '../../src/exercises/resonance/check';
import { JND_DB, leftoverDb, resonanceWeights } from '../../src/exercises/resonance/distance';
import { generate, START_HZ } from '../../src/exercises/resonance/generate';
import { meta } from '../../src/exercises/resonance/meta';
import { solve } from '../../src/exercises/resonance/solve';

describe('resonance', () => {
  it('plants a narrow ring inside the level’s range, a third of an octave or more from where the cut starts', () => {
    for (let level = 1; level <= meta.levels.length; level++) {
      const p = meta.levels[level - 1]!.params;
      for (let seed = 1; seed <= 50; seed++) {
        const q = generate(seed, level);
        expect(q.ring.gainDb).toBeGreaterThanOrEqual(p.gainDb[0]);
        expect(q.ring.gainDb).toBeLessThanOrEqual(p.gainDb[1]);
        expect(q.ring.q).toBeGreaterThanOrEqual(4);
        expect(Math.abs(Math.log2(q.ring.frequencyHz / START_HZ))).toBeGreaterThanOrEqual(1 / 3 - 0.01);
        expect(q.start.q).toBe(q.ring.q);
        // The untouched cut leaves at least four just-noticeable amounts to fix.
        expect(leftoverDb(q.ring, q.start, resonanceWeights(q))).toBeGreaterThanOrEqual(4 * JND_DB);
        expect(q.start.gainDb).toBe(q.controls.includes('depth') ? 0 : -q.ring.gainDb);
      }
    }
  });

  it('names the knob furthest off: the frequency or the depth', () => {
    const q = generate(3, 2);
    const right = solve(q);
    const low = check(q, { ...right, frequencyHz: right.frequencyHz / 1.5 });
    expect(low.feedback).toContain('Your cut is too low');
    expect(low.details?.furthestOff).toBe('frequency');
    const shallow = check(q, { ...right, gainDb: right.gainDb / 3 });
    expect(shallow.feedback).toContain('too shallow');
    expect(shallow.details?.furthestOff).toBe('depth');
  });

  it('on the depth-set level the depth comes from the question, whatever the answer says', () => {
    const q = generate(5, 1);
    expect(q.controls).toEqual(['frequency']);
    expect(check(q, { frequencyHz: q.ring.frequencyHz, gainDb: 0, q: 1 }).score).toBe(100);
  });
});
