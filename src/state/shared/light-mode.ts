import { signal } from '@preact/signals';

/**
 * Light mode for slow devices (issue 21): whether the drills play ready-made versions of A and B instead of
 * mixing every track live. A device property, so it is kept in this browser's localStorage (never in a backup,
 * which may be restored on a faster machine). "Automatic" decides from a measured speed: how many times faster
 * than real time this device mixes eight tracks with every stage on (device-speed.ts).
 */

/** The learner's choice in Settings. */
export type LightModeChoice = 'auto' | 'on' | 'off';

/** What the speed check found. */
export interface DeviceSpeed {
  /** When it was measured (epoch ms). */
  at: number;
  /** Seconds of an eight-track, every-stage mix this device renders per second (× real time). */
  speed: number;
}

/**
 * Below this speed the automatic choice turns Light mode on: live playback needs the audio thread to finish
 * each 2.7 ms block well within its time, alongside the page, the browser and other apps.
 */
export const LIGHT_BELOW_SPEED = 4;

const CHOICE_KEY = 'headroom.lightMode';
const SPEED_KEY = 'headroom.deviceSpeed';

function readStored<T>(key: string, valid: (v: unknown) => v is T): T | null {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (raw == null) return null;
    const value: unknown = JSON.parse(raw);
    return valid(value) ? value : null;
  } catch {
    return null;
  }
}

function writeStored(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the choice holds for this visit.
  }
}

const isChoice = (v: unknown): v is LightModeChoice => v === 'auto' || v === 'on' || v === 'off';
const isSpeed = (v: unknown): v is DeviceSpeed =>
  typeof v === 'object' &&
  v !== null &&
  Number.isFinite((v as DeviceSpeed).at) &&
  Number.isFinite((v as DeviceSpeed).speed) &&
  (v as DeviceSpeed).speed > 0;

/** The learner's choice (Automatic until changed). */
export const lightModeChoice = signal<LightModeChoice>(readStored(CHOICE_KEY, isChoice) ?? 'auto');
/** The last speed check on this device, or null before the first. */
export const deviceSpeed = signal<DeviceSpeed | null>(readStored(SPEED_KEY, isSpeed));
/** True while a speed check runs. */
export const checkingSpeed = signal(false);

/** Stores the learner's choice. */
export function setLightModeChoice(choice: LightModeChoice): void {
  lightModeChoice.value = choice;
  writeStored(CHOICE_KEY, choice);
}

/** Whether Light mode is on for `choice` and `speed` (Automatic: on when the device measured slow). */
export function lightModeFor(choice: LightModeChoice, speed: DeviceSpeed | null): boolean {
  if (choice !== 'auto') return choice === 'on';
  return speed !== null && speed.speed < LIGHT_BELOW_SPEED;
}

/** Whether Light mode is on now. */
export function lightModeOn(): boolean {
  return lightModeFor(lightModeChoice.value, deviceSpeed.value);
}

let checking: Promise<DeviceSpeed | null> | null = null;

/**
 * Measures this device's mixing speed (about a second of work on a slow device) and stores it. One check at a
 * time; resolves null if this browser cannot render audio offline.
 */
export function checkDeviceSpeed(): Promise<DeviceSpeed | null> {
  checking ??= (async () => {
    checkingSpeed.value = true;
    try {
      const { measureMixSpeed } = await import('./device-speed');
      const measured: DeviceSpeed = { at: Date.now(), speed: await measureMixSpeed() };
      deviceSpeed.value = measured;
      writeStored(SPEED_KEY, measured);
      return measured;
    } catch {
      return null;
    } finally {
      checkingSpeed.value = false;
      checking = null;
    }
  })();
  return checking;
}

/** In Automatic mode with no check yet, starts one (in the background); the next question uses its result. */
export function checkSpeedIfUnknown(): void {
  if (lightModeChoice.value === 'auto' && deviceSpeed.value === null) void checkDeviceSpeed();
}

/** The speed check's result in plain words ("mixes 12 times faster than it plays"). */
export function speedWords(speed: DeviceSpeed): string {
  const x = speed.speed >= 10 ? Math.round(speed.speed) : Math.round(speed.speed * 10) / 10;
  return x >= 1
    ? `this device mixes a full eight-track song ${x} times faster than it plays`
    : 'this device mixes a full eight-track song slower than it plays';
}
