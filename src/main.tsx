import { render } from 'preact';
import { startXapi, takeCmi5Launch } from './state/classroom/xapi-hooks';
import { applyTheme } from './state/settings/theme';
import { startRouter } from './state/shared/router';
import { database } from './state/shared/storage';
import { startUpdates } from './state/shared/updates';
import { App } from './ui/shell/app';
import './ui/styles/base.css';

// An LMS launching an assignment (cmi5): its page, before the router reads the address.
takeCmi5Launch();
startRouter();
applyTheme();
// Opening storage creates the default profile on a first visit; failures become a notice.
database()
  // A school's record store set up on this device: send what waits (nothing at all when none is).
  .then((db) => {
    void startXapi(db);
    return db;
  })
  // A restore the page went away from mid-way: say whether it landed or nothing changed.
  .then((db) => import('./state/settings/restore-interrupted').then((m) => m.reportInterruptedRestore(db)))
  .catch(() => undefined);
// The weekly backup reminder is no first-screen work: look a little after start-up.
setTimeout(() => void import('./state/settings/backup').then((m) => m.remindToBackUp()), 5000);
// Opened on the Mix page: its song is read (or its first bars made) and its engine built while the page loads.
if (location.pathname.startsWith('/mix')) {
  void import('./state/mixer/mix-songs').then((m) => m.openMixSong()).catch(() => undefined);
  // The engine's code (the first sound's longest wait) loads alongside, not after the song's.
  void import('./state/mixer/live-mix').catch(() => undefined);
}
render(<App />, document.getElementById('app') as HTMLElement);
startUpdates();
