import { useMemo } from 'preact/hooks';
import type { MixerModel, SendName, StripModel } from '../../state/mixer/mixer-model';
import { driveScale, panScale, sendScale, widthScale } from './control-scale';
import { curvePath, eqCurvePoints } from './eq-geometry';
import { Fader } from './Fader';
import { Knob } from './Knob';
import { LiveMeter } from './LiveMeter';
import { pick, useStripSetting } from './use-strip-setting';

/** What every strip part works on: the strip and the mixer it belongs to. */
export interface StripPartProps {
  strip: StripModel;
  model: MixerModel;
}

const MINI = { width: 60, height: 22, minHz: 20, maxHz: 20000, rangeDb: 18 };

/** The EQ insert button with a thumbnail of the curve; pressing it opens the EQ panel. */
export function EqInsertButton({ strip, model, onOpen }: StripPartProps & { onOpen: () => void }) {
  const s = {
    name: useStripSetting(strip, pick.name),
    eq: useStripSetting(strip, pick.eq),
    highPass: useStripSetting(strip, pick.highPass),
    lowPass: useStripSetting(strip, pick.lowPass),
  };
  const eqOn = s.highPass.enabled || s.lowPass.enabled || s.eq.some((b) => b.enabled && b.gainDb !== 0);
  const miniCurve = useMemo(
    () => curvePath(eqCurvePoints(s.eq, s.highPass, model.sampleRate.value, MINI, 40, s.lowPass)),
    [s.eq, s.highPass, s.lowPass, model.sampleRate.value],
  );
  return (
    <button
      type="button"
      class={`insert-btn${eqOn ? ' is-on' : ''}`}
      aria-label={`${s.name} EQ${eqOn ? ' (active)' : ''}: open panel`}
      onClick={onOpen}
    >
      <svg viewBox={`0 0 ${MINI.width} ${MINI.height}`} aria-hidden="true" class="insert-curve">
        <path d={miniCurve} />
      </svg>
      <span>EQ</span>
    </button>
  );
}

/** The reverb and delay send knobs (−∞ switches a send off). */
export function StripSends({ strip, model }: StripPartProps) {
  const s = {
    name: useStripSetting(strip, pick.name),
    sends: useStripSetting(strip, pick.sends),
  };
  const i = strip.index;
  const send = (which: SendName, caption: string) => (
    <Knob
      caption={caption}
      label={`${s.name} ${which} send`}
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
    <div class="strip-sends">
      {send('reverb', 'Rev')}
      {send('delay', 'Dly')}
    </div>
  );
}

/** The pan knob. */
export function StripPan({ strip, model }: StripPartProps) {
  const s = {
    name: useStripSetting(strip, pick.name),
    pan: useStripSetting(strip, pick.pan),
  };
  return (
    <Knob
      caption="Pan"
      label={`${s.name} pan`}
      value={s.pan}
      scale={panScale}
      bipolar
      onChange={(pan) => model.setPan(strip.index, pan)}
      onReset={() => model.resetControl(strip.index, ['pan'])}
    />
  );
}

/** The width knob (side × width after the pan; 100 % unchanged) and the mono button (sums the strip). */
export function StripWidth({ strip, model }: StripPartProps) {
  const s = {
    name: useStripSetting(strip, pick.name),
    width: useStripSetting(strip, pick.width),
    mono: useStripSetting(strip, pick.mono),
  };
  return (
    <div class="strip-width">
      <Knob
        caption="Width"
        label={`${s.name} stereo width`}
        value={s.width}
        scale={widthScale}
        size={28}
        disabled={s.mono}
        onChange={(width) => model.setWidth(strip.index, width)}
        onReset={() => model.resetControl(strip.index, ['width'])}
      />
      <button
        type="button"
        class="ms-btn ms-mono"
        aria-pressed={s.mono}
        aria-label={`${s.name} mono`}
        title="Sum this channel to mono"
        onClick={() => model.toggleMono(strip.index)}
      >
        Mono
      </button>
    </div>
  );
}

/** The saturation insert: on/off and its drive into the curve (dsp/saturation.ts). */
export function StripSaturation({ strip, model }: StripPartProps) {
  const s = {
    name: useStripSetting(strip, pick.name),
    saturation: useStripSetting(strip, pick.saturation),
  };
  return (
    <div class="strip-width">
      <Knob
        caption="Drive"
        label={`${s.name} saturation drive`}
        value={s.saturation.driveDb}
        scale={driveScale}
        size={28}
        disabled={!s.saturation.enabled}
        onChange={(driveDb) => model.setSaturation(strip.index, { driveDb })}
        onReset={() => model.resetControl(strip.index, ['saturation', 'driveDb'])}
      />
      <button
        type="button"
        class="ms-btn ms-mono"
        aria-pressed={s.saturation.enabled}
        aria-label={`${s.name} Sat (saturation)`}
        title="Saturation: drive the sound into a soft curve (adds overtones)"
        onClick={() => model.setSaturation(strip.index, { enabled: !s.saturation.enabled })}
      >
        Sat
      </button>
    </div>
  );
}

/** The mute and solo buttons (either can be left out). */
export function MuteSolo({
  strip,
  model,
  mute = true,
  solo = true,
}: StripPartProps & { mute?: boolean; solo?: boolean }) {
  const s = {
    name: useStripSetting(strip, pick.name),
    mute: useStripSetting(strip, pick.mute),
    solo: useStripSetting(strip, pick.solo),
  };
  return (
    <div class="strip-buttons">
      {mute && (
        <button
          type="button"
          class="ms-btn ms-mute"
          aria-pressed={s.mute}
          aria-label={`Mute ${s.name}`}
          onClick={() => model.toggleMute(strip.index)}
        >
          M
        </button>
      )}
      {solo && (
        <button
          type="button"
          class="ms-btn ms-solo"
          aria-pressed={s.solo}
          aria-label={`Solo ${s.name}`}
          onClick={() => model.toggleSolo(strip.index)}
        >
          S
        </button>
      )}
    </div>
  );
}

/** The fader (unless left out) beside the strip's meter, `height` px of travel. */
export function FaderMeter({
  strip,
  model,
  height,
  fader = true,
}: StripPartProps & { height: number; fader?: boolean }) {
  const s = {
    name: useStripSetting(strip, pick.name),
    faderDb: useStripSetting(strip, pick.faderDb),
  };
  return (
    <div class="strip-fader">
      {fader && (
        <Fader
          label={`${s.name} fader`}
          value={s.faderDb}
          height={height}
          onChange={(db) => model.setFader(strip.index, db)}
          onReset={() => model.resetControl(strip.index, ['faderDb'])}
        />
      )}
      <LiveMeter
        label={`${s.name} level`}
        meter={strip.meter}
        height={height}
        onResetHold={model.clearPeaks}
      />
    </div>
  );
}
