import { formatHz } from '../../../dsp/bands';
import { formatPan } from '../../../dsp/pan';
import type { CompSpotAnswer, CompSpotQuestion } from '../../../exercises/comp-spot/meta';
import type { DelayTimeAnswer, DelayTimeQuestion } from '../../../exercises/delay-time/meta';
import type { EqBoostAnswer, EqBoostQuestion } from '../../../exercises/eq-boost/meta';
import type { LevelChangeAnswer, LevelChangeQuestion } from '../../../exercises/level-change/meta';
import type { PanPositionAnswer, PanPositionQuestion } from '../../../exercises/pan-position/meta';
import {
  CHANGE_LABELS,
  CHANGES,
  type ChangeCategory,
  type ProdOrMixAnswer,
  type ProdOrMixQuestion,
} from '../../../exercises/prod-or-mix/meta';
import type { ReverbTimeAnswer, ReverbTimeQuestion } from '../../../exercises/reverb-time/meta';
import { ChoiceGroup } from '../ChoiceGroup';
import { type AnswerViewProps, digitIndex } from './types';

/** Readable note values: "1/8 dotted", "1/8 triplet". */
export function noteLabel(note: string): string {
  if (note.endsWith('d')) return `${note.slice(0, -1)} dotted`;
  if (note.endsWith('t')) return `${note.slice(0, -1)} triplet`;
  return note;
}

/** Number keys pick from `values` and call `pick`. */
function numberKeys<V>(values: readonly V[], pick: (v: V) => void) {
  return (key: string): boolean => {
    const v = values[digitIndex(key)];
    if (v === undefined) return false;
    pick(v);
    return true;
  };
}

/** "+" (or "=", the same key unshifted) gives `plus`, "−" gives `minus`, anything else null. */
function signKey<T>(key: string, plus: T, minus: T): T | null {
  if (key === '+' || key === '=') return plus;
  return key === '-' ? minus : null;
}

/** eq-boost: which band (number keys), and boost or cut (+ / −) when asked. */
export function EqBoostAnswerView({
  question: q,
  answer,
  onChange,
  locked,
  right,
  keys,
}: AnswerViewProps<EqBoostQuestion, EqBoostAnswer>) {
  const set = (patch: Partial<EqBoostAnswer>) => onChange({ ...answer, ...patch } as EqBoostAnswer);
  const pickBand = numberKeys(q.bandsHz, (bandHz) => set({ bandHz }));
  keys.current = (key) => {
    const direction = q.askDirection ? signKey(key, 'boost', 'cut') : null;
    if (direction) set({ direction });
    return direction !== null || pickBand(key);
  };
  return (
    <div class="answer-groups">
      <ChoiceGroup
        legend={q.askDirection ? 'Which band was changed?' : 'Which band was boosted?'}
        choices={q.bandsHz.map((hz) => ({ value: hz, label: formatHz(hz) }))}
        selected={answer?.bandHz}
        onSelect={(bandHz) => set({ bandHz })}
        numbered
        disabled={locked}
        right={right?.bandHz}
      />
      {q.askDirection && (
        <ChoiceGroup
          legend="Boost or cut?"
          hint="Keys + and −"
          choices={[
            { value: 'boost', label: 'Boost (+)' },
            { value: 'cut', label: 'Cut (−)' },
          ]}
          selected={answer?.direction}
          onSelect={(direction) => set({ direction })}
          disabled={locked}
          right={right?.direction}
        />
      )}
    </div>
  );
}

/** level-change: which track (number keys), up or down (+ / −), and how far when asked. */
export function LevelChangeAnswerView({
  question: q,
  answer,
  onChange,
  locked,
  right,
  keys,
}: AnswerViewProps<LevelChangeQuestion, LevelChangeAnswer>) {
  const set = (patch: Partial<LevelChangeAnswer>) => onChange({ ...answer, ...patch } as LevelChangeAnswer);
  const pickTrack = numberKeys(
    q.tracks.map((_, i) => i),
    (trackIndex) => set({ trackIndex }),
  );
  keys.current = (key) => {
    const direction = signKey(key, 'up', 'down');
    if (direction) set({ direction });
    return direction !== null || pickTrack(key);
  };
  return (
    <div class="answer-groups">
      <ChoiceGroup
        legend="Which track moved?"
        choices={q.tracks.map((t, i) => ({ value: i, label: t.name }))}
        selected={answer?.trackIndex}
        onSelect={(trackIndex) => set({ trackIndex })}
        numbered
        disabled={locked}
        right={right?.trackIndex}
      />
      <ChoiceGroup
        legend="Up or down?"
        hint="Keys + and −"
        choices={[
          { value: 'up', label: 'Up (+)' },
          { value: 'down', label: 'Down (−)' },
        ]}
        selected={answer?.direction}
        onSelect={(direction) => set({ direction })}
        disabled={locked}
        right={right?.direction}
      />
      {q.askAmount && (
        <ChoiceGroup
          legend="By how much?"
          hint="Tab here, then the arrow keys"
          choices={q.amountsDb.map((db) => ({ value: db, label: `${db} dB` }))}
          selected={answer?.amountDb}
          onSelect={(amountDb) => set({ amountDb })}
          disabled={locked}
          right={right?.amountDb}
        />
      )}
    </div>
  );
}

/** pan-position: one of the positions, left to right (number keys). */
export function PanPositionAnswerView({
  question: q,
  answer,
  onChange,
  locked,
  right,
  keys,
}: AnswerViewProps<PanPositionQuestion, PanPositionAnswer>) {
  const indexes = q.positionsPan.map((_, i) => i);
  keys.current = numberKeys(indexes, (positionIndex) => onChange({ positionIndex }));
  return (
    <ChoiceGroup
      legend="Where is it panned?"
      choices={q.positionsPan.map((pan, i) => ({ value: i, label: formatPan(pan) }))}
      selected={answer?.positionIndex}
      onSelect={(positionIndex) => onChange({ positionIndex })}
      numbered
      disabled={locked}
      right={right?.positionIndex}
    />
  );
}

/** reverb-time: the decay (number keys) and the pre-delay when asked. */
export function ReverbTimeAnswerView({
  question: q,
  answer,
  onChange,
  locked,
  right,
  keys,
}: AnswerViewProps<ReverbTimeQuestion, ReverbTimeAnswer>) {
  const set = (patch: Partial<ReverbTimeAnswer>) => onChange({ ...answer, ...patch } as ReverbTimeAnswer);
  keys.current = numberKeys(q.decayChoicesS, (decayS) => set({ decayS }));
  return (
    <div class="answer-groups">
      <ChoiceGroup
        legend="How long is the decay?"
        choices={q.decayChoicesS.map((s) => ({ value: s, label: `${s} s` }))}
        selected={answer?.decayS}
        onSelect={(decayS) => set({ decayS })}
        numbered
        disabled={locked}
        right={right?.decayS}
      />
      {q.askPreDelay && (
        <ChoiceGroup
          legend="Pre-delay?"
          hint="Tab here, then the arrow keys"
          choices={q.preDelayChoicesMs.map((ms) => ({ value: ms, label: `${ms} ms` }))}
          selected={answer?.preDelayMs}
          onSelect={(preDelayMs) => set({ preDelayMs })}
          disabled={locked}
          right={right?.preDelayMs}
        />
      )}
    </div>
  );
}

/** delay-time: the note value (number keys). */
export function DelayTimeAnswerView({
  question: q,
  answer,
  onChange,
  locked,
  right,
  keys,
}: AnswerViewProps<DelayTimeQuestion, DelayTimeAnswer>) {
  keys.current = numberKeys(q.noteChoices, (note) => onChange({ note }));
  return (
    <ChoiceGroup
      legend={`Which note value at ${q.bpm} BPM?`}
      choices={q.noteChoices.map((n) => ({ value: n, label: noteLabel(n) }))}
      selected={answer?.note}
      onSelect={(note) => onChange({ note })}
      numbered
      disabled={locked}
      right={right?.note}
    />
  );
}

/** comp-spot: the drill's own choices (number keys). */
export function CompSpotAnswerView({
  question: q,
  answer,
  onChange,
  locked,
  right,
  keys,
}: AnswerViewProps<CompSpotQuestion, CompSpotAnswer>) {
  keys.current = numberKeys(q.choices, (choice) => onChange({ choice }));
  return (
    <ChoiceGroup
      legend={q.prompt}
      choices={q.choices.map((c, i) => ({ value: c, label: q.choiceLabels[i] ?? c }))}
      selected={answer?.choice}
      onSelect={(choice) => onChange({ choice })}
      numbered
      disabled={locked}
      right={right?.choice}
    />
  );
}

/** prod-or-mix: production or mixing (keys 1 and 2), then which change when asked. */
export function ProdOrMixAnswerView({
  question: q,
  answer,
  onChange,
  locked,
  right,
  keys,
}: AnswerViewProps<ProdOrMixQuestion, ProdOrMixAnswer>) {
  const categories: ChangeCategory[] = ['production', 'mixing'];
  const setCategory = (category: ChangeCategory) =>
    onChange({
      category,
      ...(answer?.change && CHANGES[category].includes(answer.change) ? { change: answer.change } : {}),
    });
  keys.current = numberKeys(categories, setCategory);
  const changes = answer?.category ? CHANGES[answer.category] : [];
  return (
    <div class="answer-groups">
      <ChoiceGroup
        legend="What kind of change?"
        choices={[
          { value: 'production', label: 'Production (the parts)' },
          { value: 'mixing', label: 'Mixing (the balance)' },
        ]}
        selected={answer?.category}
        onSelect={setCategory}
        numbered
        disabled={locked}
        right={right?.category}
      />
      {q.askChange && (
        <ChoiceGroup
          legend={answer?.category ? 'Which change?' : 'Which change? (pick the kind first)'}
          hint="Tab here, then the arrow keys"
          choices={changes.map((c) => ({ value: c, label: CHANGE_LABELS[c] }))}
          selected={answer?.change}
          onSelect={(change) => answer?.category && onChange({ category: answer.category, change })}
          disabled={locked}
          right={right?.change}
        />
      )}
    </div>
  );
}
