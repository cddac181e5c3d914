import { describe, expect, it } from 'vitest';
import { generateSong } from '../../src/production/generate-song';
import { styleGrooves } from '../../src/production/grooves';
import { STYLES } from '../../src/production/styles';

describe('grooves', () => {
  it.each(STYLES.map((s) => s.id))(
    '%s: four drum grooves, each playing kick, snare, hats and percussion; seeds pick every one',
    (style) => {
      const grooves = styleGrooves(style);
      expect(grooves.drums.length).toBeGreaterThanOrEqual(4);
      expect(new Set(grooves.drums.map((g) => JSON.stringify(g))).size).toBe(grooves.drums.length);
      const picked = new Set<string>();
      for (let seed = 1; seed <= 40; seed++) {
        const song = generateSong(seed, style, { bars: 8 });
        const tracks = new Set(song.arrangement.drumPattern.map((r) => r.track));
        expect([...tracks].sort()).toEqual(['hats', 'kick', 'perc', 'snare']);
        picked.add(JSON.stringify(song.arrangement.drumPattern));
      }
      expect(picked.size).toBe(grooves.drums.length);
      expect(grooves.bass.length).toBeGreaterThanOrEqual(2);
      expect(grooves.keys.length).toBeGreaterThanOrEqual(3);
    },
  );
});
