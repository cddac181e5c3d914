import type { MixerModel, StripModel } from '../../state/mixer/mixer-model';
import {
  levelToAxis,
  reductionFraction,
  TRANSFER_FRAME,
  TRANSFER_GRID_DB,
  transferPath,
} from './compressor-geometry';
import {
  attackScale,
  formatSignedDb,
  kneeScale,
  makeupScale,
  ratioScale,
  releaseScale,
  thresholdScale,
} from './control-scale';
import { Knob } from './Knob';
import { trackColor } from './track-colors';
import { pick, useStripSetting } from './use-strip-setting';

/** Props of the compressor panel. */
export interface CompressorPanelProps {
  strip: StripModel;
  model: MixerModel;
}

/** Range of the gain-reduction meter, dB. */
const GR_RANGE = 24;

/** The live gain-reduction meter: a bar growing downwards from 0 dB, with its value printed. */
function GainReductionMeter({ strip }: { strip: StripModel }) {
  const name = useStripSetting(strip, pick.name);
  const db = strip.gainReductionDb.value;
  const shown = Math.abs(db) < 0.05 ? 0 : db;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a native <meter> cannot draw peak, RMS and a held peak; this is a styled ARIA meter.
    <div
      class="gr-meter"
      role="meter"
      aria-label={`${name} gain reduction`}
      aria-valuemin={-GR_RANGE}
      aria-valuemax={0}
      aria-valuenow={Math.round(shown * 10) / 10}
      aria-valuetext={formatSignedDb(shown)}
    >
      <span class="gr-label" aria-hidden="true">
        GR
      </span>
      <div class="gr-bar">
        <div class="gr-fill" style={{ height: `${reductionFraction(shown, GR_RANGE) * 100}%` }} />
      </div>
      <span class="gr-value" aria-hidden="true">
        {formatSignedDb(shown)}
      </span>
    </div>
  );
}

/**
 * The selected strip's compressor: the static transfer curve (from compressorGainDb, with threshold,
 * ratio and knee), a live gain-reduction meter, and the threshold, ratio, knee, attack, release and
 * makeup controls ("−18.0 dB", "4:1", "10 ms").
 */
export function CompressorPanel({ strip, model }: CompressorPanelProps) {
  const s = {
    name: useStripSetting(strip, pick.name),
    compressor: useStripSetting(strip, pick.compressor),
  };
  const c = s.compressor;
  const i = strip.index;
  const { size } = TRANSFER_FRAME;
  const color = trackColor(strip.trackId);
  const thresholdAt = levelToAxis(c.thresholdDb);
  const knob = (
    field: 'thresholdDb' | 'ratio' | 'kneeDb' | 'attackMs' | 'releaseMs' | 'makeupDb',
    caption: string,
    scale: typeof thresholdScale,
    label: string,
  ) => (
    <Knob
      caption={caption}
      label={`${s.name} compressor ${label}`}
      value={c[field]}
      scale={scale}
      size={32}
      disabled={!c.enabled}
      color={color}
      onChange={(value) => model.setCompressor(i, { [field]: value })}
      onReset={() => model.resetControl(i, ['compressor', field])}
    />
  );
  return (
    <div class={`comp-panel${c.enabled ? '' : ' is-bypassed'}`}>
      <div class="comp-top">
        <button
          type="button"
          class="toggle"
          aria-pressed={c.enabled}
          onClick={() => model.setCompressor(i, { enabled: !c.enabled })}
        >
          {c.enabled ? 'Compressor on' : 'Compressor off'}
        </button>
      </div>
      <div class="comp-body">
        <svg
          class="comp-graph"
          viewBox={`0 0 ${size} ${size}`}
          role="img"
          aria-label={`${s.name} compressor transfer curve: threshold ${formatSignedDb(c.thresholdDb)}, ratio ${ratioScale.format(c.ratio)}, knee ${kneeScale.format(c.kneeDb)}`}
        >
          <g class="eq-grid">
            {TRANSFER_GRID_DB.map((db) => (
              <g key={db}>
                <line x1={levelToAxis(db)} x2={levelToAxis(db)} y1={0} y2={size} />
                <line x1={0} x2={size} y1={size - levelToAxis(db)} y2={size - levelToAxis(db)} />
                {/* −12 is left out: the "in →" axis name sits on the same row at the right. */}
                {db > -60 && db < -12 && (
                  <text x={levelToAxis(db) + 2} y={size - 3}>
                    {db}
                  </text>
                )}
              </g>
            ))}
            <line class="comp-unity" x1={0} y1={size} x2={size} y2={0} />
          </g>
          <line class="comp-threshold" x1={thresholdAt} x2={thresholdAt} y1={0} y2={size} />
          <path class="comp-curve" d={transferPath(c, c.makeupDb)} style={{ stroke: color }} />
          <text class="comp-axis" x={size - 4} y={12} text-anchor="end">
            out
          </text>
          <text class="comp-axis" x={size - 4} y={size - 3} text-anchor="end">
            in →
          </text>
        </svg>
        <GainReductionMeter strip={strip} />
      </div>
      <div class="comp-knobs">
        {knob('thresholdDb', 'Thresh', thresholdScale, 'threshold')}
        {knob('ratio', 'Ratio', ratioScale, 'ratio')}
        {knob('kneeDb', 'Knee', kneeScale, 'knee')}
        {knob('attackMs', 'Attack', attackScale, 'attack')}
        {knob('releaseMs', 'Release', releaseScale, 'release')}
        {knob('makeupDb', 'Makeup', makeupScale, 'makeup gain')}
      </div>
    </div>
  );
}
