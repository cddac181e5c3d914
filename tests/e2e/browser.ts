import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Request } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches the system Chromium headless with the project's closed-network flags. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(executablePath))
    throw new Error(
      `No Chromium at ${executablePath}. Install one ("sudo apt-get install chromium") or set CHROMIUM_PATH.`,
    );
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--autoplay-policy=no-user-gesture-required',
    ],
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
