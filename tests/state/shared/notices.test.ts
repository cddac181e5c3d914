import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { notices, showNotice } from '../../../src/state/shared/notices';

describe('notices fade', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    notices.value = [];
  });
  afterEach(() => vi.useRealTimers());

  const ids = () => notices.value.map((n) => n.id);

  it('a confirmation after 4 s (it may cover a button), a problem after 8 s, a sticky one never', () => {
    showNotice({ id: 'ok', tone: 'success', text: 'Saved.' });
    showNotice({ id: 'bad', tone: 'error', text: 'Failed.' });
    showNotice({ id: 'stay', tone: 'warning', text: 'Reload.', sticky: true });
    vi.advanceTimersByTime(3999);
    expect(ids()).toEqual(['ok', 'bad', 'stay']);
    vi.advanceTimersByTime(1);
    expect(ids()).toEqual(['bad', 'stay']);
    vi.advanceTimersByTime(4000);
    expect(ids()).toEqual(['stay']);
    vi.advanceTimersByTime(60_000);
    expect(ids()).toEqual(['stay']);
  });

  it('a notice shown again under the same id gets its full time again', () => {
    showNotice({ id: 'x', tone: 'success', text: 'One.' });
    vi.advanceTimersByTime(3000);
    showNotice({ id: 'x', tone: 'success', text: 'Two.' });
    vi.advanceTimersByTime(3000);
    expect(notices.value.map((n) => n.text)).toEqual(['Two.']);
    vi.advanceTimersByTime(1000);
    expect(notices.value).toEqual([]);
  });
});
