import type { MixerControl } from '../../../lessons/schema';
import type { MixerModel, StripModel } from '../../../state/mixer/mixer-model';
import type { StripPanel } from '../../mixer/ChannelStripView';
import {
  EqInsertButton,
  FaderMeter,
  MuteSolo,
  StripPan,
  StripSends,
  StripWidth,
} from '../../mixer/strip-parts';
import { trackColor } from '../../mixer/track-colors';
import { pick, useStripSetting } from '../../mixer/use-strip-setting';

/** Props of a lesson mixer's strip. */
export interface LessonStripProps {
  strip: StripModel;
  model: MixerModel;
  /** The controls the lesson shows; everything else is left out. */
  controls: ReadonlySet<MixerControl>;
  selected: boolean;
  onOpen: (panel: StripPanel) => void;
  faderHeight: number;
}

/**
 * A console strip with only the lesson's controls, in the Mix page's order and look: EQ and compressor
 * inserts (each opens its panel below), sends, pan, mute/solo, fader. The meter is always there: reading
 * levels is part of every mixing task.
 */
export function LessonStrip({ strip, model, controls, selected, onOpen, faderHeight }: LessonStripProps) {
  // Only what this frame shows: a fader or knob move re-renders its own part, not the strip.
  const name = useStripSetting(strip, pick.name);
  const muted = useStripSetting(strip, pick.mute);
  const compressorOn = useStripSetting(strip, pick.compressorOn);
  const i = strip.index;
  const hasPanels = controls.has('eq') || controls.has('comp');
  return (
    <section
      class={`strip${selected && hasPanels ? ' is-selected' : ''}${muted ? ' is-muted' : ''}`}
      style={{ '--strip-color': trackColor(strip.trackId) }}
      aria-label={`${name} channel`}
    >
      {hasPanels ? (
        <button
          type="button"
          class={`strip-name${name.length > 8 ? ' is-long' : ''}`}
          aria-pressed={selected}
          title={`Show ${name}'s ${controls.has('eq') ? 'EQ' : 'compressor'}`}
          onClick={() => model.select(i)}
        >
          <span>{name}</span>
        </button>
      ) : (
        <div class={`strip-name strip-name-master${name.length > 8 ? ' is-long' : ''}`} title={name}>
          <span>{name}</span>
        </div>
      )}
      {hasPanels && (
        <div class="strip-inserts">
          {controls.has('eq') && <EqInsertButton strip={strip} model={model} onOpen={() => onOpen('eq')} />}
          {controls.has('comp') && (
            <button
              type="button"
              class={`insert-btn${compressorOn ? ' is-on' : ''}`}
              aria-label={`${name} Comp (compressor${compressorOn ? ', on' : ', off'}): open panel`}
              onClick={() => onOpen('compressor')}
            >
              <span>Comp</span>
            </button>
          )}
        </div>
      )}
      {controls.has('sends') && <StripSends strip={strip} model={model} />}
      {controls.has('pan') && <StripPan strip={strip} model={model} />}
      {controls.has('width') && <StripWidth strip={strip} model={model} />}
      {(controls.has('mute') || controls.has('solo')) && (
        <MuteSolo strip={strip} model={model} mute={controls.has('mute')} solo={controls.has('solo')} />
      )}
      <FaderMeter strip={strip} model={model} height={faderHeight} fader={controls.has('fader')} />
    </section>
  );
}
