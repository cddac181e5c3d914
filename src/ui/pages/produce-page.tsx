import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { currentParams } from '../../state/shared/router';
import { ErrorBoundary } from '../shell/error-boundary';

type ViewModule = { default: ComponentType };
const VIEWS: Record<
  'arranger' | 'library',
  { label: string; path: string; load: () => Promise<ViewModule> }
> = {
  arranger: { label: 'Arranger', path: '/produce', load: () => import('../produce/arranger-view') },
  library: { label: 'Library', path: '/produce/library', load: () => import('../library/library-view') },
};

/** Produce: the production side — make a song in the arranger, or manage the song library. */
export default function ProducePage() {
  const view = currentParams.value[0] === 'library' ? 'library' : 'arranger';
  const [View, setView] = useState<{ id: string; component: ComponentType } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setFailed(null);
    VIEWS[view].load().then(
      (m) => live && setView({ id: view, component: m.default }),
      (e: unknown) => live && setFailed(String(e)),
    );
    return () => {
      live = false;
    };
  }, [view]);
  const Current = View?.id === view ? View.component : null;
  return (
    <section class="stack">
      <header class="page-head">
        <h1>Produce</h1>
        <p class="lede">
          Producing makes the parts: the song, its arrangement and its sounds. Make one here, then take it to
          the mixer.
        </p>
      </header>
      <nav aria-label="Produce views">
        <ul class="tabs">
          {Object.entries(VIEWS).map(([id, v]) => (
            <li key={id}>
              <a href={v.path} class="tab" aria-current={id === view ? 'page' : undefined}>
                {v.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {Current ? (
        <ErrorBoundary area={VIEWS[view].label} resetKey={view} compact>
          <Current />
        </ErrorBoundary>
      ) : failed ? (
        <p role="alert" class="panel">
          The {VIEWS[view].label.toLowerCase()} could not load ({failed}). Check that Headroom finished
          installing, then reload.
        </p>
      ) : (
        <p class="loading">Loading…</p>
      )}
    </section>
  );
}
