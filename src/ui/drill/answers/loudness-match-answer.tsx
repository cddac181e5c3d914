import type { LoudnessMatchAnswer, LoudnessMatchQuestion } from '../../../exercises/loudness-match/meta';
import { formatSignedDb, linearScale } from '../../mixer/control-scale';
import { OffsetFader } from '../OffsetFader';
import type { AnswerViewProps } from './types';

/** B's fader: ±12 dB from where B starts (0), 0.5 dB steps (Shift: 0.1). */
const scale = linearScale(-12, 12, 0.5, 0.1, formatSignedDb);
const TICKS = [12, 6, 0, -6, -12];

/** loudness-match: one fader for B, live (B follows it while playing). */
export function LoudnessMatchAnswerView({
  question: q,
  answer,
  onChange,
  locked,
  keys,
}: AnswerViewProps<LoudnessMatchQuestion, LoudnessMatchAnswer>) {
  const value = typeof answer?.offsetDb === 'number' ? answer.offsetDb : 0;
  keys.current = null;
  const set = (db: number) => {
    if (!locked) onChange({ offsetDb: db });
  };
  return (
    <div class="match-answer">
      <div class="fader-row">
        <div class="fader-cell">
          <OffsetFader
            label="B fader"
            value={value}
            scale={scale}
            ticks={TICKS}
            height={160}
            onChange={set}
            onReset={() => set(0)}
          />
          <span class="fader-name">B</span>
        </div>
      </div>
      <p class="muted answer-hint">
        Switch between A and B while it plays and move B until neither sounds louder
        {q.tone ? ' (B sounds brighter or duller on purpose: match the loudness, not the tone)' : ''}. Tab to
        the fader and use the arrow keys (Shift for 0.1 dB).
      </p>
    </div>
  );
}
