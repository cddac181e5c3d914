/** The rendered width of an element, kept current with a ResizeObserver. */
import type { RefObject } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

/** Width in CSS px of `ref`'s element (`fallback` until it is measured, or when `fixed` is given, that). */
export function useWidth(ref: RefObject<HTMLElement | null>, fallback: number, fixed?: number): number {
  const [width, setWidth] = useState(fixed ?? fallback);
  useLayoutEffect(() => {
    if (fixed !== undefined) return;
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, fixed]);
  return fixed ?? width;
}
