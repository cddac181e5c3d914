import { describe, expect, it } from 'vitest';
import type { PreparedQuestion, SideSpec } from '../../../src/exercises/shared/play-types';
import {
  foldTail,
  lightQuestion,
  type RenderSide,
  rotate,
  TAIL_S,
} from '../../../src/state/drill/light-question';
import { LIGHT_BELOW_SPEED, lightModeFor } from '../../../src/state/shared/light-mode';

const RATE = 1000;

/** A stand-in offline render: each channel is the sum of the side's tracks, then a decaying "reverb" tail. */
const render: RenderSide = async (side, sampleRate, { durationS }) => {
  const length = Math.round(durationS * sampleRate);
  const channels = [new Float32Array(length), new Float32Array(length)];
  for (const t of side.tracks)
    for (const [c, out] of channels.entries()) {
      const src = t.channels[Math.min(c, t.channels.length - 1)]!;
      src.forEach((x, i) => {
        out[i] = (out[i] as number) + x;
        // Every sample rings on for 100 samples at a tenth of its level.
        for (let k = 1; k <= 100 && i + k < length; k++) out[i + k] = (out[i + k] as number) + x * 0.1;
      });
    }
  return { numberOfChannels: 2, getChannelData: (c: number) => channels[c]! };
};

const ones = (n: number) => new Float32Array(n).fill(1);

describe('foldTail', () => {
  it('adds what rings past the loop back onto its start, so the loop sounds as it does the second time round', () => {
    const rendered = Float32Array.from([1, 2, 3, 4, 0.5, 0.25, 0.125]);
    expect([...foldTail(rendered, 4)]).toEqual([1.5, 2.25, 3.125, 4]);
    // A tail longer than the loop wraps more than once.
    expect([...foldTail(Float32Array.from([1, 1, 1, 1, 1]), 2)]).toEqual([3, 2]);
    expect([...rotate(Float32Array.from([1, 2, 3, 4]), 1)]).toEqual([2, 3, 4, 1]);
  });
});

describe('lightQuestion', () => {
  const side = (level: number): SideSpec => ({
    tracks: [
      { name: 'Kick', channels: [ones(RATE).map(() => level)], settings: { faderDb: -6 } },
      {
        name: 'Bass',
        channels: [ones(RATE).map(() => level), ones(RATE).map(() => level * 2)],
        settings: {},
      },
    ],
    bpm: 100,
  });
  const ready: PreparedQuestion<number> = {
    sampleRate: RATE,
    durationS: 1,
    question: { a: side(0.1), b: side(0.2), labels: { a: 'A', b: 'B' } },
    review: () => ({ a: side(0.1), b: side(0.3), labels: { a: 'Right', b: 'Yours' } }),
    levelMatch: { allowed: true },
    measureRate: RATE,
  };

  it('makes each side one ready-made stereo track, a loop long, through a flat strip', async () => {
    const light = await lightQuestion(ready, render);
    for (const [which, level] of [
      ['a', 0.1],
      ['b', 0.2],
    ] as const) {
      const s = light.question[which];
      expect(s.tracks).toHaveLength(1);
      expect(s.tracks[0]!.settings).toEqual({});
      expect(s.bpm).toBe(100);
      const [left, right] = s.tracks[0]!.channels;
      expect(left!.length).toBe(RATE);
      // Left: kick + bass left; right: kick + bass right (2×). In steady state each sample carries its own
      // level plus 100 samples of ringing at a tenth: ×11 — at the loop's start too, as the tail wraps round.
      expect(left![0]).toBeCloseTo(2 * level * 11, 5);
      expect(left![RATE - 1]).toBeCloseTo(2 * level * 11, 5);
      expect(right![0]).toBeCloseTo(3 * level * 11, 5);
    }
    // The rest is as prepared: the review stays live, the labels, rates and level-match policy are kept.
    expect(light.review(0).b.tracks).toHaveLength(2);
    expect(light.question.labels).toEqual({ a: 'A', b: 'B' });
    expect(light.levelMatch).toEqual({ allowed: true });
  });

  it('renders the loop plus the tail', async () => {
    const lengths: number[] = [];
    await lightQuestion(ready, async (s, rate, o) => {
      lengths.push(o.durationS);
      return render(s, rate, o);
    });
    // The loop and its tail, once.
    expect(lengths).toEqual([1 + TAIL_S, 1 + TAIL_S]);
  });
});

describe('lightModeFor', () => {
  it('on and off are the learner’s word; Automatic turns on only on a device measured slow', () => {
    const slow = { at: 1, speed: LIGHT_BELOW_SPEED - 0.5 };
    const fast = { at: 1, speed: 20 };
    expect(lightModeFor('on', fast)).toBe(true);
    expect(lightModeFor('off', slow)).toBe(false);
    expect(lightModeFor('auto', slow)).toBe(true);
    expect(lightModeFor('auto', fast)).toBe(false);
    expect(lightModeFor('auto', null)).toBe(false);
  });
});
