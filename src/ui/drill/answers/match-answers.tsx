import type { CompMatchAnswer, CompMatchQuestion, CompParam } from '../../../exercises/comp-match/meta';
import type { EqControl, EqMatchAnswer, EqMatchQuestion } from '../../../exercises/eq-match/meta';
import type { FaderBalanceAnswer, FaderBalanceQuestion } from '../../../exercises/fader-balance/meta';
import {
  attackScale,
  type ControlScale,
  eqGainScale,
  formatSignedDb,
  frequencyScale,
  linearScale,
  makeupScale,
  qScale,
  ratioScale,
  releaseScale,
  thresholdScale,
} from '../../mixer/control-scale';
import { EqGraph } from '../../mixer/EqGraph';
import { Knob } from '../../mixer/Knob';
import { OffsetFader } from '../OffsetFader';
import type { AnswerViewProps } from './types';

const EQ_KNOBS: { control: EqControl; field: keyof EqMatchAnswer; caption: string; scale: ControlScale }[] = [
  { control: 'frequency', field: 'frequencyHz', caption: 'Freq', scale: frequencyScale },
  { control: 'gain', field: 'gainDb', caption: 'Gain', scale: eqGainScale },
  { control: 'q', field: 'q', caption: 'Q', scale: qScale },
];

/** eq-match: one band on the EQ graph (drag it) and its knobs; knobs the level does not ask for stay fixed. */
export function EqMatchAnswerView({
  question: q,
  answer,
  onChange,
  locked,
  keys,
}: AnswerViewProps<EqMatchQuestion, EqMatchAnswer>) {
  const a = answer ?? q.start;
  keys.current = null;
  const set = (patch: Partial<EqMatchAnswer>) => {
    if (!locked) onChange({ ...a, ...patch });
  };
  const can = (c: EqControl) => q.controls.includes(c) && !locked;
  const band = { enabled: true, type: q.reference.type, frequency: a.frequencyHz, gainDb: a.gainDb, q: a.q };
  return (
    <div class="match-answer">
      <EqGraph
        name="Your"
        bands={[band]}
        highPass={{ enabled: false, frequency: 20 }}
        sampleRate={48000}
        color="var(--accent)"
        onBand={(_, patch) =>
          set({
            ...(patch.frequency !== undefined && can('frequency') ? { frequencyHz: patch.frequency } : {}),
            ...(patch.gainDb !== undefined && can('gain') ? { gainDb: patch.gainDb } : {}),
            ...(patch.q !== undefined && can('q') ? { q: patch.q } : {}),
          })
        }
        onResetBand={() => set(q.start)}
      />
      <div class="knob-row">
        {EQ_KNOBS.filter((k) => k.control !== 'q' || q.reference.type === 'peaking').map((k) => (
          <Knob
            key={k.control}
            caption={k.caption}
            label={`Your band ${k.control}${q.controls.includes(k.control) ? '' : ' (fixed)'}`}
            value={a[k.field]}
            scale={k.scale}
            size={44}
            bipolar={k.control === 'gain'}
            disabled={!can(k.control)}
            fixed={!q.controls.includes(k.control)}
            onChange={(v) => can(k.control) && set({ [k.field]: v })}
            onReset={() => can(k.control) && set({ [k.field]: q.start[k.field] })}
          />
        ))}
      </div>
      <p class="muted answer-hint">
        Drag the numbered dot, or Tab to a knob and use the arrow keys (Shift for fine steps). The band is a{' '}
        {q.reference.type === 'peaking'
          ? 'peak'
          : q.reference.type === 'lowshelf'
            ? 'low shelf'
            : 'high shelf'}
        .
      </p>
    </div>
  );
}

const COMP_KNOBS: { param: CompParam; field: keyof CompMatchAnswer; caption: string; scale: ControlScale }[] =
  [
    { param: 'threshold', field: 'thresholdDb', caption: 'Thresh', scale: thresholdScale },
    { param: 'ratio', field: 'ratio', caption: 'Ratio', scale: ratioScale },
    { param: 'attack', field: 'attackMs', caption: 'Attack', scale: attackScale },
    { param: 'release', field: 'releaseMs', caption: 'Release', scale: releaseScale },
    { param: 'makeup', field: 'makeupDb', caption: 'Makeup', scale: makeupScale },
  ];

/** The knobs a comp-match level turns, in words: "the threshold", "the threshold and the ratio", … */
export function compKnobsInWords(controls: readonly CompParam[]): string {
  const names = COMP_KNOBS.filter((k) => controls.includes(k.param)).map((k) => k.param);
  if (names.length === COMP_KNOBS.length) return 'all five knobs';
  if (names.length <= 2) return names.map((n) => `the ${n}`).join(' and ');
  return `the ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * comp-match: a knob for each control the level turns; the others (and the knee) are printed as plain values
 * marked fixed, neither sliders nor focusable, so nothing looks live that does not turn.
 */
export function CompMatchAnswerView({
  question: q,
  answer,
  onChange,
  locked,
  keys,
}: AnswerViewProps<CompMatchQuestion, CompMatchAnswer>) {
  const a = answer ?? q.start;
  keys.current = null;
  const turning = COMP_KNOBS.filter((k) => q.controls.includes(k.param));
  const fixed = COMP_KNOBS.filter((k) => !q.controls.includes(k.param));
  return (
    <div class="match-answer">
      <p class="comp-turn">
        Turn {compKnobsInWords(q.controls)} until your compressor does the same as the reference.
      </p>
      <div class="knob-row">
        {turning.map((k) => (
          <Knob
            key={k.param}
            caption={k.caption}
            label={`Your compressor ${k.param}`}
            value={a[k.field]}
            scale={k.scale}
            size={52}
            disabled={locked}
            onChange={(v) => !locked && onChange({ ...a, [k.field]: v })}
            onReset={() => !locked && onChange({ ...a, [k.field]: q.start[k.field] })}
          />
        ))}
      </div>
      <p class="comp-fixed">
        <span class="comp-fixed-title">Fixed at this level:</span>{' '}
        {fixed.map((k) => (
          <span class="comp-fixed-value" key={k.param} data-param={k.param}>
            {k.param} {k.scale.format(q.start[k.field])}
          </span>
        ))}
        <span class="comp-fixed-value" data-param="knee">
          knee {q.reference.kneeDb} dB
        </span>
      </p>
      <p class="muted answer-hint">
        Tab to a knob and use the arrow keys (Shift for fine steps); drag up or down with the mouse or a
        finger.
      </p>
    </div>
  );
}

/** Fader offsets from the rough mix: −30 … +18 dB (wider than any start or reference). */
const offsetScale = linearScale(-30, 18, 1, 0.1, formatSignedDb);
const OFFSET_TICKS = [18, 12, 6, 0, -6, -12, -18, -24, -30];

/** fader-balance: one fader per track, in dB from the rough-mix level. */
export function FaderBalanceAnswerView({
  question: q,
  answer,
  onChange,
  locked,
  keys,
}: AnswerViewProps<FaderBalanceQuestion, FaderBalanceAnswer>) {
  const faders = answer?.fadersDb ?? q.startDb;
  keys.current = null;
  const set = (i: number, db: number) => {
    if (locked) return;
    onChange({ fadersDb: faders.map((v, k) => (k === i ? db : v)) });
  };
  return (
    <div class="match-answer">
      <div class="fader-row">
        {q.tracks.map((t, i) => (
          <div class="fader-cell" key={t.id}>
            <OffsetFader
              label={`${t.name} fader`}
              value={faders[i] ?? 0}
              scale={offsetScale}
              ticks={OFFSET_TICKS}
              height={160}
              onChange={(db) => set(i, db)}
              onReset={() => set(i, q.startDb[i] ?? 0)}
            />
            <span class="fader-name">{t.name}</span>
          </div>
        ))}
      </div>
      <p class="muted answer-hint">
        Only the balance counts, not the overall level. Tab to a fader and use the arrow keys (Shift for 0.1
        dB).
      </p>
    </div>
  );
}
