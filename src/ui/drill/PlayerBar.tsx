import { formatDb } from '../../dsp/db';
import type { LevelMatchView } from '../../exercises/shared/play-types';
import type { DrillPlayer } from '../../state/drill/drill-player';
import { settings } from '../../state/shared/storage';
import { PlayLoopButtons } from '../controls/play-loop-buttons';
import { MemoryModeBar } from './memory-mode';

/** "Level match on: B −2.3 dB", "Level match off", or why this question does not match levels. */
export function levelMatchText(view: LevelMatchView | null, settingOn: boolean): string {
  if (view?.blockedReason) return `Level match off for this question: ${view.blockedReason}`;
  if (!(view?.enabled ?? settingOn)) return 'Level match off (turn it on in Settings)';
  if (!view) return 'Level match on';
  if (view.pending) return 'Level match on: measuring…';
  if (!view.trimmedSide || view.trimDb > -0.05) return 'Level match on: A and B are already equally loud';
  return `Level match on: ${view.trimmedSide.toUpperCase()} ${formatDb(view.trimDb)}`;
}

/** Play/stop, loop, the A/B switch with its labels, memory mode (matching kinds), and the level-match indicator. */
export function PlayerBar({ player }: { player: DrillPlayer }) {
  const status = player.status.value;
  const state = player.state.value;
  const playing = state?.playing ?? false;
  const selected = state?.selected ?? 'a';
  const labels = state?.labels ?? null;
  const ready = status === 'ready';
  const memory = player.memory.view.value;
  // Memory mode: once hidden, A stays visible but refuses (a press shows why) until the review.
  const aHidden = memory.on && memory.hidden && state?.mode !== 'review';
  return (
    <fieldset class="player-bar">
      <legend class="vh">Listen</legend>
      <div class="player-row">
        <PlayLoopButtons
          playing={playing}
          playDisabled={!ready}
          looping={state?.looping ?? true}
          loopDisabled={!state}
          onToggle={() => void player.toggle()}
          onLoop={(on) => player.setLooping(on)}
        />
        <div class="ab-switch" role="radiogroup" aria-label="Compare A and B">
          {(['a', 'b'] as const).map((side) => (
            // biome-ignore lint/a11y/useSemanticElements: a two-way switch of big labelled buttons, keys A and B
            <button
              key={side}
              type="button"
              role="radio"
              aria-checked={selected === side}
              class={`ab-btn${selected === side ? ' is-on' : ''}${side === 'a' && aHidden ? ' is-hidden' : ''}`}
              disabled={!state}
              aria-disabled={side === 'a' && aHidden ? true : undefined}
              onClick={() => player.select(side)}
              aria-keyshortcuts={side.toUpperCase()}
            >
              {side === 'a' && aHidden ? 'A: hidden' : labels ? labels[side] : side.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
      <MemoryModeBar player={player} />
      <p class="player-status" aria-live="polite">
        {status === 'loading'
          ? 'Preparing the audio…'
          : status === 'failed'
            ? player.error.value
            : !state
              ? 'Press Play (or P) to listen. A and B play in step: switch with A, B or X.'
              : ''}
      </p>
      <p
        class={`player-match${state?.levelMatch.enabled ? ' is-on' : ''}`}
        data-measured-ms={state?.levelMatch.measuredMs?.toFixed(0)}
        data-start-ms={player.timings.value.startMs?.toFixed(0)}
        data-prepare-ms={player.timings.value.prepareMs?.toFixed(0)}
      >
        {levelMatchText(state?.levelMatch ?? null, settings.value.levelMatch)}
      </p>
    </fieldset>
  );
}
