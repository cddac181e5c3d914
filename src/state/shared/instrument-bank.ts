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
      const bytes = await response.arrayBuffer();
      // A server that answers every path with its page (no bank in this build) sends no RIFF file.
      const head = String.fromCharCode(...new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength)));
      if (head !== 'RIFF' && head !== 'RIFS') throw new Error(`Instrument bank: ${href} is not a SoundFont`);
      return bytes;
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

/**
 * The bank's URL once this context has fetched its bytes (fetching on first use), or null when they cannot be
 * had. `takeBytes` hands the bytes over (once) so they can be transferred to the render Worker and held there
 * only: afterwards this context refetches them should it ever parse the bank itself.
 */
export async function instrumentBankReady(): Promise<{
  url: string;
  takeBytes(): ArrayBuffer | null;
} | null> {
  const fetched = await fetchInstrumentBank();
  if (!fetched) return null;
  return {
    url: fetched.url,
    // Not once this context parses the bank itself (its bank may view those bytes); a transferred buffer is
    // detached here, so this context keeps no copy (a later parse here fetches again, see loadInstrumentBank).
    takeBytes: () => (loading === null && fetched.bytes.byteLength > 0 ? fetched.bytes : null),
  };
}

/**
 * Fetches, parses and installs the bank from `url` (default: this build's) once; null when it cannot.
 * `bytes` (a Worker given them by the page) are parsed instead of fetching.
 */
export function loadInstrumentBank(url?: string, bytes?: ArrayBuffer): Promise<LoadedInstruments | null> {
  loading ??= (async () => {
    const [{ parseSampleBank, installSampleBank }, given] = await Promise.all([
      import('../../production/sampler/sample-bank'),
      bytes && bytes.byteLength > 0 && url ? { bytes, url } : fetchInstrumentBank(url),
    ]);
    let fetched = given;
    // Bytes already handed to a Worker (detached here): fetch them again.
    if (fetched && fetched.bytes.byteLength === 0) {
      fetching = null;
      fetched = await fetchInstrumentBank(url);
    }
    if (!fetched) return null;
    const bank = keepSamplesOnce(parseSampleBank(fetched.bytes));
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

/** A bank sample as spessasynth_core holds it: 16-bit bytes from the file, decoded to float on first use. */
interface HeldSample {
  getAudioData(): Float32Array;
  s16leData?: Uint8Array | undefined;
}

/**
 * Makes each of `bank`'s samples held once: spessasynth_core keeps a sample's 16-bit bytes after decoding it
 * to float for playing (and decodes only from them), so a decoded sample's bytes are dropped (issue 21's
 * memory budget: samples stored once). The sound is unchanged; a bank being written out would need them.
 */
export function keepSamplesOnce(bank: SampleBank): SampleBank {
  for (const sample of bank.soundBank.samples as unknown as HeldSample[]) {
    if (typeof sample.getAudioData !== 'function') continue;
    const decode = sample.getAudioData.bind(sample);
    sample.getAudioData = () => {
      const data = decode();
      sample.s16leData = undefined;
      return data;
    };
  }
  return bank;
}
