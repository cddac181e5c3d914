/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { withLrsPolicy } from './lrs-csp';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

// Every asset the app needs (HTML, JS chunks, worklets, lesson chunks, icons, manifest) is precached at install.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Deep links (/learn/eq-basics, /mix, ...) load the app shell offline; the client-side router does the rest.
// With a school's record store set up, the shell's policy also allows that one origin (lrs-csp.ts).
const shell = createHandlerBoundToURL('index.html');
registerRoute(new NavigationRoute(async (options) => withLrsPolicy(await shell(options), options.url)));

// A waiting update activates only when the page asks (the learner pressed "Reload").
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// On first install, take control of open pages so they work offline without a reload.
clientsClaim();
