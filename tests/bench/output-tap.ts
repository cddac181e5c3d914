// Bench helper: hears what reaches the speakers. Every connection to a live AudioContext's destination is
// also connected to one analyser per context (native Web Audio underneath standardized-audio-context), so a
// bench can time "Play pressed → first non-silent sample at the output" for any player (Mix page, drills)
// without asking the player for a meter. Install it before the first context is made.

/** The analyser tapping each live context's output, by native context. */
const taps = new Map<BaseAudioContext, AnalyserNode>();
let installed = false;

/** Patches AudioNode.connect so every connection to a live destination is tapped too (once per page). */
export function installOutputTap(): void {
  if (installed) return;
  installed = true;
  const connect = AudioNode.prototype.connect as (this: AudioNode, ...args: unknown[]) => unknown;
  AudioNode.prototype.connect = function (this: AudioNode, ...args: unknown[]) {
    const out = connect.apply(this, args);
    const target = args[0];
    if (target instanceof AudioDestinationNode && this.context instanceof AudioContext) {
      let tap = taps.get(this.context);
      if (!tap) {
        tap = this.context.createAnalyser();
        tap.fftSize = 256;
        taps.set(this.context, tap);
      }
      connect.call(this, tap);
    }
    return out;
  } as typeof AudioNode.prototype.connect;
}

const block = new Float32Array(256);

/** The loudest sample of any live context's last 256 output frames, in dBFS (−∞ when silent or untapped). */
export function outputPeakDb(): number {
  let peak = 0;
  for (const [context, tap] of taps) {
    // A closed context (the app closes it when no page plays) makes no sound; its analyser keeps a last block.
    if (context.state === 'closed') continue;
    tap.getFloatTimeDomainData(block);
    for (let i = 0; i < block.length; i++) peak = Math.max(peak, Math.abs(block[i]!));
  }
  return peak > 0 ? 20 * Math.log10(peak) : Number.NEGATIVE_INFINITY;
}

/** Resolves with performance.now() when `test` first holds, polled on a message loop (about every ms). */
export function when(test: () => boolean, timeoutMs = 60_000, what = 'a condition'): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (test()) resolve(performance.now());
      else if (performance.now() - start > timeoutMs) reject(new Error(`timed out waiting for ${what}`));
      else channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves with performance.now() when the output first carries a sample above `db` (default −60 dBFS). */
export function outputSound(db = -60, timeoutMs = 10_000): Promise<number> {
  return when(() => outputPeakDb() > db, timeoutMs, 'sound at the output');
}

/** Resolves once the output has been silent (under −90 dBFS) for its whole last window. */
export function outputSilent(timeoutMs = 10_000): Promise<number> {
  return when(() => outputPeakDb() < -90, timeoutMs, 'silence at the output');
}

/** Renderer memory now: the page's JS heap after an optional GC (CDP), its ArrayBuffers and the renderer's PSS, MB. */
export async function memoryNow(
  gc: boolean,
): Promise<{ heapMB: number; arrayBuffersMB: number; pssMB: number; peakMB: number }> {
  const w = globalThis as unknown as {
    benchHeapMB?: (gc: boolean) => Promise<number>;
    benchArrayBuffersMB?: () => Promise<number>;
    benchRendererPeakMB?: (reset: boolean) => Promise<{ peak: number; now: number }>;
  };
  const heapMB = (await w.benchHeapMB?.(gc)) ?? Number.NaN;
  const arrayBuffersMB = (await w.benchArrayBuffersMB?.()) ?? Number.NaN;
  const pss = (await w.benchRendererPeakMB?.(true)) ?? { peak: Number.NaN, now: Number.NaN };
  return { heapMB, arrayBuffersMB, pssMB: pss.now, peakMB: pss.peak };
}
