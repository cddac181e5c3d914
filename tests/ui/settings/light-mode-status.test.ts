import { describe, expect, it } from 'vitest';
import { LIGHT_BELOW_SPEED } from '../../../src/state/shared/light-mode';
import { lightModeStatus } from '../../../src/ui/settings/light-mode-panel';

const slow = { at: 1, speed: 2.46 };
const fast = { at: 1, speed: 23.4 };

describe('Light mode in plain words', () => {
  it('says whether it is on, why, and what the check found', () => {
    expect(slow.speed).toBeLessThan(LIGHT_BELOW_SPEED);
    expect(lightModeStatus('auto', slow, false)).toBe(
      'Light mode is on: this device mixes a full eight-track song 2.5 times faster than it plays, which is close to its limit, so drills play ready-made versions.',
    );
    expect(lightModeStatus('auto', fast, false)).toBe(
      'Light mode is off: this device mixes a full eight-track song 23 times faster than it plays, which leaves plenty to spare, so everything plays live.',
    );
    expect(lightModeStatus('auto', null, true)).toBe('Checking how fast this device mixes…');
    expect(lightModeStatus('auto', null, false)).toBe(
      'Light mode is off until this device has been checked.',
    );
    expect(lightModeStatus('on', fast, false)).toBe(
      'Light mode is on (you chose it). The last check found that this device mixes a full eight-track song 23 times faster than it plays.',
    );
    expect(lightModeStatus('off', slow, false)).toContain('If the sound stutters or clicks, turn it on.');
    expect(lightModeStatus('off', fast, false)).not.toContain('stutters');
    expect(lightModeStatus('auto', { at: 1, speed: 0.7 }, false)).toContain('slower than it plays');
  });
});
