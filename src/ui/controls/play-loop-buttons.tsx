/** What the Play/Stop and Loop buttons show and do. */
export interface PlayLoopProps {
  playing: boolean;
  /** True while there is nothing to play yet (or it failed). */
  playDisabled: boolean;
  looping: boolean;
  /** True until a player exists to loop. */
  loopDisabled: boolean;
  onToggle: () => void;
  onLoop: (looping: boolean) => void;
}

/** The Play/Stop button (key P) and the Loop toggle (key L) that every player row starts with. */
export function PlayLoopButtons(p: PlayLoopProps) {
  return (
    <>
      <button
        type="button"
        class={`btn btn-primary player-play${p.playing ? ' is-playing' : ''}`}
        disabled={p.playDisabled}
        onClick={p.onToggle}
        aria-keyshortcuts="P"
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          {p.playing ? <rect x="3" y="3" width="10" height="10" rx="1" /> : <path d="M4 2.5v11l9.5-5.5z" />}
        </svg>
        <span>{p.playing ? 'Stop' : 'Play'}</span>
        <span class="kbd" aria-hidden="true">
          P
        </span>
      </button>
      <button
        type="button"
        class="btn toggle player-loop"
        aria-pressed={p.looping}
        disabled={p.loopDisabled}
        onClick={() => p.onLoop(!p.looping)}
        aria-keyshortcuts="L"
      >
        Loop{' '}
        <span class="kbd" aria-hidden="true">
          L
        </span>
      </button>
    </>
  );
}
