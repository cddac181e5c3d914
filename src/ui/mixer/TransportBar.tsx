import { useComputed } from '@preact/signals';
import type { MixerModel } from '../../state/mixer/mixer-model';

/** Formats a programme position: "0:03.2", "1:05.0". */
export function formatPosition(seconds: number): string {
  const s = Math.max(0, seconds);
  const minutes = Math.floor(s / 60);
  const rest = s - minutes * 60;
  return `${minutes}:${rest.toFixed(1).padStart(4, '0')}`;
}

/** Play/stop, return to start, loop, and the position with a seek bar. Space plays/stops too (see the page). */
export function TransportBar({ model }: { model: MixerModel }) {
  // Only what the buttons show: the position moves ten times a second while playing and re-renders
  // TransportPosition alone.
  const playing = useComputed(() => model.transport.value.playing).value;
  const looping = useComputed(() => model.transport.value.looping).value;
  const t = { playing, looping };
  const ready = model.status.value === 'ready';
  return (
    <fieldset class="transport">
      <legend class="vh">Transport</legend>
      <button
        type="button"
        class={`btn transport-play${t.playing ? ' is-playing' : ''}`}
        aria-label={t.playing ? 'Stop' : 'Play'}
        title="Play / stop (Space)"
        disabled={!ready}
        onClick={() => void model.togglePlay()}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          {t.playing ? <rect x="3" y="3" width="10" height="10" rx="1" /> : <path d="M4 2.5v11l9.5-5.5z" />}
        </svg>
        <span>{t.playing ? 'Stop' : 'Play'}</span>
      </button>
      <button
        type="button"
        class="btn btn-ghost"
        aria-label="Back to start"
        title="Back to start"
        disabled={!ready}
        onClick={() => model.seek(0)}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <rect x="2.5" y="3" width="2" height="10" />
          <path d="M14 3v10L6 8z" />
        </svg>
      </button>
      <button
        type="button"
        class="btn toggle"
        aria-pressed={t.looping}
        title="Loop the whole programme"
        onClick={() => model.setLooping(!t.looping)}
      >
        Loop
      </button>
      <TransportPosition model={model} ready={ready} />
    </fieldset>
  );
}

/** The position and the seek bar: the part of the transport that moves while it plays. */
function TransportPosition({ model, ready }: { model: MixerModel; ready: boolean }) {
  const t = model.transport.value;
  return (
    <>
      <output class="transport-time" aria-label="Position">
        {formatPosition(t.position)} / {formatPosition(t.duration)}
      </output>
      <input
        class="transport-seek"
        type="range"
        min={0}
        max={Math.max(0.1, t.duration)}
        step={0.1}
        value={t.position}
        aria-label="Position"
        aria-valuetext={formatPosition(t.position)}
        disabled={!ready}
        onInput={(e) => model.seek(Number((e.currentTarget as HTMLInputElement).value))}
      />
    </>
  );
}
