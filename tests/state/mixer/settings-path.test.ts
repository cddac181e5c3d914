import { describe, expect, it } from 'vitest';
import { getAt, patchAt, setAt } from '../../../src/state/mixer/settings-path';

describe('settings paths', () => {
  const settings = {
    faderDb: 0,
    eq: [{ gainDb: 0 }, { gainDb: 1 }, { gainDb: 2 }],
    sends: { reverb: { levelDb: -12 } },
  };

  it('reads and writes deep values without touching the original', () => {
    const next = setAt(settings, ['eq', 1, 'gainDb'], 4.5);
    expect(getAt(next, ['eq', 1, 'gainDb'])).toBe(4.5);
    expect(getAt(settings, ['eq', 1, 'gainDb'])).toBe(1);
    expect(next.eq[0]).toBe(settings.eq[0]); // untouched branches are shared
    expect(next.sends).toBe(settings.sends);
    expect(getAt(settings, ['nope', 3])).toBeUndefined();
  });

  it('builds the engine patch shape: objects for keys, sparse arrays for bands', () => {
    expect(patchAt(['faderDb'], -6)).toEqual({ faderDb: -6 });
    const patch = patchAt(['eq', 2, 'q'], 1.4) as { eq: unknown[] };
    expect(patch.eq).toHaveLength(3);
    expect(0 in patch.eq).toBe(false);
    expect(patch.eq[2]).toEqual({ q: 1.4 });
    expect(patchAt(['sends', 'reverb', 'enabled'], true)).toEqual({ sends: { reverb: { enabled: true } } });
  });
});
