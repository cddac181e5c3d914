import { render } from 'preact';
import { startRouter } from './state/router';
import { database } from './state/storage';
import { applyTheme } from './state/theme';
import { startUpdates } from './state/updates';
import { App } from './ui/shell/app';
import './ui/styles/base.css';

startRouter();
applyTheme();
// Opening storage creates the default profile on a first visit; failures become a notice.
database().catch(() => undefined);
// The weekly backup reminder is no first-screen work: look a little after start-up.
setTimeout(() => void import('./state/backup').then((m) => m.remindToBackUp()), 5000);
render(<App />, document.getElementById('app') as HTMLElement);
startUpdates();
