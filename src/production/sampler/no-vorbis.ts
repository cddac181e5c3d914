/**
 * Stands in for `stb-vorbis` in the app build (vite.config.ts alias): its decoder is WebAssembly, which the
 * CSP forbids, and the bundled bank is plain 16-bit PCM (SF2), so nothing needs it. Reading an SF3 fails clearly.
 */
// biome-ignore lint/complexity/noStaticOnlyClass: it mirrors stb-vorbis's export, a class with static members.
export class StbVorbis {
  /** Resolved: there is nothing to load. */
  static readonly ready: Promise<void> = Promise.resolve();
  /** Always throws: compressed (SF3) banks are not supported in the app. */
  static decode(_data: Uint8Array | ArrayBuffer): never {
    throw new Error('This build reads only uncompressed (SF2) instrument banks, not Ogg Vorbis (SF3) ones');
  }
}
