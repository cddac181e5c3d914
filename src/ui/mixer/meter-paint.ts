import { drawMeterCanvas, type MeterPixels } from './meter-canvas';
import { formatMeterDb, METER_MAX_DB, METER_MIN_DB, meterFraction, meterZone } from './meter-scale';

/** A level reading as the meter draws it (dBFS). */
export interface MeterLevels {
  peakDb: number;
  rmsDb: number;
  holdDb: number;
}

/** What one meter shows, in whole pixels and words: two equal faces draw the same. */
export interface MeterFace {
  /** Lit height of the peak bar, px. */
  peakPx: number;
  /** Lit height of the RMS bar, px. */
  rmsPx: number;
  /** Height of the held-peak marker, px (−1: no marker). */
  holdPx: number;
  zone: 'green' | 'yellow' | 'red';
  /** The held peak went over 0 dBFS. */
  over: boolean;
  /** The readout above the bar ("−12.3"). */
  readout: string;
  /** The accessible reading ("peak −12.3 dBFS, RMS …"). */
  valueText: string;
  /** aria-valuenow: the peak, clamped to the scale, one decimal. */
  valueNow: number;
}

/** The face of `levels` on a bar `height` px tall. */
export function meterFace(levels: MeterLevels, height: number): MeterFace {
  const { peakDb, rmsDb, holdDb } = levels;
  const now = Number.isFinite(peakDb) ? Math.max(METER_MIN_DB, Math.min(METER_MAX_DB, peakDb)) : METER_MIN_DB;
  return {
    peakPx: Math.round(meterFraction(peakDb) * height),
    rmsPx: Math.round(meterFraction(rmsDb) * height),
    holdPx: holdDb > METER_MIN_DB ? Math.round(meterFraction(holdDb) * height) : -1,
    zone: meterZone(holdDb),
    over: holdDb > 0,
    readout: formatMeterDb(holdDb),
    valueText: `peak ${formatMeterDb(peakDb)} dBFS, RMS ${formatMeterDb(rmsDb)} dBFS, held ${formatMeterDb(holdDb)} dBFS`,
    valueNow: Math.round(now * 10) / 10,
  };
}

/**
 * A lit bar is a window over a gradient the height of the whole bar: the window moves down by the unlit part
 * and the gradient moves back up by as much, so the colours stay at their levels. Both are transforms, which
 * the compositor applies without layout or paint.
 */
export function windowTransform(litPx: number, height: number): string {
  return `translateY(${height - litPx}px)`;
}

/** The gradient's counter-move inside its window (see windowTransform). */
export function zonesTransform(litPx: number, height: number): string {
  return `translateY(${litPx - height}px)`;
}

/** What the canvas Worker draws for a face on a bar `height` px tall. */
export function meterPixels(face: MeterFace, height: number): MeterPixels {
  return {
    peakPx: face.peakPx,
    rmsPx: face.rmsPx,
    holdPx: face.holdPx,
    zone: face.zone,
    zeroPx: Math.round(meterFraction(0) * height),
  };
}

/** The held-peak marker, `px` up from the bottom of the bar. */
export function holdTransform(px: number): string {
  return `translateY(${-Math.max(0, px)}px)`;
}

/** Class of the readout for a face. */
export function readoutClass(face: MeterFace): string {
  return `meter-readout zone-${face.zone}${face.over ? ' is-over' : ''}`;
}

function wordsKey(face: MeterFace): string {
  return `${face.readout}|${readoutClass(face)}|${face.valueText}`;
}

/** How often the words (readout and accessible value) may change: a number changing every frame cannot be read. */
export const METER_WORDS_EVERY_MS = 250;

/** Draws a meter rendered by <Meter>, imperatively. */
export interface MeterPainter {
  /** Shows `levels`, touching only the parts whose pixels or words changed. */
  draw(levels: MeterLevels): void;
  /** Cancels a pending word update. */
  dispose(): void;
}

/**
 * A painter for the meter under `root` (a `.meter` element that <Meter> rendered): bars and marker move by
 * transforms at once, the readout's text and the accessible value once per METER_WORDS_EVERY_MS slot of the
 * clock — the same slot for every meter, so all their words change in one frame and the frames between only
 * move layers. The latest words land when the slot is over, so a meter that stops on a reading still shows it.
 */
export function meterPainter(
  root: HTMLElement,
  height: number,
  clock: () => number = () => performance.now(),
  canvasId: number | null = null,
): MeterPainter {
  const peakWindow = root.querySelector<HTMLElement>('.meter-peak');
  const rmsWindow = root.querySelector<HTMLElement>('.meter-rms');
  const peakZones = peakWindow?.firstElementChild as HTMLElement | null;
  const rmsZones = rmsWindow?.firstElementChild as HTMLElement | null;
  const hold = root.querySelector<HTMLElement>('.meter-hold');
  const readout = root.querySelector<HTMLElement>('.meter-readout');
  const bar = root.querySelector<HTMLElement>('.meter-bar');
  let shown: MeterFace | null = null;
  let wordsSlot = Number.NEGATIVE_INFINITY;
  let pending: MeterFace | null = null;
  let written =
    readout && bar ? `${readout.textContent}|${readout.className}|${bar.getAttribute('aria-valuetext')}` : '';
  let timer: ReturnType<typeof setTimeout> | null = null;

  const writeWords = (face: MeterFace) => {
    pending = null;
    wordsSlot = Math.floor(clock() / METER_WORDS_EVERY_MS);
    written = wordsKey(face);
    if (readout) {
      if (readout.textContent !== face.readout) readout.textContent = face.readout;
      const cls = readoutClass(face);
      if (readout.className !== cls) readout.className = cls;
    }
    if (bar) {
      bar.setAttribute('aria-valuenow', String(face.valueNow));
      bar.setAttribute('aria-valuetext', face.valueText);
    }
  };

  return {
    draw(levels) {
      const face = meterFace(levels, height);
      const was = shown;
      shown = face;
      if (canvasId !== null) {
        // The bar is a canvas a Worker draws (meter-canvas.ts): send it the pixels when they changed.
        if (
          !was ||
          was.peakPx !== face.peakPx ||
          was.rmsPx !== face.rmsPx ||
          was.holdPx !== face.holdPx ||
          was.zone !== face.zone
        )
          drawMeterCanvas(canvasId, meterPixels(face, height));
      } else if (!was || was.peakPx !== face.peakPx) {
        if (peakWindow) peakWindow.style.transform = windowTransform(face.peakPx, height);
        if (peakZones) peakZones.style.transform = zonesTransform(face.peakPx, height);
      }
      if (!was || was.rmsPx !== face.rmsPx) {
        if (rmsWindow) rmsWindow.style.transform = windowTransform(face.rmsPx, height);
        if (rmsZones) rmsZones.style.transform = zonesTransform(face.rmsPx, height);
      }
      if (hold && (!was || was.holdPx !== face.holdPx || was.zone !== face.zone)) {
        hold.style.transform = holdTransform(face.holdPx);
        if (!was || was.holdPx < 0 !== face.holdPx < 0)
          hold.style.visibility = face.holdPx < 0 ? 'hidden' : '';
        const cls = `meter-hold zone-${face.zone}`;
        if (hold.className !== cls) hold.className = cls;
      }
      const key = wordsKey(face);
      if (key === written) {
        pending = null;
        return;
      }
      const now = clock();
      const slot = Math.floor(now / METER_WORDS_EVERY_MS);
      if (slot !== wordsSlot) {
        writeWords(face);
        return;
      }
      pending = face;
      timer ??= setTimeout(
        () => {
          timer = null;
          if (pending) writeWords(pending);
        },
        Math.max(0, (slot + 1) * METER_WORDS_EVERY_MS - now),
      );
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
