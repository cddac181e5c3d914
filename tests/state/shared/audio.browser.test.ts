import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  audioStatus,
  currentAudioContext,
  keepAudioRunning,
  prepareAudio,
  startAudio,
  suspendAudio,
} from '../../../src/state/shared/audio';

describe('the live audio context', () => {
  it('does not exist until something starts audio, then there is exactly one, running', async () => {
    await prepareAudio();
    expect(currentAudioContext()).toBeNull();
    expect(audioStatus.value).toBe('idle');
    const ctx = await startAudio();
    expect(ctx).not.toBeNull();
    expect(ctx!.state).toBe('running');
    expect(audioStatus.value).toBe('running');
    expect(await startAudio()).toBe(ctx);
    expect(currentAudioContext()).toBe(ctx);
  });

  it('suspends and resumes the same context', async () => {
    const ctx = currentAudioContext()!;
    await suspendAudio();
    expect(ctx.state).toBe('suspended');
    await expect.poll(() => audioStatus.value).toBe('suspended');
    expect(await startAudio()).toBe(ctx);
    expect(ctx.state).toBe('running');
    await expect.poll(() => audioStatus.value).toBe('running');
  });

  it('keeps a page that can play running: resumes a suspended context only once the page was interacted with', async () => {
    const ctx = currentAudioContext()!;
    await suspendAudio();
    expect(ctx.state).toBe('suspended');
    const activation = (navigator as { userActivation?: { hasBeenActive: boolean } }).userActivation;
    if (activation && !activation.hasBeenActive) {
      keepAudioRunning();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(ctx.state).toBe('suspended');
      const button = document.createElement('button');
      button.textContent = 'Start';
      document.body.append(button);
      await userEvent.click(button);
      button.remove();
    }
    keepAudioRunning();
    await expect.poll(() => ctx.state).toBe('running');
  });
});
