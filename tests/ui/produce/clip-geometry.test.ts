import { describe, expect, it } from 'vitest';
import { CLIP_HEIGHT, clipPath, eventsIn, pitchSpan } from '../../../src/ui/produce/clip-geometry';

const note = (time: number, pitch: number, velocity = 1, duration = 1) => ({
  time,
  pitch,
  velocity,
  duration,
});

describe('arranger clips', () => {
  it('draws drum hits as ticks as tall as their velocity, from the clip’s start', () => {
    expect(clipPath([note(16, 36, 1), note(17.5, 36, 0.5)], 16, 'drum', [36, 36])).toBe(
      `M0 ${CLIP_HEIGHT}V0M1.5 ${CLIP_HEIGHT}V${CLIP_HEIGHT / 2}`,
    );
  });

  it('draws notes at their pitch (highest at the top) and nearly as long as they last', () => {
    const path = clipPath([note(0, 40, 1, 2), note(1, 52, 1, 1)], 0, 'pitched', [40, 52]);
    expect(path).toBe(`M0 ${CLIP_HEIGHT - 2}h1.84M1 2h0.92`);
  });

  it('keeps only the events that start inside the section, and spans a track’s pitches', () => {
    const events = [note(3.9, 50), note(4, 55), note(7.99, 47), note(8, 60)];
    expect(eventsIn(events, 4, 8).map((e) => e.pitch)).toEqual([55, 47]);
    expect(pitchSpan(events)).toEqual([47, 60]);
    expect(pitchSpan([])).toEqual([60, 60]);
  });
});
