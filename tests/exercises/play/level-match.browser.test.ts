import { OfflineAudioContext } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { integratedLoudness } from '../../../src/dsp/loudness';
import { measurePeakDb } from '../../../src/dsp/meters';
import { createPlayback, type PlaybackState, playFor } from '../../../src/exercises/play-registry';
import { type ExerciseId, exerciseIds, exercises } from '../../../src/exercises/registry';
import { testEnv } from './fixtures';

const SR = 32_000;

/** What the live player sends out for side `side`, rendered offline through createPlayback itself. */
async function renderThroughPlayback(kind: ExerciseId, question: unknown, side: 'a' | 'b') {
  const prepared = await playFor(kind).prepare(question, testEnv(SR));
  const ctx = new OfflineAudioContext({
    numberOfChannels: 2,
    length: Math.round((prepared.durationS + 0.05) * SR),
    sampleRate: SR,
  });
  const playback = await createPlayback(ctx, prepared, { levelMatch: true });
  const matched = await new Promise<PlaybackState>((resolve) => {
    if (!playback.state.levelMatch.pending) resolve(playback.state);
    const stop = playback.onChange((s) => {
      if (!s.levelMatch.pending) {
        stop();
        resolve(s);
      }
    });
  });
  playback.select(side);
  await playback.play();
  const out = await ctx.startRendering();
  const channels = [out.getChannelData(0), out.getChannelData(1)].map((c) =>
    c.subarray(Math.round(0.05 * SR)),
  );
  return { channels, state: matched };
}

describe('what the learner hears: levels of A and B for every kind', () => {
  it('never clips, and with level match on A and B are within 0.5 LU (or the question says why not)', async () => {
    const rows: string[] = [];
    for (const kind of exerciseIds) {
      const meta = exercises[kind].meta;
      for (const level of [1, meta.levels.length]) {
        const q = exercises[kind].generate(level * 13 + 1, level);
        const a = await renderThroughPlayback(kind, q, 'a');
        const b = await renderThroughPlayback(kind, q, 'b');
        const peak = Math.max(...[...a.channels, ...b.channels].map((c) => measurePeakDb(c)));
        const la = integratedLoudness(a.channels, SR);
        const lb = integratedLoudness(b.channels, SR);
        const match = a.state.levelMatch;
        rows.push(
          `${kind} L${level}: peak ${peak.toFixed(1)} dBFS, A ${la.toFixed(1)} / B ${lb.toFixed(1)} LUFS, trim ${match.trimDb.toFixed(1)} dB on ${match.trimmedSide ?? '-'}, measured in ${match.measuredMs?.toFixed(0) ?? '-'} ms${match.blockedReason ? ' (off: answer is about level)' : ''}`,
        );
        expect(peak, `${kind} level ${level}`).toBeLessThan(-0.9);
        if (match.enabled) expect(Math.abs(la - lb), `${kind} level ${level}`).toBeLessThan(0.5);
        else expect(match.blockedReason).toBeTruthy();
      }
    }
    console.log(rows.join('\n'));
  }, 300_000);
});
