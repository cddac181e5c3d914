import { signal } from '@preact/signals';
import type { IAudioContext } from 'standardized-audio-context';
import { dismissNotice, showNotice } from './notices';

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
/** True while the app wants sound (a Play reached a running context, and nothing of ours suspended it). */
let wanted = false;

const INTERRUPTED_NOTICE = 'audio-interrupted';

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
    ctx.onstatechange = () => followState(ctx);
    listenForDeviceFailure(ctx);
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
 * Keeps `audioStatus` in step with the context. When the browser or the system stops the sound on its own
 * (another app took the device, a phone call, headphones unplugged: state 'suspended' or Safari's
 * 'interrupted') while the app wanted sound, says so and offers to resume from the notice's button.
 */
function followState(ctx: IAudioContext): void {
  const state = ctx.state as string;
  if (state === 'running') {
    audioStatus.value = 'running';
    dismissNotice(INTERRUPTED_NOTICE);
    return;
  }
  if (state === 'closed') {
    // Closed by us (closeIdleAudio) it is simply gone: the next page that plays makes a new one.
    if (context !== ctx) return;
    audioStatus.value = 'failed';
    context = null;
    return;
  }
  audioStatus.value = 'suspended';
  if (!wanted) return;
  showNotice({
    id: INTERRUPTED_NOTICE,
    tone: 'warning',
    text: 'Sound stopped: another app or a device change (headphones, speakers) interrupted it. Tap Play, or Resume, to hear it again.',
    sticky: true,
    action: { label: 'Resume', run: () => void startAudio() },
  });
}

/** Chrome fires `error` on a context whose output device failed; no tap brings that device back. */
function listenForDeviceFailure(ctx: IAudioContext): void {
  try {
    ctx.addEventListener('error', () => {
      reportAudioProblem(
        'The sound device stopped working (unplugged or switched off?). Check your speakers or headphones, then reload Headroom to get sound back.',
        true,
      );
    });
  } catch {
    // Older browsers have no such event: a failing device then shows up as a suspended context.
  }
}

/**
 * Creates (first time) and resumes the live context. Call it from a user gesture (click, key press):
 * the context is built synchronously if the library is already loaded, and resume() is asked for
 * before anything else awaits. Resolves with the running context, or null with a notice shown.
 */
export async function startAudio(): Promise<IAudioContext | null> {
  // A sound asked for keeps the context (see holdAudio), even on a page that does not hold it.
  cancelClose();
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
  wanted = true;
  dismissNotice('audio-blocked');
  dismissNotice(INTERRUPTED_NOTICE);
  return ctx;
}

/**
 * The live context for building a graph ahead of Play (a page that will play soon): the existing one, else
 * a new one, which stays suspended until `startAudio` resumes it from a gesture. Null if none can be made.
 */
export async function contextForBuilding(): Promise<IAudioContext | null> {
  if (context) return context;
  const lib = library ?? (await prepareAudio().catch(() => null));
  if (!lib) return null;
  context ??= createContext(lib);
  return context;
}

/**
 * While a page that can play is open: resumes the live context when the browser allows it without a new
 * gesture (this page has been clicked or typed in before), so that Play only has to start the sound, not
 * wait for the device. Quiet when it cannot: Play's own `startAudio` asks for the gesture then.
 */
export function keepAudioRunning(): void {
  const ctx = context;
  if (ctx?.state !== 'suspended') return;
  const activation = (globalThis.navigator as { userActivation?: { hasBeenActive: boolean } } | undefined)
    ?.userActivation;
  if (activation && !activation.hasBeenActive) return;
  void withTimeout(ctx.resume(), 1500).catch(() => undefined);
}

/** How long the live context outlives the last page that plays (a page that plays next keeps it), ms. */
export const AUDIO_CLOSE_MS = 3000;

let holders = 0;
let closeTimer: ReturnType<typeof setTimeout> | null = null;

function cancelClose(): void {
  if (closeTimer !== null) clearTimeout(closeTimer);
  closeTimer = null;
}

/**
 * Held by a page or a drill that plays while it is open; the returned function lets go (once). When nothing
 * holds it for AUDIO_CLOSE_MS the live context is closed: a context keeps its audio thread, its worklets'
 * memory and the buffers it played (tens of MB) even when suspended. The next Play (or a page building ahead)
 * makes a new one.
 */
export function holdAudio(): () => void {
  holders++;
  cancelClose();
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    holders--;
    if (holders > 0) return;
    cancelClose();
    closeTimer = setTimeout(() => {
      closeTimer = null;
      void closeIdleAudio();
    }, AUDIO_CLOSE_MS);
  };
}

/** Closes the live context now if nothing holds it (see holdAudio); resolves once it is closed. */
export async function closeIdleAudio(): Promise<void> {
  cancelClose();
  const ctx = context;
  if (holders > 0 || !ctx) return;
  context = null;
  wanted = false;
  audioStatus.value = 'idle';
  dismissNotice(INTERRUPTED_NOTICE);
  await ctx.close().catch(() => undefined);
}

/** Suspends the live context (e.g. nothing to play for a while); `startAudio` resumes it. */
export async function suspendAudio(): Promise<void> {
  // Our own pause: no "sound stopped" notice for it.
  wanted = false;
  if (context?.state === 'running') await context.suspend();
}

/** Shows an audio problem as a sticky error notice (one at a time), with a Reload button if asked. */
export function reportAudioProblem(text: string, offerReload = false): void {
  showNotice({
    id: 'audio-problem',
    tone: 'error',
    text,
    sticky: true,
    ...(offerReload ? { action: { label: 'Reload', run: () => location.reload() } } : {}),
  });
}

/** Whether an error means the audio processors (AudioWorklet modules) could not be loaded. */
export function isWorkletFailure(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  return /worklet/i.test(describe(error)) || name === 'AbortError';
}

/**
 * Explains a failure to build the audio engine as a notice: a worklet that did not load gets its own,
 * clear words (reload; a content blocker or an old browser may stop it), anything else its reason.
 */
export function reportEngineFailure(error: unknown): void {
  if (isWorkletFailure(error))
    reportAudioProblem(
      'Headroom’s audio processors (AudioWorklet) could not load, so nothing can play. Reload Headroom; if it keeps happening, a content blocker or an outdated browser may be stopping them: try an up-to-date Chrome, Edge, Firefox or Safari.',
      true,
    );
  else
    reportAudioProblem(
      `The audio engine could not start (${describe(error)}). Reload Headroom to try again.`,
      true,
    );
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
