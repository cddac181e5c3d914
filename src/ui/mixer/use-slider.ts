import type { HTMLAttributes } from 'preact';
import { useRef } from 'preact/hooks';
import type { ControlScale } from './control-scale';

/** What a slider-like control (fader, knob) needs to behave. */
export interface SliderOptions {
  /** Accessible name, e.g. "Vocal fader". */
  label: string;
  value: number;
  scale: ControlScale;
  onChange: (value: number) => void;
  /** Double-click, double-tap or Enter: back to the default. */
  onReset?: () => void;
  /** Pixels of vertical drag for the whole range (Shift divides the speed by 10). */
  travelPx: number;
  /** 'vertical' for faders; knobs are dragged vertically too but report no orientation. */
  orientation?: 'vertical' | 'horizontal';
}

/** How far PageUp/PageDown move, as a fraction of the travel. */
const PAGE = 0.1;
/** Two taps closer than this (ms) and without a drag are a double-tap. */
const DOUBLE_TAP_MS = 320;
/** Pointer movement (px) below which a press is a tap, not a drag. */
const TAP_SLOP_PX = 4;

/**
 * The shared behaviour of faders and knobs: ARIA slider attributes, keyboard (arrows nudge, Shift for
 * fine, PageUp/PageDown, Home/End, Enter resets), and pointer dragging for mouse, pen and touch alike
 * (pointer capture; relative drag, so grabbing never makes the value jump; Shift drags fine), plus
 * double-click / double-tap to reset. Spread the result onto the focusable element.
 */
export function useSlider(options: SliderOptions): HTMLAttributes<HTMLDivElement> {
  const latest = useRef(options);
  latest.current = options;
  const drag = useRef<{ id: number; lastY: number; position: number; moved: number } | null>(null);
  const lastTap = useRef(0);
  const { label, value, scale, orientation } = options;

  const set = (next: number) => {
    const o = latest.current;
    if (next !== o.value && !Number.isNaN(next)) o.onChange(next);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const o = latest.current;
    const position = o.scale.toPosition(o.value);
    const fine = event.shiftKey;
    switch (event.key) {
      case 'ArrowUp':
      case 'ArrowRight':
        set(o.scale.nudge(o.value, 1, fine));
        break;
      case 'ArrowDown':
      case 'ArrowLeft':
        set(o.scale.nudge(o.value, -1, fine));
        break;
      case 'PageUp':
        set(o.scale.fromPosition(position + PAGE));
        break;
      case 'PageDown':
        set(o.scale.fromPosition(position - PAGE));
        break;
      case 'Home':
        set(o.scale.fromPosition(1));
        break;
      case 'End':
        set(o.scale.fromPosition(0));
        break;
      case 'Enter':
        o.onReset?.();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    const target = event.currentTarget as HTMLElement;
    target.focus();
    try {
      target.setPointerCapture(event.pointerId);
    } catch {
      // A pointer the browser no longer tracks (or a synthetic one) cannot be captured; dragging still works.
    }
    const o = latest.current;
    drag.current = {
      id: event.pointerId,
      lastY: event.clientY,
      position: o.scale.toPosition(o.value),
      moved: 0,
    };
    event.preventDefault();
  };

  const onPointerMove = (event: PointerEvent) => {
    const d = drag.current;
    if (!d || d.id !== event.pointerId) return;
    const dy = d.lastY - event.clientY;
    d.lastY = event.clientY;
    d.moved += Math.abs(dy);
    if (d.moved < TAP_SLOP_PX) return;
    const o = latest.current;
    d.position = Math.min(1, Math.max(0, d.position + (dy / o.travelPx) * (event.shiftKey ? 0.1 : 1)));
    set(o.scale.fromPosition(d.position));
  };

  const onPointerUp = (event: PointerEvent) => {
    const d = drag.current;
    if (!d || d.id !== event.pointerId) return;
    drag.current = null;
    // Mouse double-clicks arrive as dblclick; touch and pen need their own double-tap.
    if (event.pointerType === 'mouse' || d.moved >= TAP_SLOP_PX) return;
    const now = event.timeStamp;
    if (now - lastTap.current < DOUBLE_TAP_MS) {
      lastTap.current = 0;
      latest.current.onReset?.();
    } else lastTap.current = now;
  };

  const finite = Number.isFinite(value) ? value : scale.min;
  return {
    role: 'slider',
    tabIndex: 0,
    'aria-label': label,
    'aria-valuemin': scale.min,
    'aria-valuemax': scale.max,
    'aria-valuenow': Math.round(Math.min(scale.max, Math.max(scale.min, finite)) * 100) / 100,
    'aria-valuetext': scale.format(value),
    'aria-orientation': orientation,
    onKeyDown,
    onPointerDown,
    onPointerMove,
    onPointerUp,
    onPointerCancel: onPointerUp,
    onDblClick: () => latest.current.onReset?.(),
  };
}
