import { useComputed } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  awaitingSamples,
  currentChoice,
  loadSongChoice,
  mixPath,
  openMixSong,
  playingHead,
  releaseMixSong,
  rendering,
  renderProgress,
  songChoices,
} from '../../state/mixer/mix-songs';
import { mixUndo } from '../../state/mixer/mix-undo';
import { mixer } from '../../state/mixer/mixer-model';
import { holdAudio, prepareAudio, suspendAudio } from '../../state/shared/audio';
import { navigate } from '../../state/shared/router';
import { undoCommandOf } from '../../state/shared/undo-stack';
import { ChannelStripView, type StripPanel } from '../mixer/ChannelStripView';
import { CompressorPanel } from '../mixer/CompressorPanel';
import { EqPanel } from '../mixer/EqPanel';
import { MasterSection } from '../mixer/MasterSection';
import { TransportBar } from '../mixer/TransportBar';
import { trackColor } from '../mixer/track-colors';
import { ErrorBoundary } from '../shell/error-boundary';
import '../mixer/mixer.css';
import '../mixer/mixer-console.css';
import '../mixer/mixer-panels.css';

/** True when a key press belongs to a text field (Space must type a space there). */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  return (
    target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(target.type)
  );
}

/** Space plays and stops anywhere on the page except in text fields. */
function useSpaceToPlay(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== ' ' || event.ctrlKey || event.metaKey || event.altKey || typingInto(event.target))
        return;
      // Also on keyup: a focused button would otherwise treat the Space as a click.
      event.preventDefault();
      if (event.type === 'keydown' && !event.repeat) void mixer.togglePlay();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('keyup', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('keyup', onKey, true);
    };
  }, []);
}

/** Ctrl/Cmd+Z undoes the last change to the mix, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes it (not in text fields). */
function useUndoKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = undoCommandOf(event);
      if (!command || typingInto(event.target)) return;
      event.preventDefault();
      if (command === 'undo') mixUndo.undo();
      else mixUndo.redo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** True once `waiting` has lasted longer than half a second (then a progress bar shows). */
function useSlowWait(waiting: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!waiting) return;
    const timer = setTimeout(() => setSlow(true), 500);
    return () => clearTimeout(timer);
  }, [waiting]);
  return slow;
}

/** How much of the song is made: a bar that fills as the parts render (moving stripes until it knows). */
function RenderBar({ label }: { label: string }) {
  const fraction = renderProgress.value;
  return fraction === null ? (
    <progress class="mix-progress" aria-label={label} />
  ) : (
    <progress class="mix-progress" aria-label={label} max={100} value={Math.round(fraction * 100)} />
  );
}

/** Mix: the mixer — transport, channel strips, master, and the selected strip's EQ and compressor. */
export default function MixPage() {
  const [panel, setPanel] = useState<StripPanel>('eq');
  const detail = useRef<HTMLElement>(null);
  useSpaceToPlay();
  useUndoKeys();
  useEffect(() => {
    void prepareAudio();
    // The live context stays while the page is open and is closed a moment after the last page that plays.
    const releaseAudio = holdAudio();
    // The song the address names, else the one mixed last (unless the app already started it, main.tsx).
    openMixSong(mixer);
    mixer.startMeters();
    return () => {
      mixer.stop();
      mixer.stopMeters();
      // The song's audio and graph go (the mix is saved); opening the page loads it again from the cache.
      releaseMixSong(mixer);
      // Nothing plays outside the Mix page: let the device rest until the next Play (any page) resumes it.
      void suspendAudio();
      releaseAudio();
    };
  }, []);

  const strips = mixer.strips.value;
  const selected = strips[mixer.selected.value] ?? strips[0];
  // The selected strip's name alone: this page need not re-render when one of its controls moves.
  const selectedName = useComputed(
    () => (mixer.strips.value[mixer.selected.value] ?? mixer.strips.value[0])?.settings.value.name ?? '',
  ).value;
  const status = mixer.status.value;
  const slow = useSlowWait(status === 'loading');
  const open = (index: number, which: StripPanel) => {
    mixer.select(index);
    setPanel(which);
    requestAnimationFrame(() => {
      // Script scrolling ignores the CSS reduced-motion rule: ask for an instant jump there.
      const calm = matchMedia('(prefers-reduced-motion: reduce)').matches;
      detail.current?.scrollIntoView({ block: 'nearest', behavior: calm ? 'auto' : 'smooth' });
      detail.current?.querySelector<HTMLElement>(`#panel-${which}`)?.focus({ preventScroll: true });
    });
  };

  return (
    <section class="mix-page">
      <header class="page-head mix-head">
        <h1>Mix</h1>
        <p class="lede">
          This is where the <strong>mixing</strong> decisions happen: the parts already exist, and you balance
          them with level, pan, EQ, compression and space.{' '}
          <span class="mix-keys">
            Space plays and stops; arrow keys nudge the focused control (Shift for fine steps); double-click
            or Enter puts a control back.
          </span>
        </p>
      </header>
      <div class="mix-toolbar">
        <TransportBar model={mixer} />
        <div class="mix-source">
          <label class="mix-label" for="mix-song">
            Material
          </label>
          <select
            id="mix-song"
            class="mix-select"
            value={currentChoice.value}
            onChange={(e) => {
              const id = (e.currentTarget as HTMLSelectElement).value;
              // The address names the song, so a reload (or a bookmark) opens it again.
              navigate(mixPath(id), { replace: true });
              void loadSongChoice(mixer, id);
            }}
          >
            {songChoices.value.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          <span class="mix-history">
            <button
              type="button"
              class="btn"
              title="Undo the last change to the mix (Ctrl+Z)"
              disabled={!mixUndo.canUndo.value}
              onClick={() => mixUndo.undo()}
            >
              Undo
            </button>
            <button
              type="button"
              class="btn"
              title="Redo (Ctrl+Shift+Z)"
              disabled={!mixUndo.canRedo.value}
              onClick={() => mixUndo.redo()}
            >
              Redo
            </button>
          </span>
          <button
            type="button"
            class="btn"
            disabled={status !== 'ready' || rendering.value || awaitingSamples.value}
            onClick={() => void mixer.exportWav()}
          >
            Export WAV
          </button>
        </div>
      </div>
      {status === 'loading' && (
        <div class="mix-loading">
          <p class="loading" aria-busy="true">
            {rendering.value ? 'Making the song’s parts…' : 'Loading the mixer…'}
          </p>
          {slow && <RenderBar label="Making the song’s parts" />}
        </div>
      )}
      {status === 'ready' && playingHead.value && (
        <div class="mix-loading">
          <p class="loading">The first bars are ready to play; the rest of the song is still being made…</p>
          <RenderBar label="Making the rest of the song" />
        </div>
      )}
      {status === 'ready' && !playingHead.value && awaitingSamples.value && (
        <p class="loading mix-note" aria-live="polite">
          {mixer.transport.value.playing
            ? 'Playing with simple built-in sounds for now: the real instruments take over when you stop.'
            : 'Getting the real instruments ready: you can play now with simple built-in sounds.'}
        </p>
      )}
      {status === 'failed' && (
        <p role="alert" class="panel">
          The mixer could not load. Reload the page to try again.
        </p>
      )}
      {strips.length > 0 && (
        <section class="console" aria-label="Mixer">
          <div class="console-strips">
            {strips.map((strip) => (
              <ChannelStripView
                key={`${mixer.source.value?.id}-${strip.index}`}
                strip={strip}
                model={mixer}
                selected={strip === selected}
                onOpen={(which) => open(strip.index, which)}
              />
            ))}
          </div>
          <MasterSection model={mixer} />
        </section>
      )}
      {selected && (
        <section
          ref={detail}
          class="mix-detail"
          aria-label={`${selectedName} EQ and compressor`}
          style={{ '--strip-color': trackColor(selected.trackId) }}
        >
          <div class={`detail-card${panel === 'eq' ? ' is-open' : ''}`}>
            <h2 id="panel-eq" tabIndex={-1}>
              <span class="detail-dot" aria-hidden="true" />
              {selectedName} · EQ
            </h2>
            <ErrorBoundary area="EQ panel" resetKey={String(selected.index)} compact>
              <EqPanel strip={selected} model={mixer} />
            </ErrorBoundary>
          </div>
          <div class={`detail-card${panel === 'compressor' ? ' is-open' : ''}`}>
            <h2 id="panel-compressor" tabIndex={-1}>
              <span class="detail-dot" aria-hidden="true" />
              {selectedName} · Compressor
            </h2>
            <ErrorBoundary area="compressor panel" resetKey={String(selected.index)} compact>
              <CompressorPanel strip={selected} model={mixer} />
            </ErrorBoundary>
          </div>
        </section>
      )}
    </section>
  );
}
