import type { TrackRef } from '../../exercises/shared/tracks';
import type { DrillPlayer } from '../../state/drill/drill-player';

/** Enter on these buttons presses them (the drill would otherwise take it for "next question"). */
function keepEnter(event: KeyboardEvent): void {
  if (event.key === 'Enter') event.stopPropagation();
}

/**
 * Listening to a graded mix track by track: hear the whole mixes or one track alone on both sides, and
 * switch between the reference (A) and yours (B) with the drill's own keys, seamlessly and level-matched.
 */
export function MixReviewListen({
  player,
  tracks,
  referenceName,
}: {
  player: DrillPlayer;
  tracks: readonly TrackRef[];
  /** What A is called here ("reference", "good mix"). */
  referenceName: string;
}) {
  const state = player.state.value;
  const reviewing = state?.mode === 'review';
  const solo = state?.solo ?? null;
  const selected = state?.selected ?? 'a';
  const choices: { name: string | null; label: string }[] = [
    { name: null, label: 'Whole mix' },
    ...tracks.map((t) => ({ name: t.name, label: t.name })),
  ];
  return (
    <fieldset class="mix-listen" disabled={!reviewing}>
      <legend>Listen track by track</legend>
      <div class="mix-listen-row">
        <div class="ab-switch" role="radiogroup" aria-label="Reference or yours">
          {(['a', 'b'] as const).map((side) => (
            // biome-ignore lint/a11y/useSemanticElements: the drill's own A/B switch, keys A and B
            <button
              key={side}
              type="button"
              role="radio"
              aria-checked={selected === side}
              class={`ab-btn${selected === side ? ' is-on' : ''}`}
              onClick={() => player.select(side)}
              onKeyDown={keepEnter}
              aria-keyshortcuts={side.toUpperCase()}
            >
              {side === 'a' ? `A: ${referenceName}` : 'B: yours'}
            </button>
          ))}
        </div>
      </div>
      <div class="mix-listen-solo">
        {choices.map((c) => (
          <button
            key={c.label}
            type="button"
            class={`mix-solo-btn${solo === c.name ? ' is-on' : ''}`}
            aria-pressed={solo === c.name}
            onClick={() => player.solo(c.name)}
            onKeyDown={keepEnter}
          >
            {c.name === null ? c.label : `Solo ${c.label}`}
          </button>
        ))}
      </div>
      <p class="muted mix-listen-hint">
        {!reviewing
          ? 'Getting both mixes ready…'
          : `${solo === null ? 'Both whole mixes' : `${solo} alone in both mixes`}. Press A or B (X swaps) to compare; both keep playing in step${
              state?.levelMatch.enabled ? ', at the same loudness' : ''
            }. Press Play (P) if nothing sounds.`}
      </p>
    </fieldset>
  );
}
