import { METER_RED_DB, METER_YELLOW_DB, meterFraction } from './meter-scale';

/**
 * Meter bars drawn off the main thread (see meter-canvas.worker.ts): each live meter's bar is a <canvas> whose
 * drawing is handed to one shared Worker. The page only sends numbers (one message per reading for all
 * meters), so a moving meter costs the main thread no style, layout, paint or compositing work at all.
 */

/** What the Worker draws for one meter, in CSS pixels up from the bottom of the bar. */
export interface MeterPixels {
  peakPx: number;
  rmsPx: number;
  /** −1: no held-peak marker. */
  holdPx: number;
  zone: 'green' | 'yellow' | 'red';
  zeroPx: number;
}

/** The theme's meter colours, read from CSS. */
export interface MeterColours {
  groove: string;
  zero: string;
  zone: Record<MeterPixels['zone'], string>;
  /** Gradient stops (0 bottom … 1 top) of the green/yellow/red zones. */
  stops: [number, string][];
}

/** Messages to the Worker. */
export type MeterCanvasMessage =
  | {
      type: 'attach';
      id: number;
      canvas: OffscreenCanvas;
      height: number;
      scale: number;
      pixels: MeterPixels | null;
    }
  | { type: 'detach'; id: number }
  | { type: 'colours'; colours: MeterColours }
  | { type: 'draw'; faces: [number, MeterPixels][] };

/** True where a canvas can be drawn from a Worker (OffscreenCanvas); elsewhere meters move DOM layers. */
export function canvasMetersSupported(): boolean {
  return (
    typeof Worker !== 'undefined' &&
    typeof HTMLCanvasElement !== 'undefined' &&
    'transferControlToOffscreen' in HTMLCanvasElement.prototype
  );
}

let worker: Worker | null = null;
let nextId = 1;
let queued = new Map<number, MeterPixels>();
let flushing = false;
let attached = 0;
let themeWatch: MutationObserver | null = null;
let colourSource: Element | null = null;

function post(message: MeterCanvasMessage, transfer: Transferable[] = []): void {
  worker ??= new Worker(new URL('./meter-canvas.worker.ts', import.meta.url), { type: 'module' });
  worker.postMessage(message, transfer);
}

/** The theme's colours as `el` sees them (the mixer's tokens are set on the theme). */
export function readMeterColours(el: Element): MeterColours {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const green = v('--meter-green', '#4cd37a');
  const yellow = v('--meter-yellow', '#e8d44d');
  const red = v('--meter-red', '#ff5a5a');
  const y = meterFraction(METER_YELLOW_DB);
  const r = meterFraction(METER_RED_DB);
  return {
    groove: v('--groove', '#0b0c0f'),
    zero: 'rgba(255, 255, 255, 0.35)',
    zone: { green, yellow, red },
    stops: [
      [0, green],
      [y, green],
      [y, yellow],
      [r, yellow],
      [r, red],
      [1, red],
    ],
  };
}

function sendColours(): void {
  if (colourSource?.isConnected) post({ type: 'colours', colours: readMeterColours(colourSource) });
}

/**
 * Hands `canvas` (inside a meter bar `height` CSS px tall) to the Worker and returns its id. The theme's colours
 * are sent with the first meter and again whenever the theme changes.
 */
export function attachMeterCanvas(
  canvas: HTMLCanvasElement,
  height: number,
  pixels: MeterPixels | null,
): number {
  const id = nextId++;
  const scale = globalThis.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(canvas.clientWidth * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const offscreen = canvas.transferControlToOffscreen();
  colourSource = canvas.parentElement ?? canvas;
  if (attached++ === 0) {
    sendColours();
    themeWatch = new MutationObserver(sendColours);
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  }
  post({ type: 'attach', id, canvas: offscreen, height, scale, pixels }, [offscreen]);
  return id;
}

/** Forgets a canvas (its meter left the page). */
export function detachMeterCanvas(id: number): void {
  queued.delete(id);
  post({ type: 'detach', id });
  if (--attached === 0) {
    themeWatch?.disconnect();
    themeWatch = null;
  }
}

/** Queues a meter's new pixels; every meter drawn in the same task goes to the Worker in one message. */
export function drawMeterCanvas(id: number, pixels: MeterPixels): void {
  queued.set(id, pixels);
  if (flushing) return;
  flushing = true;
  queueMicrotask(() => {
    flushing = false;
    const faces = [...queued.entries()];
    queued = new Map();
    if (faces.length > 0) post({ type: 'draw', faces });
  });
}
