import { describe, expect, it } from 'vitest';
import { bandLevelDb } from '../../../src/dsp/bands';
import { integratedLoudness } from '../../../src/dsp/loudness';
import { measureChannelBalanceDb } from '../../../src/dsp/measure';
import { measureRmsDb } from '../../../src/dsp/meters';
import { panGains } from '../../../src/dsp/pan';
import type { SampleRate } from '../../../src/dsp/units';
import { measureSideLoudness, renderSide } from '../../../src/exercises/play-registry';
import type { ListenBlock } from '../../../src/lessons/schema';
import { loadListenMaterial } from '../../../src/state/lessons/listen-model';
import { listenMeasureRate, prepareListen } from '../../../src/state/lessons/listen-sides';
import { measurePairLevels } from '../../../src/state/shared/level-match';
import { fakeLoader, fakeSong, listenBlock } from './listen-fixtures';
import { renderThroughListenModel } from './listen-render';

const SR: SampleRate = 32000;

/** Both sides of a block rendered offline through the same graph code the live player uses. */
async function renderBoth(block: ListenBlock, options = {}) {
  const prepared = prepareListen(block, await loadListenMaterial(block, { sampleRate: SR, ...options }));
  const [a, b] = await Promise.all(
    [prepared.question.a, prepared.question.b].map((side) => renderSide(side, prepared.sampleRate)),
  );
  return { prepared, a: a!, b: b! };
}

/** What the model sends out with `side` selected, once its level match is measured. */
function renderThroughModel(block: ListenBlock, side: 'a' | 'b') {
  return renderThroughListenModel(block, side, { sampleRate: SR });
}

describe('listen model: B differs from A exactly as the setting says', () => {
  it('b="bell 3k +6" on pink noise: +6 dB in the third-octave at 3 kHz, nothing two octaves away', async () => {
    const { a, b } = await renderBoth(listenBlock('flat', 'bell 3k +6'));
    const at = (x: typeof a, hz: number) => bandLevelDb(x.getChannelData(0), SR, hz, 3);
    const delta = at(b, 3000) - at(a, 3000);
    expect(Math.abs(delta - 6), `3 kHz: ${delta.toFixed(2)} dB`).toBeLessThan(1);
    expect(Math.abs(at(b, 750) - at(a, 750))).toBeLessThan(0.6);
  });

  it('b="gain -10" is 10 dB quieter, and an unmatched block keeps it so', async () => {
    const block = listenBlock('flat', 'gain -10', { matched: false });
    const { a, b } = await renderBoth(block);
    const rms = (x: typeof a) => measureRmsDb(x.getChannelData(0));
    expect(rms(b) - rms(a)).toBeCloseTo(-10, 1);
    const heard = await renderThroughModel(block, 'b');
    expect(heard.state.levelMatch.enabled).toBe(false);
    expect(heard.state.levelMatch.blockedReason).toMatch(/level difference is the point/);
  });

  it('a track in the song: the pan law on the soloed track, a gain move on one track leaves the others', async () => {
    const song = fakeSong(SR);
    const source = { type: 'song' as const, style: 'pop' as const, seed: 3 };
    const panned = await renderBoth(listenBlock('pan C', 'pan R60', { source, track: 'vocal', solo: true }), {
      loadSong: fakeLoader(song),
    });
    const [l, r] = panGains(0.6);
    const balance = measureChannelBalanceDb(panned.b.getChannelData(0), panned.b.getChannelData(1));
    expect(balance).toBeCloseTo(20 * Math.log10(r / l), 1);
    expect(measureChannelBalanceDb(panned.a.getChannelData(0), panned.a.getChannelData(1))).toBeCloseTo(0, 1);

    const moved = await renderBoth(listenBlock('flat', 'gain -6', { source, track: 'vocal' }), {
      loadSong: fakeLoader(song),
    });
    const at = (x: typeof moved.a, hz: number) => bandLevelDb(x.getChannelData(0), SR, hz, 3);
    // 2 kHz is the vocal's (pink noise) alone; 100 Hz is the bass sine's, untouched.
    expect(at(moved.b, 2000) - at(moved.a, 2000)).toBeCloseTo(-6, 0);
    expect(Math.abs(at(moved.b, 100) - at(moved.a, 100))).toBeLessThan(0.2);
  });

  it('level match trims the louder side by the measured difference, so A and B come out equally loud', async () => {
    const block = listenBlock('flat', 'bell 3k +6');
    const prepared = prepareListen(block, await loadListenMaterial(block, { sampleRate: SR }));
    const rate = listenMeasureRate(block);
    const [la, lb] = await Promise.all([
      measureSideLoudness(prepared.question.a, SR, rate),
      measureSideLoudness(prepared.question.b, SR, rate),
    ]);
    expect(lb - la).toBeGreaterThan(1);
    // The model measures in the level-match Worker at the tracks' own rate (not offline at `rate`): its
    // trim is that measurement's difference, within 0.1 dB of the offline one's.
    const worker = await measurePairLevels(prepared.question, SR);
    expect(worker).not.toBeNull();
    expect(Math.abs(worker!.bLufs - worker!.aLufs - (lb - la))).toBeLessThan(0.1);
    const a = await renderThroughModel(block, 'a');
    const b = await renderThroughModel(block, 'b');
    const match = b.state.levelMatch;
    expect(match.trimmedSide).toBe('b');
    expect(match.trimDb).toBeCloseTo(-(worker!.bLufs - worker!.aLufs), 2);
    const heardA = integratedLoudness(a.channels, SR);
    const heardB = integratedLoudness(b.channels, SR);
    expect(Math.abs(heardA - heardB), `A ${heardA.toFixed(2)} B ${heardB.toFixed(2)} LUFS`).toBeLessThan(0.5);
    console.log(
      `bell 3k +6 on pink: B louder by ${(lb - la).toFixed(2)} LU, trim ${match.trimDb.toFixed(2)} dB on B, heard A ${heardA.toFixed(2)} / B ${heardB.toFixed(2)} LUFS, measured in ${match.measuredMs?.toFixed(0)} ms`,
    );
  });
});
