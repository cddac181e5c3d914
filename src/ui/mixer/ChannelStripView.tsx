import { useMemo } from 'preact/hooks';
import type { MixerModel, SendName, StripModel } from '../../state/mixer-model';
import { panScale, sendScale } from './control-scale';
import { curvePath, eqCurvePoints } from './eq-geometry';
import { Fader } from './Fader';
import { Knob } from './Knob';
import { LiveMeter } from './LiveMeter';
import { trackColor } from './track-colors';

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

const MINI = { width: 60, height: 22, minHz: 20, maxHz: 20000, rangeDb: 18 };

function GainReduction({ strip }: { strip: StripModel }) {
  const db = strip.gainReductionDb.value;
  return (
    <span class="insert-gr" aria-hidden="true" style={{ width: `${Math.min(100, (-db / 12) * 100)}%` }} />
  );
}

/**
 * A console channel strip, top to bottom: name and colour, EQ and compressor inserts (each opens its
 * panel), reverb and delay sends, pan, mute/solo, then the fader beside the meter and the fader's value.
 */
export function ChannelStripView({
  strip,
  model,
  selected,
  onOpen,
  faderHeight = 180,
}: ChannelStripViewProps) {
  const s = strip.settings.value;
  const i = strip.index;
  const name = s.name;
  const eqOn = s.highPass.enabled || s.eq.some((b) => b.enabled && b.gainDb !== 0);
  const miniCurve = useMemo(
    () => curvePath(eqCurvePoints(s.eq, s.highPass, model.sampleRate.value, MINI, 40)),
    [s.eq, s.highPass, model.sampleRate.value],
  );
  const send = (which: SendName, caption: string) => {
    const value = s.sends[which].enabled ? s.sends[which].levelDb : Number.NEGATIVE_INFINITY;
    return (
      <Knob
        caption={caption}
        label={`${name} ${which} send`}
        value={value}
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
  };
  return (
    <section
      class={`strip${selected ? ' is-selected' : ''}${s.mute ? ' is-muted' : ''}`}
      style={{ '--strip-color': trackColor(strip.trackId) }}
      aria-label={`${name} channel`}
    >
      <button
        type="button"
        class="strip-name"
        aria-pressed={selected}
        title={`Show ${name}'s EQ and compressor`}
        onClick={() => model.select(i)}
      >
        <span>{name}</span>
      </button>
      <div class="strip-inserts">
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
        <button
          type="button"
          class={`insert-btn${s.compressor.enabled ? ' is-on' : ''}`}
          aria-label={`${name} Comp (compressor${s.compressor.enabled ? ', on' : ', off'}): open panel`}
          onClick={() => onOpen('compressor')}
        >
          <span>Comp</span>
          <span class="insert-gr-track" aria-hidden="true">
            <GainReduction strip={strip} />
          </span>
        </button>
      </div>
      <div class="strip-sends">
        {send('reverb', 'Rev')}
        {send('delay', 'Dly')}
      </div>
      <Knob
        caption="Pan"
        label={`${name} pan`}
        value={s.pan}
        scale={panScale}
        bipolar
        onChange={(pan) => model.setPan(i, pan)}
        onReset={() => model.resetControl(i, ['pan'])}
      />
      <div class="strip-buttons">
        <button
          type="button"
          class="ms-btn ms-mute"
          aria-pressed={s.mute}
          aria-label={`Mute ${name}`}
          onClick={() => model.toggleMute(i)}
        >
          M
        </button>
        <button
          type="button"
          class="ms-btn ms-solo"
          aria-pressed={s.solo}
          aria-label={`Solo ${name}`}
          onClick={() => model.toggleSolo(i)}
        >
          S
        </button>
      </div>
      <div class="strip-fader">
        <Fader
          label={`${name} fader`}
          value={s.faderDb}
          height={faderHeight}
          onChange={(db) => model.setFader(i, db)}
          onReset={() => model.resetControl(i, ['faderDb'])}
        />
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
