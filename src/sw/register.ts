import { Workbox } from 'workbox-window';

/** What the page learns from the service worker's life cycle. */
export interface ServiceWorkerEvents {
  /** First install finished: the app now works offline. */
  onOfflineReady: () => void;
  /** A new version is installed and waiting; call `activate` to switch to it (then the page reloads). */
  onUpdateWaiting: (activate: () => void) => void;
}

/** Registers the service worker (production builds only) and reports its life cycle. */
export function registerServiceWorker(events: ServiceWorkerEvents): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  let userAskedToReload = false;
  // Only the very first install is news; a later install in the same session is an update.
  let installedBefore = navigator.serviceWorker.controller !== null;
  wb.addEventListener('installed', (event) => {
    if (!event.isUpdate && !installedBefore) events.onOfflineReady();
    installedBefore = true;
  });
  wb.addEventListener('waiting', () => {
    events.onUpdateWaiting(() => {
      userAskedToReload = true;
      wb.messageSkipWaiting();
    });
  });
  // Only a reload the learner asked for: never while audio plays or an exercise is unfinished.
  wb.addEventListener('controlling', () => {
    if (userAskedToReload) location.reload();
  });
  void wb.register();
}
