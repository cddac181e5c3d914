import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SectionId } from '../../state/shared/router';
import { NotFoundPage } from '../pages/not-found-page';

type PageModule = { default: ComponentType };

// Each page is its own chunk: the first screen loads only the shell and the page it shows.
const loaders: Record<SectionId, () => Promise<PageModule>> = {
  learn: () => import('../pages/learn-page'),
  produce: () => import('../pages/produce-page'),
  train: () => import('../pages/train-page'),
  mix: () => import('../pages/mix-page'),
  progress: () => import('../pages/progress-page'),
  classroom: () => import('../pages/classroom-page'),
  settings: () => import('../pages/settings-page'),
};
const loaded = new Map<SectionId, ComponentType>();

/** Loads a section's page on demand and shows it; an unknown section shows "not found". */
export function LazyPage({ section }: { section: SectionId | null }) {
  const [, setVersion] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // `attempt` changes when Try again is pressed: it reruns the load.
  useEffect(() => {
    if (section === null || loaded.has(section)) return;
    let live = true;
    setFailed(null);
    loaders[section]()
      .then((m) => {
        loaded.set(section, m.default);
        if (live) setVersion((v) => v + 1);
      })
      .catch((e: unknown) => live && setFailed(String(e)));
    return () => {
      live = false;
    };
  }, [section, attempt]);
  if (section === null) return <NotFoundPage />;
  const Page = loaded.get(section);
  if (Page) return <Page />;
  if (failed)
    return (
      <div role="alert" class="panel">
        <p>This page could not load ({failed}). Check that Headroom finished installing, then try again.</p>
        <div class="row">
          <button type="button" class="btn btn-primary" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
          <button type="button" class="btn" onClick={() => location.reload()}>
            Reload Headroom
          </button>
        </div>
      </div>
    );
  return (
    <p class="loading" aria-busy="true">
      Loading…
    </p>
  );
}
