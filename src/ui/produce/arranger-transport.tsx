import { useEffect, useRef } from 'preact/hooks';
import type { Arranger } from '../../state/produce/arranger';

/**
 * A thin output meter (peak, −48…0 dBFS) read with requestAnimationFrame while the preview plays. Decorative
 * (the status line says what is happening); data-peak-db carries the reading for tests.
 */
function OutputMeter({ arranger }: { arranger: Arranger }) {
  const bar = useRef<HTMLSpanElement>(null);
  const playing = arranger.playing.value;
  useEffect(() => {
    let frame = 0;
    let shown = -48;
    const tick = () => {
      const db = Math.max(-48, Math.min(0, arranger.readPeakDb()));
      // Rise at once, fall slowly, like a meter's ballistics.
      shown = db > shown ? db : Math.max(db, shown - 1);
      if (bar.current) {
        bar.current.style.width = `${((shown + 48) / 48) * 100}%`;
        bar.current.parentElement?.setAttribute('data-peak-db', String(Math.round(db)));
      }
      if (playing) frame = requestAnimationFrame(tick);
    };
    tick();
    return () => cancelAnimationFrame(frame);
  }, [arranger, playing]);
  return (
    <span class="arr-meter" aria-hidden="true" data-peak-db="-48">
      <span ref={bar} class="arr-meter-fill" />
    </span>
  );
}

function statusText(arranger: Arranger): string {
  const r = arranger.render.value;
  if (r.status === 'failed') return `The parts could not be made (${r.error ?? 'unknown error'}).`;
  if (r.status === 'waiting') return 'Change noted: rendering in a moment…';
  if (r.status === 'rendering')
    return arranger.waitingToPlay ? 'Rendering the parts, then playing…' : 'Rendering the parts…';
  if (r.status === 'ready' && r.renderMs !== null) {
    const start = r.startMs !== null ? ` · sound in ${r.startMs} ms` : '';
    return `Parts ready (rendered in ${(r.renderMs / 1000).toFixed(1)} s${start}).`;
  }
  return 'Press Play to hear the rough mix.';
}

/** Play/stop the rough mix, render progress, output level, and "Mix this song". */
export function ArrangerTransport({ arranger }: { arranger: Arranger }) {
  const playing = arranger.playing.value;
  const r = arranger.render.value;
  const busy = r.status === 'rendering' || r.status === 'waiting';
  const active = playing || arranger.waitingToPlay;
  const song = arranger.song.value;
  return (
    <div class="arr-transport">
      <button
        type="button"
        class={`btn btn-primary arr-play${active ? ' is-playing' : ''}`}
        onClick={() => void arranger.togglePlay()}
        aria-label={active ? 'Stop' : 'Play'}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          {active ? <rect x="6" y="6" width="12" height="12" rx="1.5" /> : <path d="M8 5.5v13l10.5-6.5z" />}
        </svg>
        <span>{active ? 'Stop' : 'Play'}</span>
      </button>
      <div class="arr-now">
        <p class="arr-title">
          <strong>“{song.title}”</strong>{' '}
          <span class="muted">
            {song.key.name} · {song.bpm} BPM
          </span>
        </p>
        <div class="arr-status">
          {r.slow && busy ? (
            <progress
              class="arr-progress"
              aria-label="Rendering the parts"
              {...(r.progress !== null ? { value: r.progress, max: 1 } : {})}
            />
          ) : playing ? (
            // Only while sound plays: an idle empty bar beside "Parts ready" read as a progress bar.
            <span class="arr-level">
              <span class="arr-level-label" aria-hidden="true">
                Level
              </span>
              <OutputMeter arranger={arranger} />
            </span>
          ) : null}
          <span class="arr-status-text" role="status">
            {statusText(arranger)}
          </span>
        </div>
      </div>
      <button type="button" class="btn arr-mix" onClick={() => arranger.openInMixer()}>
        Mix this song <span aria-hidden="true">→</span>
      </button>
    </div>
  );
}
