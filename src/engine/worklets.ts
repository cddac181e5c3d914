import type { IAudioWorklet } from 'standardized-audio-context';
import engineWorkletUrl from './engine.worklet.ts?worker&url';
import type { AnyContext } from './types';
import { hoistWorkletImports } from './worklet-dev-module';

// `?worker&url` makes Vite bundle the worklet module (both processors and the dsp maths they import) into
// one file, in dev and in `vite build` alike, and hands back that file's URL for audioWorklet.addModule().
const MODULES = [engineWorkletUrl];

/** Dev only: each module's hoisted source, fetched once (every context loads the same module). */
const hoistedSources = new Map<string, Promise<Blob>>();

async function addModule(worklet: IAudioWorklet, url: string): Promise<void> {
  if (!import.meta.env.DEV) return worklet.addModule(url);
  let source = hoistedSources.get(url);
  if (!source) {
    source = hoistWorkletImports(url).then(async (blobUrl) => {
      const blob = await (await fetch(blobUrl)).blob();
      URL.revokeObjectURL(blobUrl);
      return blob;
    });
    source.catch(() => hoistedSources.delete(url));
    hoistedSources.set(url, source);
  }
  const hoisted = URL.createObjectURL(await source);
  try {
    await worklet.addModule(hoisted);
  } finally {
    URL.revokeObjectURL(hoisted);
  }
}

const loaded = new WeakMap<AnyContext, Promise<void>>();

/** Adds every engine worklet module to a context, once per context (later calls share the first load). */
export function loadEngineWorklets(ctx: AnyContext): Promise<void> {
  let pending = loaded.get(ctx);
  if (!pending) {
    const worklet = ctx.audioWorklet;
    pending = worklet
      ? Promise.all(MODULES.map((url) => addModule(worklet, url))).then(() => undefined)
      : Promise.reject(new Error('This browser has no AudioWorklet: the mixing engine cannot run.'));
    // A failed load may be retried later (e.g. after a network hiccup in dev).
    pending.catch(() => loaded.delete(ctx));
    loaded.set(ctx, pending);
  }
  return pending;
}
