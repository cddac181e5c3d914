import { OfflineAudioContext } from 'standardized-audio-context';
import type { SampleRate } from '../../../src/dsp/units';
import type { PlaybackState } from '../../../src/exercises/shared/play-types';
import type { ListenBlock } from '../../../src/lessons/schema';
import type { LessonSongLoader } from '../../../src/state/lessons/lesson-songs';
import { createListenModel } from '../../../src/state/lessons/listen-model';

/**
 * What a listening block's live model sends out with `side` selected, rendered offline once its level match is
 * measured (browser tests only). The first 50 ms (the transport's lead-in) are cut.
 */
export async function renderThroughListenModel(
  block: ListenBlock,
  side: 'a' | 'b',
  options: { sampleRate: SampleRate; loadSong?: LessonSongLoader },
): Promise<{ state: PlaybackState; channels: Float32Array[] }> {
  const SR = options.sampleRate;
  const model = createListenModel(block, options);
  const prepared = await model.load();
  const ctx = new OfflineAudioContext({
    numberOfChannels: 2,
    length: Math.round((prepared!.durationS + 0.05) * SR),
    sampleRate: SR,
  });
  const playback = await model.attach(ctx);
  const state = await new Promise<PlaybackState>((resolve) => {
    const check = () => {
      const s = model.state.value;
      if (s && !s.levelMatch.pending) resolve(s);
      else setTimeout(check, 20);
    };
    check();
  });
  model.select(side);
  await playback!.play();
  const out = await ctx.startRendering();
  model.dispose();
  const skip = Math.round(0.05 * SR);
  return { state, channels: [out.getChannelData(0).subarray(skip), out.getChannelData(1).subarray(skip)] };
}
