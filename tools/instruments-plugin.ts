/**
 * Vite plugin: puts the trimmed instrument bank (tools/instrument-bank.ts) in the build as
 * `instruments.sf2` (the service worker precaches it; its revision hash changes with its bytes) and serves
 * it at the same path in dev. No chunk contains it: the app fetches it after the first screen.
 */
import type { Plugin } from 'vite';
import { instrumentBankBytes } from './instrument-bank';

/** Where the bank is, relative to the app's base URL. */
export const INSTRUMENT_BANK_FILE = 'instruments.sf2';

/** The plugin (workers get the bank's URL from the page). */
export function instrumentsPlugin(): Plugin {
  return {
    name: 'headroom-instruments',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: INSTRUMENT_BANK_FILE, source: await instrumentBankBytes() });
    },
    configureServer(server) {
      server.middlewares.use(`/${INSTRUMENT_BANK_FILE}`, (_req, res, next) => {
        instrumentBankBytes().then((bytes) => {
          res.setHeader('Content-Type', 'application/octet-stream');
          res.end(bytes);
        }, next);
      });
    },
  };
}
