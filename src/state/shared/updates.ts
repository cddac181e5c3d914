import { registerServiceWorker } from '../../sw/register';
import { busyReasons, isBusy } from './busy';
import { showNotice } from './notices';

/** Connects the service worker's life cycle to notices: "Ready to work offline" and "Update available". */
export function startUpdates(): void {
  registerServiceWorker({
    onOfflineReady: () =>
      showNotice({ id: 'offline-ready', tone: 'success', text: 'Ready to work offline.' }),
    onUpdateWaiting: (activate) =>
      showNotice({
        id: 'update',
        tone: 'info',
        text: 'Update available.',
        sticky: true,
        action: {
          label: 'Reload',
          run: () => {
            if (isBusy.value) {
              showNotice({
                id: 'update-busy',
                tone: 'warning',
                text: `Finish first (${busyReasons.value.join(', ')} in progress), then press Reload again.`,
              });
              return;
            }
            activate();
          },
        },
      }),
  });
}
