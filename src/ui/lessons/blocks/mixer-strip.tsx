import { useMemo } from 'preact/hooks';
import type { MixerControl } from '../../../lessons/schema';
import type { MixerModel, SendName, StripModel } from '../../../state/mixer-model';
import type { StripPanel } from '../../mixer/ChannelStripView';
import { panScale, sendScale } from '../../mixer/control-scale';
import { curvePath, eqCurvePoints } from '../../mixer/eq-geometry';
import { Fader } from '../../mixer/Fader';
import { Knob } from '../../mixer/Knob';
import { LiveMeter } from '../../mixer/LiveMeter';
import { trackColor } from '../../mixer/track-colors';

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

const MINI = { width: 60, height: 22, minHz: 20, maxHz: 20000, rangeDb: 18 };

/**
 * A console strip with only the lesson's controls, in the Mix page's order and look: EQ and compressor
 * inserts (each opens its panel below), sends, pan, mute/solo, fader. The meter is always there: reading
 * levels is part of every mixing task.
 */
export function LessonStrip({ strip, model, controls, selected, onOpen, faderHeight }: LessonStripProps) {
  const s = strip.settings.value;
  const i = strip.index;
  const name = s.name;
  const eqOn = s.highPass.enabled || s.eq.some((b) => b.enabled && b.gainDb !== 0);
  const miniCurve = useMemo(
    () => curvePath(eqCurvePoints(s.eq, s.highPass, model.sampleRate.value, MINI, 40)),
    [s.eq, s.highPass, model.sampleRate.value],
  );
  const hasPanels = controls.has('eq') || controls.has('comp');
  const send = (which: SendName, caption: string) => (
    <Knob
      caption={caption}
      label={`${name} ${which} send`}
      value={s.sends[which].enabled ? s.sends[which].levelDb : Number.NEGATIVE_INFINITY}
      scale={sendScale}
      size={28}
      onChange={(db) =>
        model.setSend(
          i,
          which,
          db === Number.NEGATIVE_INFINITY ? { enabled: false } : { enabled: true, levelDb: db },
        )
      }
      onReset={() => model.setSend(i, which, strip.initial.sends[which])}
    />
  );
  return (
    <section
      class={`strip${selected && hasPanels ? ' is-selected' : ''}${s.mute ? ' is-muted' : ''}`}
      style={{ '--strip-color': trackColor(strip.trackId) }}
      aria-label={`${name} channel`}
    >
      {hasPanels ? (
        <button
          type="button"
          class="strip-name"
          aria-pressed={selected}
          title={`Show ${name}'s ${controls.has('eq') ? 'EQ' : 'compressor'}`}
          onClick={() => model.select(i)}
        >
          <span>{name}</span>
        </button>
      ) : (
        <div class="strip-name strip-name-master">{name}</div>
      )}
      {hasPanels && (
        <div class="strip-inserts">
          {controls.has('eq') && (
            <button
              type="button"
              class={`insert-btn${eqOn ? ' is-on' : ''}`}
              aria-label={`${name} EQ${eqOn ? ' (active)' : ''}: open panel`}
              onClick={() => onOpen('eq')}
            >
              <svg viewBox={`0 0 ${MINI.width} ${MINI.height}`} aria-hidden="true" class="insert-curve">
                <path d={miniCurve} />
              </svg>
              <span>EQ</span>
            </button>
          )}
          {controls.has('comp') && (
            <button
              type="button"
              class={`insert-btn${s.compressor.enabled ? ' is-on' : ''}`}
              aria-label={`${name} Comp (compressor${s.compressor.enabled ? ', on' : ', off'}): open panel`}
              onClick={() => onOpen('compressor')}
            >
              <span>Comp</span>
            </button>
          )}
        </div>
      )}
      {controls.has('sends') && (
        <div class="strip-sends">
          {send('reverb', 'Rev')}
          {send('delay', 'Dly')}
        </div>
      )}
      {controls.has('pan') && (
        <Knob
          caption="Pan"
          label={`${name} pan`}
          value={s.pan}
          scale={panScale}
          bipolar
          onChange={(pan) => model.setPan(i, pan)}
          onReset={() => model.resetControl(i, ['pan'])}
        />
      )}
      {(controls.has('mute') || controls.has('solo')) && (
        <div class="strip-buttons">
          {controls.has('mute') && (
            <button
              type="button"
              class="ms-btn ms-mute"
              aria-pressed={s.mute}
              aria-label={`Mute ${name}`}
              onClick={() => model.toggleMute(i)}
            >
              M
            </button>
          )}
          {controls.has('solo') && (
            <button
              type="button"
              class="ms-btn ms-solo"
              aria-pressed={s.solo}
              aria-label={`Solo ${name}`}
              onClick={() => model.toggleSolo(i)}
            >
              S
            </button>
          )}
        </div>
      )}
      <div class="strip-fader">
        {controls.has('fader') && (
          <Fader
            label={`${name} fader`}
            value={s.faderDb}
            height={faderHeight}
            onChange={(db) => model.setFader(i, db)}
            onReset={() => model.resetControl(i, ['faderDb'])}
          />
        )}
        <LiveMeter
          label={`${name} level`}
          meter={strip.meter}
          height={faderHeight}
          onResetHold={model.clearPeaks}
        />
      </div>
    </section>
  );
}
