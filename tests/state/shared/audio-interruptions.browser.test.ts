import { afterEach, describe, expect, it } from 'vitest';
import {
  audioStatus,
  currentAudioContext,
  isWorkletFailure,
  reportEngineFailure,
  startAudio,
  suspendAudio,
} from '../../../src/state/shared/audio';
import { notices } from '../../../src/state/shared/notices';

const notice = (id: string) => notices.value.find((n) => n.id === id);

afterEach(() => {
  notices.value = [];
});

describe('sound stopped by someone else', () => {
  it('a context the system suspends while playing says so, and Resume brings the sound back', async () => {
    const ctx = (await startAudio())!;
    expect(ctx.state).toBe('running');
    // What a phone call or another app taking the device does: the context suspends without us.
    await ctx.suspend();
    await expect.poll(() => audioStatus.value).toBe('suspended');
    const shown = notice('audio-interrupted');
    expect(shown?.text).toMatch(/^Sound stopped/);
    expect(shown?.tone).toBe('warning');
    expect(shown?.action?.label).toBe('Resume');
    shown?.action?.run();
    await expect.poll(() => ctx.state).toBe('running');
    await expect.poll(() => audioStatus.value).toBe('running');
    expect(notice('audio-interrupted')).toBeUndefined();
  });

  it('our own suspend (leaving the Mix page) shows nothing', async () => {
    const ctx = (await startAudio())!;
    await suspendAudio();
    expect(ctx.state).toBe('suspended');
    await expect.poll(() => audioStatus.value).toBe('suspended');
    // Give a late statechange event time to arrive: still no notice.
    await new Promise((r) => setTimeout(r, 50));
    expect(notice('audio-interrupted')).toBeUndefined();
    expect(await startAudio()).toBe(ctx);
  });

  it('a closed context is replaced by a new one on the next Play', async () => {
    const old = (await startAudio())!;
    await old.close();
    await expect.poll(() => audioStatus.value).toBe('failed');
    expect(currentAudioContext()).toBeNull();
    const fresh = await startAudio();
    expect(fresh).not.toBe(old);
    expect(fresh?.state).toBe('running');
  });
});

describe('engine failures', () => {
  it('knows a worklet that did not load from other errors', () => {
    expect(isWorkletFailure(new DOMException("Unable to load a worklet's module.", 'AbortError'))).toBe(true);
    expect(
      isWorkletFailure(new Error('This browser has no AudioWorklet: the mixing engine cannot run.')),
    ).toBe(true);
    expect(isWorkletFailure(new TypeError('x is undefined'))).toBe(false);
  });

  it('explains a worklet failure in plain words with a Reload button', () => {
    reportEngineFailure(new DOMException("Unable to load a worklet's module.", 'AbortError'));
    const shown = notice('audio-problem');
    expect(shown?.tone).toBe('error');
    expect(shown?.text).toMatch(/audio processors \(AudioWorklet\) could not load/);
    expect(shown?.action?.label).toBe('Reload');
    reportEngineFailure(new RangeError('bad sample rate'));
    expect(notice('audio-problem')?.text).toBe(
      'The audio engine could not start (bad sample rate). Reload Headroom to try again.',
    );
  });
});
