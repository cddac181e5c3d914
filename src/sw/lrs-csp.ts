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

/**
 * The origins a cmi5 launch names (its LRS endpoint and its token URL), for a navigation to /cmi5 only:
 * the LMS that launches Headroom decides where that session's results go.
 */
export function cmi5Origins(url: URL): string[] {
  if (url.pathname !== '/cmi5') return [];
  const out: string[] = [];
  for (const name of ['endpoint', 'fetch']) {
    const m = /^(https?):\/\/([a-z0-9.-]+(:\d{1,5})?|\[[0-9a-f:.]+\](:\d{1,5})?)(\/|$)/i.exec(
      url.searchParams.get(name) ?? '',
    );
    if (m) out.push(`${(m[1] ?? '').toLowerCase()}://${(m[2] ?? '').toLowerCase()}`);
  }
  return [...new Set(out)];
}

/** The shell response, with the LRS origin (and a cmi5 launch's origins) allowed when there are any. */
export async function withLrsPolicy(response: Response, url?: URL): Promise<Response> {
  const lrs = await storedLrsOrigin();
  const origins = [...new Set([...(lrs ? [lrs] : []), ...(url ? cmi5Origins(url) : [])])];
  if (origins.length === 0 || !response.ok) return response;
  let html = await response.text();
  for (const origin of origins.reverse()) html = allowConnectOrigin(html, origin);
  return new Response(html, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
