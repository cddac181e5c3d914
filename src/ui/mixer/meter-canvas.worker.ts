/// <reference lib="webworker" />
/**
 * Draws the mixer's meter bars in a Worker, on canvases the page handed over (OffscreenCanvas): a frame drawn
 * here goes to the screen without the page's main thread (no style, layout, paint or compositing work there),
 * so meters keep moving on a slow device while the page stays free for the learner's input. The page sends
 * the meters' faces (whole pixels) in one message per reading; only meters whose pixels changed are drawn.
 */
import type { MeterCanvasMessage, MeterColours, MeterPixels } from './meter-canvas';

interface Slot {
  canvas: OffscreenCanvas;
  ctx: OffscreenCanvasRenderingContext2D;
  height: number;
  scale: number;
  shown: MeterPixels | null;
}

const slots = new Map<number, Slot>();
let colours: MeterColours | null = null;

function draw(slot: Slot, px: MeterPixels): void {
  const { ctx, canvas, scale } = slot;
  const w = canvas.width;
  const h = canvas.height;
  const c = colours;
  if (!c) return;
  const zones = ctx.createLinearGradient(0, h, 0, 0);
  for (const [at, colour] of c.stops) zones.addColorStop(at, colour);
  ctx.clearRect(0, 0, w, h);
  ctx.fillStyle = c.groove;
  ctx.fillRect(0, 0, w, h);
  const y = (litPx: number) => h - Math.round(litPx * scale);
  // The peak bar, dim, the whole width; the RMS bar, bright, 2 px in from each side.
  ctx.globalAlpha = 0.45;
  ctx.fillStyle = zones;
  ctx.fillRect(0, y(px.peakPx), w, h - y(px.peakPx));
  ctx.globalAlpha = 1;
  const inset = Math.round(2 * scale);
  ctx.fillRect(inset, y(px.rmsPx), w - 2 * inset, h - y(px.rmsPx));
  if (px.holdPx >= 0) {
    ctx.fillStyle = c.zone[px.zone];
    ctx.fillRect(
      0,
      Math.min(h - Math.round(2 * scale), y(px.holdPx) - Math.round(2 * scale)),
      w,
      Math.round(2 * scale),
    );
  }
  ctx.fillStyle = c.zero;
  ctx.fillRect(0, y(px.zeroPx), w, Math.max(1, Math.round(scale)));
}

function redrawAll(): void {
  for (const slot of slots.values()) if (slot.shown) draw(slot, slot.shown);
}

self.onmessage = (event: MessageEvent<MeterCanvasMessage>) => {
  const m = event.data;
  if (m.type === 'attach') {
    const ctx = m.canvas.getContext('2d');
    if (!ctx) return;
    const slot: Slot = { canvas: m.canvas, ctx, height: m.height, scale: m.scale, shown: null };
    slots.set(m.id, slot);
    if (m.pixels) {
      slot.shown = m.pixels;
      draw(slot, m.pixels);
    }
  } else if (m.type === 'detach') {
    slots.delete(m.id);
  } else if (m.type === 'colours') {
    colours = m.colours;
    redrawAll();
  } else if (m.type === 'draw') {
    for (const [id, px] of m.faces) {
      const slot = slots.get(id);
      if (!slot) continue;
      const was = slot.shown;
      if (
        was &&
        was.peakPx === px.peakPx &&
        was.rmsPx === px.rmsPx &&
        was.holdPx === px.holdPx &&
        was.zone === px.zone
      )
        continue;
      slot.shown = px;
      draw(slot, px);
    }
  }
};
