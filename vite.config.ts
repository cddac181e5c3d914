import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { lessonsPlugin } from './src/lessons/build/lessons-plugin.js';

/** Vite config: the app, its lazily loaded views, AudioWorklets as files, and the service worker. */
export default defineConfig({
  // The preset's HMR code must not reach AudioWorklet modules (they run without a window).
  plugins: [
    preact({ exclude: [/worklet/, /node_modules/] }),
    // lessons/*.md → virtual:lessons (index) + one lazy chunk per lesson; a bad lesson fails the build.
    lessonsPlugin(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // Worklets, lesson chunks, icons and the manifest: everything the app needs offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json,woff2}'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
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
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
});
