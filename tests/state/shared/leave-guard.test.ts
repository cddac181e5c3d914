import { afterEach, describe, expect, it } from 'vitest';
import {
  holdLeave,
  leaveReasons,
  leaveWouldLoseWork,
  setLeaveTarget,
  whileHoldingLeave,
} from '../../../src/state/shared/leave-guard';

/** A stand-in for `window` that records which beforeunload listeners are attached. */
function fakeWindow() {
  const listeners = new Set<EventListener>();
  return {
    listeners,
    addEventListener: (type: string, fn: EventListener) => type === 'beforeunload' && listeners.add(fn),
    removeEventListener: (type: string, fn: EventListener) => type === 'beforeunload' && listeners.delete(fn),
    /** Fires beforeunload; true when a listener asked the browser to confirm. */
    leave(): boolean {
      let prevented = false;
      const event = {
        returnValue: '',
        preventDefault: () => {
          prevented = true;
        },
      } as unknown as BeforeUnloadEvent;
      for (const fn of listeners) fn(event);
      return prevented && event.returnValue !== '';
    },
  };
}

afterEach(() => setLeaveTarget(null));

describe('leave guard', () => {
  it('asks to confirm only while something is held, with one listener however many holds', () => {
    const win = fakeWindow();
    setLeaveTarget(win as never);
    expect(win.listeners.size).toBe(0);
    expect(win.leave()).toBe(false);
    const a = holdLeave('an answer is being saved');
    const b = holdLeave('an import is running');
    const c = holdLeave('an answer is being saved');
    expect(win.listeners.size).toBe(1);
    expect(leaveWouldLoseWork.value).toBe(true);
    expect(leaveReasons.value).toEqual([
      'an answer is being saved',
      'an import is running',
      'an answer is being saved',
    ]);
    expect(win.leave()).toBe(true);
    a();
    a(); // releasing twice does not release another holder with the same reason
    expect(leaveReasons.value).toEqual(['an import is running', 'an answer is being saved']);
    expect(win.leave()).toBe(true);
    b();
    c();
    expect(leaveWouldLoseWork.value).toBe(false);
    expect(win.listeners.size).toBe(0);
    expect(win.leave()).toBe(false);
  });

  it('whileHoldingLeave releases when the work fails too', async () => {
    const win = fakeWindow();
    setLeaveTarget(win as never);
    let during = false;
    await expect(
      whileHoldingLeave('a restore is running', async () => {
        during = win.leave();
        throw new Error('disk gone');
      }),
    ).rejects.toThrow('disk gone');
    expect(during).toBe(true);
    expect(win.leave()).toBe(false);
    expect(leaveReasons.value).toEqual([]);
  });

  it('a hold taken before the target is set is guarded once it is', () => {
    const release = holdLeave('an answer is not saved');
    const win = fakeWindow();
    setLeaveTarget(win as never);
    expect(win.leave()).toBe(true);
    release();
    expect(win.leave()).toBe(false);
  });
});
