import { describe, expect, it } from 'vitest';
import { practiceStreaks } from '../../src/training/practice-streaks';

describe('practice streaks', () => {
  const days = [15, 10, 11, 12, 12, 14, 15, 11];

  it('counts the current and the longest run of practice days', () => {
    const s = practiceStreaks(days, 15);
    expect(s.current).toBe(2);
    expect(s.longest).toBe(3);
    expect(s.practisedToday).toBe(true);
    expect(s.daysPractised).toBe(5);
    expect(s.lastDay).toBe(15);
  });

  it('keeps the streak alive through today until the day is over, then drops it', () => {
    expect(practiceStreaks(days, 16)).toMatchObject({ current: 2, practisedToday: false });
    expect(practiceStreaks(days, 17).current).toBe(0);
    expect(practiceStreaks(days, 17).longest).toBe(3);
  });

  it('gives a calendar of the last days, oldest first, and ignores days after today', () => {
    expect(practiceStreaks(days, 15, 5).recent).toEqual([true, true, false, true, true]);
    const s = practiceStreaks([...days, 30], 12, 3);
    expect(s.recent).toEqual([true, true, true]);
    expect(s.current).toBe(3);
    expect(s.daysPractised).toBe(3);
  });

  it('is all zeros for a first-time learner', () => {
    expect(practiceStreaks([], 100, 4)).toEqual({
      current: 0,
      longest: 0,
      practisedToday: false,
      daysPractised: 0,
      lastDay: null,
      recent: [false, false, false, false],
    });
  });
});
