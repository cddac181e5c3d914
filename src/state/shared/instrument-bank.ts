/**
 * Loads the sampled instruments (a few MB, fetched after the first screen and precached by the service
 * worker) into this context — the page or a render Worker — once, and installs them for renderStems.
 * Anything that fails (offline before the first precache, a bad file) leaves synthesis as the fallback.
 */
import type { SampleBank } from '../../production/sampler/sample-bank';

/** A loaded bank and where it came from (the Worker loads the same URL). */
export interface LoadedInstruments {
  bank: SampleBank;
  url: string;
}

let fetching: Promise<{ bytes: ArrayBuffer; url: string } | null> | null = null;
let loading: Promise<LoadedInstruments | null> | null = null;

/** The bank's URL in this build (tools/instruments-plugin.ts puts it there; the dev server serves it too). */
export function instrumentBankUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}instruments.sf2`, location.href).href;
}

/** The bank's bytes from `url` (default: this build's), fetched once; null when they cannot be had. */
export function fetchInstrumentBank(url?: string): Promise<{ bytes: ArrayBuffer; url: string } | null> {
  // No page to fetch from (Node, tests without a server): synthesis, quietly.
  if (url === undefined && typeof location === 'undefined') return Promise.resolve(null);
  fetching ??= (async () => {
    const href = url ?? instrumentBankUrl();
    const get = async (init?: RequestInit) => {
      const response = await fetch(href, init);
      if (!response.ok) throw new Error(`Instrument bank: HTTP ${response.status} for ${href}`);
      return response.arrayBuffer();
    };
    // On a first visit the service worker precaches the same file meanwhile, and Chromium's HTTP cache
    // can fail one of two concurrent writes (ERR_CACHE_WRITE_FAILURE): then fetch it past that cache.
    const bytes = await get().catch(() => get({ cache: 'no-store' }));
    return { bytes, url: href };
  })().catch((error: unknown) => {
    console.warn('Sampled instruments not loaded; synthesising instead.', error);
    fetching = null;
    return null;
  });
  return fetching;
}

/** Fetches, parses and installs the bank from `url` (default: this build's) once; null when it cannot. */
export function loadInstrumentBank(url?: string): Promise<LoadedInstruments | null> {
  loading ??= (async () => {
    const [{ parseSampleBank, installSampleBank }, fetched] = await Promise.all([
      import('../../production/sampler/sample-bank'),
      fetchInstrumentBank(url),
    ]);
    if (!fetched) return null;
    const bank = parseSampleBank(fetched.bytes);
    installSampleBank(bank);
    return { bank, url: fetched.url };
  })().catch((error: unknown) => {
    console.warn('Sampled instruments could not be read; synthesising instead.', error);
    return null;
  });
  const pending = loading;
  // A failed fetch may be retried (say, once back online); a bank that cannot be parsed is not.
  void pending.then((loaded) => {
    if (!loaded && !fetching) loading = null;
  });
  return pending;
}
