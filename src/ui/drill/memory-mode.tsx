import type { DrillPlayer } from '../../state/drill/drill-player';
import './memory-mode.css';

/** Keeps Enter and Space on these controls from reaching the drill's own keys (Enter would submit). */
function ownKeys(event: KeyboardEvent): void {
  if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
}

/**
 * Memory mode for a matching kind: the switch (kept per kind), "Hide the reference", and what is hidden and
 * why. Before hiding, A can be heard as often as the learner likes; turning a control hides it, and on the
 * upper levels A hides itself after playing through the loop once. Nothing shows for other kinds.
 */
export function MemoryModeBar({ player }: { player: DrillPlayer }) {
  const view = player.memory.view.value;
  if (!view.available) return null;
  const reviewing = player.state.value?.mode === 'review';
  if (reviewing && !view.on) return null;
  return (
    <div class={`memory-mode${view.on ? ' is-on' : ''}`}>
      <label class="memory-switch">
        <input
          type="checkbox"
          checked={view.on}
          disabled={view.hidden || reviewing}
          onChange={(e) => {
            player.memory.setOn((e.currentTarget as HTMLInputElement).checked);
            // Turned on while A plays (a one-pass level): A's pass starts counting now.
            const s = player.state.peek();
            if (s) player.memory.observe(s.playing, s.selected, s.durationS, s.mode);
          }}
          onKeyDown={ownKeys}
        />{' '}
        Memory mode: hear the reference, then match it from memory
      </label>
      {view.on && !reviewing && (
        <div class="memory-row">
          {view.hidden ? (
            // Once A was refused, the hint below says the same thing louder: one sentence, not two.
            !view.hint && (
              <p class="memory-note">The reference is hidden for this question: match B from memory.</p>
            )
          ) : (
            <>
              <button type="button" class="btn" onClick={() => player.memory.hide()} onKeyDown={ownKeys}>
                Hide the reference
              </button>
              <p class="memory-note muted">
                {view.onePass
                  ? 'Listen to A: it hides itself after playing through once, or when you turn a control.'
                  : 'Listen to A as often as you like; it hides when you press this or turn a control.'}
              </p>
            </>
          )}
        </div>
      )}
      <p class="memory-hint" role="status">
        {view.hint ?? ''}
      </p>
    </div>
  );
}
