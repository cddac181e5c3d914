import { useEffect, useState } from 'preact/hooks';
import { formatDb } from '../../../dsp/db';
import type { LevelMatchView } from '../../../exercises/shared/play-types';
import type { ListenModel } from '../../../state/lessons/listen-model';
import { PlayLoopButtons } from '../../controls/play-loop-buttons';

/** "Level match on: B −2.1 dB", "Level match off…", or why this example is not matched. */
export function listenMatchText(view: LevelMatchView | null, matched: boolean, on: boolean): string {
  if (!matched || view?.blockedReason)
    return 'Not level-matched: the level difference is the point of this example.';
  if (!(view?.enabled ?? on)) return 'Level match off: the louder side may win just for being louder.';
  if (!view) return 'Level match on: A and B will play equally loud.';
  if (view.pending) return 'Level match on: measuring…';
  if (!view.trimmedSide || view.trimDb > -0.05)
    return 'Level match on: A and B are equally loud as they are.';
  return `Level match on: ${view.trimmedSide.toUpperCase()} ${formatDb(view.trimDb)}`;
}

/** Meter range shown, dBFS. */
const FLOOR_DB = -60;

/** A thin output meter that reads the block's level once per frame while it plays. */
function OutputMeter({ model, playing }: { model: ListenModel; playing: boolean }) {
  const [level, setLevel] = useState({ peakDb: Number.NEGATIVE_INFINITY, rmsDb: Number.NEGATIVE_INFINITY });
  useEffect(() => {
    if (!playing) {
      setLevel({ peakDb: Number.NEGATIVE_INFINITY, rmsDb: Number.NEGATIVE_INFINITY });
      return;
    }
    let frame = requestAnimationFrame(function tick() {
      setLevel(model.readOutput());
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [model, playing]);
  const width = (db: number) => `${Math.max(0, Math.min(100, (100 * (db - FLOOR_DB)) / -FLOOR_DB))}%`;
  // Labelled, in segments like a desk's meter, with 0 dB marked: it reads as a level, not as a progress bar.
  return (
    <span class="listen-meter-wrap" aria-hidden="true">
      <span class="listen-meter-label">Level</span>
      <span
        class="listen-meter"
        data-rms-db={Number.isFinite(level.rmsDb) ? level.rmsDb.toFixed(1) : undefined}
        data-peak-db={Number.isFinite(level.peakDb) ? level.peakDb.toFixed(1) : undefined}
      >
        <span class="listen-meter-rms" style={{ width: width(level.rmsDb) }} />
        <span class="listen-meter-peak" style={{ left: width(level.peakDb) }} />
      </span>
      <span class="listen-meter-label">0 dB</span>
    </span>
  );
}

/**
 * Play/stop, loop, the level-match line with its switch, and the output meter of a listen block. `secret`
 * (a quiz question) keeps which side was turned down to itself, since that would hint at the answer.
 */
export function ListenControls({ model, secret = false }: { model: ListenModel; secret?: boolean }) {
  const status = model.status.value;
  const state = model.state.value;
  const playing = state?.playing ?? false;
  const matched = model.block.matched;
  const matchOn = state ? state.levelMatch.enabled : model.levelMatch.value;
  return (
    <div class="listen-controls">
      <div class="player-row">
        <PlayLoopButtons
          playing={playing}
          playDisabled={status === 'failed'}
          looping={state?.looping ?? true}
          loopDisabled={!state}
          onToggle={() => void model.toggle()}
          onLoop={(on) => model.setLooping(on)}
        />
        {matched && (
          <button
            type="button"
            class="btn toggle listen-match-toggle"
            aria-pressed={matchOn}
            onClick={() => model.setLevelMatch(!matchOn)}
          >
            Level match
          </button>
        )}
        <OutputMeter model={model} playing={playing} />
      </div>
      <p class="player-status" aria-live="polite">
        {status === 'loading' && !state
          ? 'Preparing the audio…'
          : status === 'failed'
            ? model.error.value
            : ''}
      </p>
      <p class={`player-match${matched && matchOn ? ' is-on' : ''}`} aria-live="polite">
        {listenMatchText(secret ? null : (state?.levelMatch ?? null), matched, matchOn)}
      </p>
    </div>
  );
}
