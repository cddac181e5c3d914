import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { lessonsPlugin } from './src/lessons/build/lessons-plugin.js';
import { instrumentsPlugin } from './tools/instruments-plugin.js';

/**
 * The built app's Content-Security-Policy: only its own origin. `blob:` in script-src is there because
 * standardized-audio-context adds AudioWorklet modules from blob: URLs (it fetches the module and wraps
 * it; without it nothing plays), in media-src for audio object URLs; `data:` only for small images. No 'unsafe-eval',
 * no 'unsafe-inline': the build has no inline scripts, styles or event handlers (Preact sets styles
 * through the CSSOM, which CSP allows).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' blob:",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Puts the CSP in the built index.html as its first <head> element (the dev server needs HMR's inline bits). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'headroom-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

/** Vite config: the app, its lazily loaded views, AudioWorklets as files, and the service worker. */
export default defineConfig({
  // The preset's HMR code must not reach AudioWorklet modules (they run without a window).
  plugins: [
    preact({ exclude: [/worklet/, /node_modules/] }),
    // lessons/*.md → virtual:lessons (index) + one lazy chunk per lesson; a bad lesson fails the build.
    lessonsPlugin(),
    contentSecurityPolicy(),
    // The trimmed instrument bank (instruments.sf2, tools/instrument-bank.ts): fetched after the first screen.
    instrumentsPlugin(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // Worklets, lesson chunks, icons and the manifest: everything the app needs offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json,woff2,sf2}'],
        // The instrument bank (instruments.sf2) is the one large file.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    target: 'es2022',
    // Keep worklets as real files (a data: URL worklet cannot be precached or CSP-allowed).
    assetsInlineLimit: (file) => (/worklet/.test(file) ? false : undefined),
    sourcemap: false,
  },
  worker: { format: 'es' },
  // spessasynth_core's Ogg Vorbis decoder is WebAssembly (the CSP forbids it); our bank is plain PCM.
  resolve: {
    alias: { 'stb-vorbis': fileURLToPath(new URL('./src/production/sampler/no-vorbis.ts', import.meta.url)) },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
});
