import { computed } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { StripModel, StripSettings } from '../../state/mixer/mixer-model';

/**
 * One piece of a strip's settings (its name, its fader, its EQ …) for a component to show: the component
 * re-renders when that piece changes, not on every move of another control of the strip. `pick` must
 * return an unchanged value (the same object, for objects) while its piece is untouched, as `setAt` keeps
 * untouched branches; it is read once per `strip`, so pass a function that does not change between renders.
 */
export function useStripSetting<T>(strip: StripModel, pick: (settings: StripSettings) => T): T {
  // `pick` is a fixed reader per call site: only a new strip needs a new computed.
  const piece = useMemo(() => computed(() => pick(strip.settings.value)), [strip]);
  return piece.value;
}

/** Readers for useStripSetting, one per piece a component shows. */
export const pick = {
  name: (s: StripSettings) => s.name,
  faderDb: (s: StripSettings) => s.faderDb,
  pan: (s: StripSettings) => s.pan,
  width: (s: StripSettings) => s.width,
  mono: (s: StripSettings) => s.mono,
  mute: (s: StripSettings) => s.mute,
  solo: (s: StripSettings) => s.solo,
  sends: (s: StripSettings) => s.sends,
  saturation: (s: StripSettings) => s.saturation,
  eq: (s: StripSettings) => s.eq,
  highPass: (s: StripSettings) => s.highPass,
  lowPass: (s: StripSettings) => s.lowPass,
  compressor: (s: StripSettings) => s.compressor,
  compressorOn: (s: StripSettings) => s.compressor.enabled,
} as const;
