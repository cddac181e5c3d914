import { describe, expect, it } from 'vitest';
import { generateSong } from '../../src/production/generate-song';
import { renderStemsSync } from '../../src/production/render-stems';
import type { StyleId } from '../../src/production/types';
import { testSampleBank } from './sampler/bank-fixture';
import { hashSamples } from './spectrum-helpers';

const RATE = 44100;

/** Hash of every stem's samples and the faders of a 4-bar song at the app's rate. */
async function render(style: StyleId, seed: number, sampled: boolean, bars = 4): Promise<string> {
  const bank = sampled ? await testSampleBank() : null;
  const stems = renderStemsSync(generateSong(seed, style, { bars }), { sampleRate: RATE, sampleBank: bank });
  return `${hashSamples(stems.tracks.flatMap((t) => t.channels))} ${stems.tracks.map((t) => t.defaultFaderDb).join(',')}`;
}

// Made by the renderer before the speed work of issue 20 (commit e27f8f4): faster code must give these stems
// bit for bit, or bump the render version and prove the change inaudible.
const BEFORE: [StyleId, number, boolean, string][] = [
  [
    'pop',
    3,
    false,
    '16cb33946316b95c76071c95dfd51636a34b674f143eec9d944fbaf9971c8476 -14.8,-6.9,-12.8,-18.3,-16.5,-17.2,-9.9,-22.4,-14.4',
  ],
  [
    'hiphop',
    2,
    false,
    '0243a7991e1390989b2f5010772fb4b44f95928ab2c4e997dfb6068c489bea7a -13.5,-6,-12,-17.6,-15.9,-19.7,-12.2,-24,-13.7',
  ],
  [
    'rock',
    4,
    true,
    'be1fbacdb8e4b903f08b552715a3093a7319cf1db0a618b9dbd76b7c700623ed -9.3,-5.1,-14.3,-16.8,-12,-12.5,-24.2,-19.7,-10.6',
  ],
  [
    'ballad',
    5,
    true,
    '8946456655159687c3f79aae387b854780ab3dd05dc295712083f7310a5b8b26 -10.2,-4.4,-13.8,-14.8,-8.4,-11.4,-5,-16.2,-11.4',
  ],
];

describe('stems at 44.1 kHz are unchanged by the speed work', () => {
  it.each(BEFORE)('%s seed %i (samples: %s)', async (style, seed, sampled, expected) => {
    expect(await render(style, seed, sampled)).toBe(expected);
  });

  it('renders the same after a longer song (buffers kept between renders are cleared)', async () => {
    const [style, seed, , expected] = BEFORE[0] as (typeof BEFORE)[0];
    await render('ballad', 7, false, 12);
    expect(await render(style, seed, false)).toBe(expected);
  });
});
