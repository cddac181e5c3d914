import { existsSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { lessonsPlugin } from './src/lessons/build/lessons-plugin.js';
import { renderStemsInNode } from './tests/production/node-render-command.js';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const wantsBrowser = !process.argv.includes('--project=node');
/** Launch flags for headless Chromium on a closed network (no background requests). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];
if (wantsBrowser && !existsSync(chromium)) {
  throw new Error(
    `No Chromium at ${chromium}. Install one (Debian/Ubuntu: "sudo apt-get install chromium") ` +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
}

/** Two projects: `node` for the pure layers and storage, `browser` for the engine and UI in real Chromium. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.browser.test.{ts,tsx}', 'tests/e2e/**', 'node_modules/**'],
          // Tests that start drills make song questions (seconds each beside other files on a 2-core CI
          // machine): a drill-saving test took 5.2 s of the default 5 in CI. Assertions, not time, must fail them.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A 2-core CI machine under load can take seconds to re-check a report or start audio: polls wait 10 s.
          expect: { poll: { timeout: 10_000 } },
          // One browser at a time: the CI machine has two cores.
          fileParallelism: false,
        },
      },
      {
        plugins: [preact({ exclude: [/worklet/, /node_modules/] }), lessonsPlugin()],
        server: { host: '127.0.0.1' },
        // Pre-bundle these up front: a re-optimisation mid-run would load a second copy of Preact.
        optimizeDeps: {
          include: [
            'preact',
            'preact/hooks',
            'preact/jsx-runtime',
            '@preact/signals',
            'standardized-audio-context',
            'idb',
            // Loaded on demand by the shell: found mid-run on a clean clone, its re-optimisation reloaded the
            // page under a running test (the quiz's listening question failed in CI that way).
            'workbox-window',
          ],
        },
        test: {
          name: 'browser',
          include: ['tests/**/*.browser.test.{ts,tsx}'],
          testTimeout: 30_000,
          expect: { poll: { timeout: 10_000 } },
          browser: {
            enabled: true,
            commands: { renderStemsInNode },
            headless: true,
            api: { host: '127.0.0.1' },
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: chromium,
                args: CHROMIUM_ARGS,
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
