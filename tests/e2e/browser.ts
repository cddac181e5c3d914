import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Request } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The closed-network flags every test browser runs with. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
];

/** Launches the system Chromium headless with the project's closed-network flags. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(executablePath))
    throw new Error(
      `No Chromium at ${executablePath}. Install one ("sudo apt-get install chromium") or set CHROMIUM_PATH.`,
    );
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Launches Chromium with a profile kept in `userDataDir`: closing the context and launching again with the
 * same directory is closing the browser and opening it again (IndexedDB, service worker and caches stay).
 */
export async function launchPersistentChromium(
  userDataDir: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserContext> {
  if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}. Set CHROMIUM_PATH.`);
  return chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    ...options,
  });
}

/** Records every request a context makes (pages and service worker) that leaves 127.0.0.1. */
export function watchOutsideRequests(context: BrowserContext): string[] {
  const outside: string[] = [];
  const check = (request: Request) => {
    const url = request.url();
    if (/^(data|blob|chrome-extension|about):/.test(url)) return;
    if (!/^https?:\/\/127\.0\.0\.1(:\d+)?\//.test(url)) outside.push(url);
  };
  context.on('request', check);
  return outside;
}
