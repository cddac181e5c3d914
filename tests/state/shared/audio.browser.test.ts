import { describe, expect, it } from 'vitest';
import {
  audioStatus,
  currentAudioContext,
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
});
