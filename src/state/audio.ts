import { signal } from '@preact/signals';
import type { IAudioContext } from 'standardized-audio-context';
import { showNotice } from './notices';

/**
 * The app's one live AudioContext. Browsers only let sound start after a user gesture (autoplay policy),
 * so the context is created and resumed from a click or key press: call `startAudio()` inside the
 * handler. `prepareAudio()` loads the audio library ahead of time (when a page that plays appears), so
 * the gesture handler can build the context synchronously, before any `await` spends the gesture.
 */

/** Where live audio is: not created, waiting for a gesture, running, or unable to start. */
export type AudioStatus = 'idle' | 'suspended' | 'running' | 'failed';

/** The live context's state, for the UI ("Tap Play to allow sound"). */
export const audioStatus = signal<AudioStatus>('idle');

type AudioLibrary = typeof import('standardized-audio-context');

let library: AudioLibrary | null = null;
let loading: Promise<AudioLibrary> | null = null;
let context: IAudioContext | null = null;

/** Loads standardized-audio-context (once) without creating a context: safe to call at any time. */
export function prepareAudio(): Promise<AudioLibrary> {
  loading ??= import('standardized-audio-context').then((lib) => {
    library = lib;
    return lib;
  });
  return loading;
}

/** The live context if it exists (it is created by `startAudio`), else null. */
export function currentAudioContext(): IAudioContext | null {
  return context;
}

function createContext(lib: AudioLibrary): IAudioContext | null {
  try {
    const ctx = new lib.AudioContext({ latencyHint: 'interactive' });
    ctx.onstatechange = () => {
      audioStatus.value =
        ctx.state === 'running' ? 'running' : ctx.state === 'closed' ? 'failed' : 'suspended';
    };
    audioStatus.value = ctx.state === 'running' ? 'running' : 'suspended';
    return ctx;
  } catch (error) {
    audioStatus.value = 'failed';
    reportAudioProblem(
      `This browser could not start audio (${describe(error)}). Headroom needs Web Audio to play.`,
    );
    return null;
  }
}

/**
 * Creates (first time) and resumes the live context. Call it from a user gesture (click, key press):
 * the context is built synchronously if the library is already loaded, and resume() is asked for
 * before anything else awaits. Resolves with the running context, or null with a notice shown.
 */
export async function startAudio(): Promise<IAudioContext | null> {
  if (!context) {
    const lib = library ?? (await prepareAudio().catch(() => null));
    if (!lib) {
      audioStatus.value = 'failed';
      reportAudioProblem(
        'The audio library could not load. Check that Headroom finished installing, then reload.',
      );
      return null;
    }
    context ??= createContext(lib);
  }
  const ctx = context;
  if (!ctx) return null;
  if (ctx.state !== 'running') {
    try {
      await withTimeout(ctx.resume(), 1500);
    } catch {
      // A resume outside a gesture stays pending or is refused: the notice below says what to do.
    }
  }
  if (ctx.state !== 'running') {
    audioStatus.value = 'suspended';
    showNotice({ id: 'audio-blocked', tone: 'warning', text: 'Tap Play to allow sound.' });
    return ctx;
  }
  audioStatus.value = 'running';
  return ctx;
}

/** Suspends the live context (e.g. nothing to play for a while); `startAudio` resumes it. */
export async function suspendAudio(): Promise<void> {
  if (context?.state === 'running') await context.suspend();
}

/** Shows an audio problem as a sticky error notice (one at a time). */
export function reportAudioProblem(text: string): void {
  showNotice({ id: 'audio-problem', tone: 'error', text, sticky: true });
}

/** A short, readable description of an error. */
export function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
