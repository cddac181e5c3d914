/** Continuing a kept drill that fails says so in a plain notice instead of failing silently. */
import { describe, expect, it } from 'vitest';
import type { UnfinishedDrill } from '../../../src/state/drill/drill-unfinished';

const kept: UnfinishedDrill = {
  kind: 'eq-boost',
  level: 2,
  adaptive: false,
  count: 10,
  seed: 1,
  sitting: 1,
  items: [{ exercise: 'eq-boost', level: 2, seed: 5 }],
  answers: [],
  updatedAt: 1,
};

describe('Continue on Train', () => {
  it('a drill that cannot be continued shows an error notice naming it', async () => {
    const { openKeptDrill } = await import('../../../src/ui/drill/KindPicker');
    const { notices } = await import('../../../src/state/shared/notices');
    await openKeptDrill(kept, async () => {
      throw new Error('The question could not be made.');
    });
    const notice = notices.value.find((n) => n.id === 'continue-drill');
    expect(notice?.tone).toBe('error');
    expect(notice?.text).toBe(
      '“Spot the EQ boost level 2, question 1 of 10” could not be continued (The question could not be made). Try again, or start the drill anew.',
    );
  });
});
