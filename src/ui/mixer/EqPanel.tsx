import type { MixerModel, StripModel } from '../../state/mixer/mixer-model';
import { eqGainScale, frequencyScale, highPassScale, lowPassScale, qScale } from './control-scale';
import { BAND_NAMES, EqGraph } from './EqGraph';
import { Knob } from './Knob';
import { trackColor } from './track-colors';
import { pick, useStripSetting } from './use-strip-setting';

/** Props of the EQ panel. */
export interface EqPanelProps {
  strip: StripModel;
  model: MixerModel;
}

/**
 * The selected strip's EQ: the response graph with draggable band nodes, then one row per band
 * (on/off, frequency, gain, Q) and the high-pass and low-pass filters, all readable ("1.2 kHz", "+3.0 dB", "Q 1.4").
 */
export function EqPanel({ strip, model }: EqPanelProps) {
  const s = {
    name: useStripSetting(strip, pick.name),
    eq: useStripSetting(strip, pick.eq),
    highPass: useStripSetting(strip, pick.highPass),
    lowPass: useStripSetting(strip, pick.lowPass),
  };
  const i = strip.index;
  const color = trackColor(strip.trackId);
  return (
    <div class="eq-panel">
      <EqGraph
        name={s.name}
        bands={s.eq}
        highPass={s.highPass}
        lowPass={s.lowPass}
        sampleRate={model.sampleRate.value}
        color={color}
        onBand={(band, patch) => model.setEqBand(i, band, patch)}
        onResetBand={(band) => model.setEqBand(i, band, strip.initial.eq[band]!)}
      />
      <div class="eq-bands">
        <div class="eq-band">
          <button
            type="button"
            class="toggle"
            aria-pressed={s.highPass.enabled}
            onClick={() => model.setHighPass(i, { enabled: !s.highPass.enabled })}
          >
            High-pass
          </button>
          <Knob
            caption="Freq"
            label={`${s.name} high-pass frequency`}
            value={s.highPass.frequency}
            scale={highPassScale}
            size={30}
            disabled={!s.highPass.enabled}
            onChange={(frequency) => model.setHighPass(i, { frequency })}
            onReset={() => model.resetControl(i, ['highPass', 'frequency'])}
          />
        </div>
        <div class="eq-band">
          <button
            type="button"
            class="toggle"
            aria-pressed={s.lowPass.enabled}
            onClick={() => model.setLowPass(i, { enabled: !s.lowPass.enabled })}
          >
            Low-pass
          </button>
          <Knob
            caption="Freq"
            label={`${s.name} low-pass frequency`}
            value={s.lowPass.frequency}
            scale={lowPassScale}
            size={30}
            disabled={!s.lowPass.enabled}
            onChange={(frequency) => model.setLowPass(i, { frequency })}
            onReset={() => model.resetControl(i, ['lowPass', 'frequency'])}
          />
        </div>
        {s.eq.map((band, b) => (
          <div class="eq-band" key={b}>
            <button
              type="button"
              class="toggle"
              aria-pressed={band.enabled}
              aria-label={`${s.name} EQ band ${b + 1} · ${BAND_NAMES[band.type]} on`}
              onClick={() => model.setEqBand(i, b, { enabled: !band.enabled })}
            >
              {b + 1} · {BAND_NAMES[band.type]}
            </button>
            <Knob
              caption="Freq"
              label={`${s.name} EQ band ${b + 1} frequency`}
              value={band.frequency}
              scale={frequencyScale}
              size={30}
              disabled={!band.enabled}
              onChange={(frequency) => model.setEqBand(i, b, { frequency })}
              onReset={() => model.resetControl(i, ['eq', b, 'frequency'])}
            />
            <Knob
              caption="Gain"
              label={`${s.name} EQ band ${b + 1} gain`}
              value={band.gainDb}
              scale={eqGainScale}
              size={30}
              bipolar
              color={color}
              disabled={!band.enabled}
              onChange={(gainDb) => model.setEqBand(i, b, { gainDb })}
              onReset={() => model.resetControl(i, ['eq', b, 'gainDb'])}
            />
            {band.type === 'peaking' && (
              <Knob
                caption="Q"
                label={`${s.name} EQ band ${b + 1} Q`}
                value={band.q}
                scale={qScale}
                size={30}
                disabled={!band.enabled}
                onChange={(q) => model.setEqBand(i, b, { q })}
                onReset={() => model.resetControl(i, ['eq', b, 'q'])}
              />
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
