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

/** The working answer with `patch` applied (fields not yet chosen stay unset). */
function patched<A>(p: AnswerViewProps<unknown, A>, patch: Partial<A>): A {
  return { ...p.answer, ...patch } as A;
}

/**
 * The selected / onSelect / disabled / right props of a choice group for one field of the answer; picking
 * sets that field (or calls `pick` when given).
 */
function field<A, K extends keyof A>(
  p: AnswerViewProps<unknown, A>,
  key: K,
  pick: (value: NonNullable<A[K]>) => void = (value) =>
    p.onChange(patched(p, { [key]: value } as Partial<A>)),
) {
  return {
    selected: p.answer?.[key] ?? undefined,
    onSelect: pick,
    disabled: p.locked,
    right: p.right?.[key] ?? undefined,
  };
}

/** eq-boost: which band (number keys), and boost or cut (+ / −) when asked. */
export function EqBoostAnswerView(p: AnswerViewProps<EqBoostQuestion, EqBoostAnswer>) {
  const q = p.question;
  const set = (patch: Partial<EqBoostAnswer>) => p.onChange(patched(p, patch));
  const pickBand = numberKeys(q.bandsHz, (bandHz) => set({ bandHz }));
  p.keys.current = (key) => {
    const direction = q.askDirection ? signKey(key, 'boost', 'cut') : null;
    if (direction) set({ direction });
    return direction !== null || pickBand(key);
  };
  return (
    <div class="answer-groups">
      <ChoiceGroup
        legend={q.askDirection ? 'Which band was changed?' : 'Which band was boosted?'}
        choices={q.bandsHz.map((hz) => ({ value: hz, label: formatHz(hz) }))}
        {...field(p, 'bandHz')}
        numbered
      />
      {q.askDirection && (
        <ChoiceGroup
          legend="Boost or cut?"
          hint="Keys + and −"
          choices={[
            { value: 'boost', label: 'Boost (+)' },
            { value: 'cut', label: 'Cut (−)' },
          ]}
          {...field(p, 'direction')}
        />
      )}
    </div>
  );
}

/** level-change: which track (number keys), up or down (+ / −), and how far when asked. */
export function LevelChangeAnswerView(p: AnswerViewProps<LevelChangeQuestion, LevelChangeAnswer>) {
  const q = p.question;
  const set = (patch: Partial<LevelChangeAnswer>) => p.onChange(patched(p, patch));
  const pickTrack = numberKeys(
    q.tracks.map((_, i) => i),
    (trackIndex) => set({ trackIndex }),
  );
  p.keys.current = (key) => {
    const direction = signKey(key, 'up', 'down');
    if (direction) set({ direction });
    return direction !== null || pickTrack(key);
  };
  return (
    <div class="answer-groups">
      <ChoiceGroup
        legend="Which track moved?"
        choices={q.tracks.map((t, i) => ({ value: i, label: t.name }))}
        {...field(p, 'trackIndex')}
        numbered
      />
      <ChoiceGroup
        legend="Up or down?"
        hint="Keys + and −"
        choices={[
          { value: 'up', label: 'Up (+)' },
          { value: 'down', label: 'Down (−)' },
        ]}
        {...field(p, 'direction')}
      />
      {q.askAmount && (
        <ChoiceGroup
          legend="By how much?"
          hint="Tab here, then the arrow keys"
          choices={q.amountsDb.map((db) => ({ value: db, label: `${db} dB` }))}
          {...field(p, 'amountDb')}
        />
      )}
    </div>
  );
}

/** pan-position: one of the positions, left to right (number keys). */
export function PanPositionAnswerView(p: AnswerViewProps<PanPositionQuestion, PanPositionAnswer>) {
  const indexes = p.question.positionsPan.map((_, i) => i);
  p.keys.current = numberKeys(indexes, (positionIndex) => p.onChange({ positionIndex }));
  return (
    <ChoiceGroup
      legend="Where is it panned?"
      choices={p.question.positionsPan.map((pan, i) => ({ value: i, label: formatPan(pan) }))}
      {...field(p, 'positionIndex')}
      numbered
    />
  );
}

/** reverb-time: the decay (number keys) and the pre-delay when asked. */
export function ReverbTimeAnswerView(p: AnswerViewProps<ReverbTimeQuestion, ReverbTimeAnswer>) {
  const q = p.question;
  p.keys.current = numberKeys(q.decayChoicesS, (decayS) => p.onChange(patched(p, { decayS })));
  return (
    <div class="answer-groups">
      <ChoiceGroup
        legend="How long is the decay?"
        choices={q.decayChoicesS.map((s) => ({ value: s, label: `${s} s` }))}
        {...field(p, 'decayS')}
        numbered
      />
      {q.askPreDelay && (
        <ChoiceGroup
          legend="Pre-delay?"
          hint="Tab here, then the arrow keys"
          choices={q.preDelayChoicesMs.map((ms) => ({ value: ms, label: `${ms} ms` }))}
          {...field(p, 'preDelayMs')}
        />
      )}
    </div>
  );
}

/** delay-time: the note value (number keys). */
export function DelayTimeAnswerView(p: AnswerViewProps<DelayTimeQuestion, DelayTimeAnswer>) {
  const q = p.question;
  p.keys.current = numberKeys(q.noteChoices, (note) => p.onChange({ note }));
  return (
    <ChoiceGroup
      legend={`Which note value at ${q.bpm} BPM?`}
      choices={q.noteChoices.map((n) => ({ value: n, label: noteLabel(n) }))}
      {...field(p, 'note')}
      numbered
    />
  );
}

/** comp-spot: the drill's own choices (number keys). */
export function CompSpotAnswerView(p: AnswerViewProps<CompSpotQuestion, CompSpotAnswer>) {
  const q = p.question;
  p.keys.current = numberKeys(q.choices, (choice) => p.onChange({ choice }));
  return (
    <ChoiceGroup
      legend={q.prompt}
      choices={q.choices.map((c, i) => ({ value: c, label: q.choiceLabels[i] ?? c }))}
      {...field(p, 'choice')}
      numbered
    />
  );
}

/** prod-or-mix: production or mixing (keys 1 and 2), then which change when asked. */
export function ProdOrMixAnswerView(p: AnswerViewProps<ProdOrMixQuestion, ProdOrMixAnswer>) {
  const { question: q, answer, onChange } = p;
  const categories: ChangeCategory[] = ['production', 'mixing'];
  const setCategory = (category: ChangeCategory) =>
    onChange({
      category,
      ...(answer?.change && CHANGES[category].includes(answer.change) ? { change: answer.change } : {}),
    });
  p.keys.current = numberKeys(categories, setCategory);
  const changes = answer?.category ? CHANGES[answer.category] : [];
  return (
    <div class="answer-groups">
      <ChoiceGroup
        legend="What kind of change?"
        choices={[
          { value: 'production', label: 'Production (the parts)' },
          { value: 'mixing', label: 'Mixing (the balance)' },
        ]}
        {...field(p, 'category', setCategory)}
        numbered
      />
      {q.askChange && (
        <ChoiceGroup
          legend={answer?.category ? 'Which change?' : 'Which change? (pick the kind first)'}
          hint="Tab here, then the arrow keys"
          choices={changes.map((c) => ({ value: c, label: CHANGE_LABELS[c] }))}
          {...field(
            p,
            'change',
            (change) => answer?.category && onChange({ category: answer.category, change }),
          )}
        />
      )}
    </div>
  );
}
