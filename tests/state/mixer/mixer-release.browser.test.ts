import { describe, expect, it } from 'vitest';
import { releaseMixSong } from '../../../src/state/mixer/mix-songs';
import { createMixerModel } from '../../../src/state/mixer/mixer-model';
import type { MixSource } from '../../../src/state/shared/test-sources';

const RATE = 8000;
const source = (): MixSource => ({
  id: 'tone-test',
  title: 'Tone',
  sampleRate: RATE,
  tracks: [
    {
      id: 'tone',
      name: 'Tone',
      channels: [Float32Array.from({ length: RATE }, (_, i) => 0.1 * Math.sin(i / 3))],
      defaultFaderDb: -3,
    },
  ],
});

describe('leaving the Mix page releases its song', () => {
  it('unload empties the model (no source, no strips, no engine) and a load afterwards works as new', async () => {
    const model = createMixerModel();
    await model.load(source());
    expect(model.strips.value).toHaveLength(1);
    releaseMixSong(model);
    expect(model.status.value).toBe('empty');
    expect(model.source.value).toBeNull();
    expect(model.strips.value).toHaveLength(0);
    expect(model.live).toBeNull();
    await model.load(source());
    expect(model.status.value).toBe('ready');
    expect(model.strips.value[0]?.settings.value.faderDb).toBe(-3);
  });
});
