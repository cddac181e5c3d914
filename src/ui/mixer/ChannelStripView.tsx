import type { MixerModel, StripModel } from '../../state/mixer/mixer-model';
import {
  EqInsertButton,
  FaderMeter,
  MuteSolo,
  StripPan,
  StripSaturation,
  StripSends,
  StripWidth,
} from './strip-parts';
import { trackColor } from './track-colors';
import { pick, useStripSetting } from './use-strip-setting';

/** Which detail panel a strip's insert button opens. */
export type StripPanel = 'eq' | 'compressor';

/** Props of one channel strip. */
export interface ChannelStripViewProps {
  strip: StripModel;
  model: MixerModel;
  selected: boolean;
  /** Opens a detail panel for this strip (and selects it). */
  onOpen: (panel: StripPanel) => void;
  /** Fader travel in px. */
  faderHeight?: number;
}

function GainReduction({ strip }: { strip: StripModel }) {
  const db = strip.gainReductionDb.value;
  // A transform, not a width: the bar moves while the compressor works, and a width would lay out the strip.
  const shown = Math.round(Math.min(1, Math.max(0, -db / 12)) * 100) / 100;
  return <span class="insert-gr" aria-hidden="true" style={{ transform: `scaleX(${shown})` }} />;
}

/**
 * A console channel strip, top to bottom: name and colour, EQ and compressor inserts (each opens its
 * panel), saturation drive, reverb and delay sends, pan, width and mono, mute/solo, then the fader beside the meter and the
 * fader's value.
 */
export function ChannelStripView({
  strip,
  model,
  selected,
  onOpen,
  faderHeight = 180,
}: ChannelStripViewProps) {
  // Only what this frame shows: a fader or knob move re-renders its own part, not the strip.
  const name = useStripSetting(strip, pick.name);
  const muted = useStripSetting(strip, pick.mute);
  const compressorOn = useStripSetting(strip, pick.compressorOn);
  const i = strip.index;
  return (
    <section
      class={`strip${selected ? ' is-selected' : ''}${muted ? ' is-muted' : ''}`}
      style={{ '--strip-color': trackColor(strip.trackId) }}
      aria-label={`${name} channel`}
    >
      <button
        type="button"
        class={`strip-name${name.length > 8 ? ' is-long' : ''}`}
        aria-pressed={selected}
        title={`Show ${name}'s EQ and compressor`}
        onClick={() => model.select(i)}
      >
        <span>{name}</span>
      </button>
      <div class="strip-inserts">
        <EqInsertButton strip={strip} model={model} onOpen={() => onOpen('eq')} />
        <button
          type="button"
          class={`insert-btn${compressorOn ? ' is-on' : ''}`}
          aria-label={`${name} Comp (compressor${compressorOn ? ', on' : ', off'}): open panel`}
          onClick={() => onOpen('compressor')}
        >
          <span>Comp</span>
          <span class="insert-gr-track" aria-hidden="true">
            <GainReduction strip={strip} />
          </span>
        </button>
      </div>
      <StripSaturation strip={strip} model={model} />
      <StripSends strip={strip} model={model} />
      <StripPan strip={strip} model={model} />
      <StripWidth strip={strip} model={model} />
      <MuteSolo strip={strip} model={model} />
      <FaderMeter strip={strip} model={model} height={faderHeight} />
    </section>
  );
}
