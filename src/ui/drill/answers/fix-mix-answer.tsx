import {
  FAULT_LABELS,
  type FaultClaim,
  type FaultName,
  type FixMixAnswer,
  type FixMixQuestion,
  TRACK_FAULTS,
} from '../../../exercises/fix-mix/meta';
import type { TrackId } from '../../../production/types';
import { choiceKey } from '../ChoiceGroup';
import { MixDesk } from './mix-desk';
import { type AnswerViewProps, digitIndex } from './types';

/**
 * fix-mix: step one, the problems heard in B (tick each, and name its track where one is asked; number keys
 * tick them), then step two, the desk (B follows it live). After answering, each row says whether that
 * problem was really there.
 */
export function FixMixAnswerView({
  question: q,
  answer,
  onChange,
  locked,
  keys,
}: AnswerViewProps<FixMixQuestion, FixMixAnswer>) {
  const claims = answer?.faults ?? [];
  const tracks = answer?.tracks ?? q.start;
  const claimOf = (fault: FaultName) => claims.find((c) => c.fault === fault);
  const setClaims = (next: FaultClaim[]) => {
    if (!locked) onChange({ faults: next, tracks });
  };
  const toggle = (fault: FaultName) =>
    setClaims(claimOf(fault) ? claims.filter((c) => c.fault !== fault) : [...claims, { fault }]);
  const setTrack = (fault: FaultName, track: TrackId | '') =>
    setClaims(claims.map((c) => (c.fault === fault ? (track ? { fault, track } : { fault }) : c)));
  keys.current = (key) => {
    const fault = q.choices[digitIndex(key)];
    if (!fault || locked) return false;
    toggle(fault);
    return true;
  };
  const planted = (fault: FaultName) => q.faults.find((f) => f.fault === fault);
  return (
    <div class="match-answer mix-answer fix-mix-answer">
      <fieldset class="choice-group fix-mix-diagnosis" disabled={locked}>
        <legend>Step 1: what is wrong with B?</legend>
        <p class="choice-hint muted">
          Tick every problem you hear (number keys tick them) and say which track where asked. A false alarm
          cancels a problem found.
        </p>
        <ul class="fix-mix-faults">
          {q.choices.map((fault, i) => {
            const claim = claimOf(fault);
            const real = planted(fault);
            const key = choiceKey(i);
            const mark = !locked
              ? null
              : real
                ? claim
                  ? real.track && claim.track !== real.track
                    ? `◐ there, on the ${q.tracks.find((t) => t.id === real.track)?.name.toLowerCase()}`
                    : '✓ there, and you heard it'
                  : `✗ missed: ${real.description}`
                : claim
                  ? '✗ not there (false alarm)'
                  : null;
            return (
              <li key={fault} class={`fix-mix-fault${claim ? ' is-checked' : ''}`}>
                <label>
                  <input type="checkbox" checked={!!claim} onChange={() => toggle(fault)} />{' '}
                  {key && (
                    <span class="choice-key muted" aria-hidden="true">
                      {key}
                    </span>
                  )}
                  {FAULT_LABELS[fault]}
                </label>
                {claim && TRACK_FAULTS.includes(fault) && (
                  <select
                    aria-label={`Which track? (${FAULT_LABELS[fault]})`}
                    value={claim.track ?? ''}
                    onChange={(e) => setTrack(fault, e.currentTarget.value as TrackId | '')}
                  >
                    <option value="">Which track?</option>
                    {q.tracks.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                )}
                {mark && <span class="fix-mix-mark">{mark}</span>}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <h3 class="fix-mix-step">Step 2: put it right on the desk</h3>
      <p class="muted answer-hint">
        B follows the desk. Undo what is wrong and leave the rest: making a good track worse costs.
        {q.choices.includes('production') ? ' A production problem cannot be fixed here; just name it.' : ''}
      </p>
      <MixDesk
        tracks={q.tracks}
        dimensions={q.dimensions}
        start={q.start}
        mix={tracks}
        locked={locked}
        onChange={(next) => onChange({ faults: claims, tracks: next })}
      />
    </div>
  );
}
