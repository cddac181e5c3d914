import { describe, expect, it } from 'vitest';
import {
  ENGINE_OVER_PURE,
  measureMixSpeed,
  measureOfflineSpeed,
} from '../../../src/state/shared/device-speed';

// Issue 21: the speed check must leave no OfflineAudioContext that loaded a worklet behind (Chromium never frees
// one). Every worklet module load on any context goes through AudioWorklet.prototype.addModule: counted here.
let modulesLoaded = 0;
const addModule = AudioWorklet.prototype.addModule;
AudioWorklet.prototype.addModule = function (this: AudioWorklet, ...args: Parameters<typeof addModule>) {
  modulesLoaded++;
  return addModule.apply(this, args);
};

describe('the speed check', () => {
  it('measures in a Worker: a speed, and no worklet loaded on any context', async () => {
    const speed = await measureMixSpeed();
    expect(Number.isFinite(speed)).toBe(true);
    expect(speed).toBeGreaterThan(0);
    expect(modulesLoaded).toBe(0);
  }, 60_000);

  it('agrees with the offline render it replaces (the scale ENGINE_OVER_PURE, within a factor of 3: timings on a shared machine vary)', async () => {
    const worker = await measureMixSpeed();
    const offline = await measureOfflineSpeed();
    expect(modulesLoaded).toBeGreaterThan(0); // the offline render did load them: the counter works
    console.log(
      `speed check: Worker ${worker.toFixed(1)}x (pure ${(worker / ENGINE_OVER_PURE).toFixed(1)}x), offline ${offline.toFixed(1)}x, offline/pure ${(offline / (worker / ENGINE_OVER_PURE)).toFixed(2)}`,
    );
    expect(worker / offline).toBeGreaterThan(1 / 3);
    expect(worker / offline).toBeLessThan(3);
  }, 60_000);
});
