/// <reference lib="webworker" />
/**
 * The one widening of the app's Content-Security-Policy: when a teacher set up a school's learning record
 * store (LRS) on this device, the app shell the service worker serves lets the page connect to that one
 * origin as well as its own. With no LRS set up the shell goes out exactly as built: 'self' only.
 */
import { lrsOrigin, readLrsConfig } from '../classroom/xapi/lrs-config';

/**
 * The shell's HTML with `origin` added to the policy's connect-src (the built page writes the quotes as
 * &#39;). `origin` must be a checked LRS origin (scheme://host[:port], see lrs-config.ts): it can hold no
 * space, quote, semicolon or angle bracket. The HTML is returned unchanged when it has no such policy.
 */
export function allowConnectOrigin(html: string, origin: string): string {
  if (!/^https?:\/\/[a-z0-9.\-[\]:]+$/.test(origin)) throw new Error(`Not an origin: ${origin}`);
  return html.replace(/(connect-src (?:&#39;|')self(?:&#39;|'))/, `$1 ${origin}`);
}

/**
 * The configured LRS's origin, read from Headroom's database, or null. Opens the database without a
 * version and refuses to create it: a first visit's database is made by the page, with every store.
 */
export function storedLrsOrigin(name = 'headroom'): Promise<string | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      resolve(null);
      return;
    }
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      try {
        if (!db.objectStoreNames.contains('lrs')) {
          db.close();
          resolve(null);
          return;
        }
        const get = db.transaction('lrs').objectStore('lrs').get('config');
        get.onsuccess = () => {
          db.close();
          const config = readLrsConfig((get.result as { value?: unknown } | undefined)?.value);
          resolve(config ? lrsOrigin(config) : null);
        };
        get.onerror = () => {
          db.close();
          resolve(null);
        };
      } catch {
        db.close();
        resolve(null);
      }
    };
  });
}

/** The shell response, with the LRS origin allowed when one is set up. */
export async function withLrsPolicy(response: Response): Promise<Response> {
  const origin = await storedLrsOrigin();
  if (!origin || !response.ok) return response;
  const html = allowConnectOrigin(await response.text(), origin);
  return new Response(html, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
