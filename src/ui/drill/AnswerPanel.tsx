import type { CompMatchAnswer, CompMatchQuestion } from '../../exercises/comp-match/meta';
import type { CompSpotAnswer, CompSpotQuestion } from '../../exercises/comp-spot/meta';
import type { DelayTimeAnswer, DelayTimeQuestion } from '../../exercises/delay-time/meta';
import type { EqBoostAnswer, EqBoostQuestion } from '../../exercises/eq-boost/meta';
import type { EqMatchAnswer, EqMatchQuestion } from '../../exercises/eq-match/meta';
import type { EqTwoBandsAnswer, EqTwoBandsQuestion } from '../../exercises/eq-two-bands/meta';
import type { FaderBalanceAnswer, FaderBalanceQuestion } from '../../exercises/fader-balance/meta';
import type { FiltersAnswer, FiltersQuestion } from '../../exercises/filters/meta';
import type { FixMixAnswer, FixMixQuestion } from '../../exercises/fix-mix/meta';
import type { LevelChangeAnswer, LevelChangeQuestion } from '../../exercises/level-change/meta';
import type { LoudnessAnswer, LoudnessQuestion } from '../../exercises/loudness/meta';
import type { LoudnessMatchAnswer, LoudnessMatchQuestion } from '../../exercises/loudness-match/meta';
import type { MixMatchAnswer, MixMatchQuestion } from '../../exercises/mix-match/meta';
import type { PanPositionAnswer, PanPositionQuestion } from '../../exercises/pan-position/meta';
import type { ProdOrMixAnswer, ProdOrMixQuestion } from '../../exercises/prod-or-mix/meta';
import type { ExerciseQuestion } from '../../exercises/registry';
import type { ResonanceAnswer, ResonanceQuestion } from '../../exercises/resonance/meta';
import type { ReverbTimeAnswer, ReverbTimeQuestion } from '../../exercises/reverb-time/meta';
import type { ReverbTypeAnswer, ReverbTypeQuestion } from '../../exercises/reverb-type/meta';
import type { SaturationAnswer, SaturationQuestion } from '../../exercises/saturation/meta';
import type { StereoWidthAnswer, StereoWidthQuestion } from '../../exercises/stereo-width/meta';
import {
  CompSpotAnswerView,
  DelayTimeAnswerView,
  EqBoostAnswerView,
  LevelChangeAnswerView,
  PanPositionAnswerView,
  ProdOrMixAnswerView,
  ReverbTimeAnswerView,
} from './answers/choice-answers';
import { EqTwoBandsAnswerView } from './answers/eq-two-bands-answer';
import { FixMixAnswerView } from './answers/fix-mix-answer';
import { LoudnessAnswerView } from './answers/loudness-answer';
import { LoudnessMatchAnswerView } from './answers/loudness-match-answer';
import { CompMatchAnswerView, EqMatchAnswerView, FaderBalanceAnswerView } from './answers/match-answers';
import { MixMatchAnswerView } from './answers/mix-answer';
import { ResonanceAnswerView } from './answers/resonance-answer';
import type { AnswerViewProps } from './answers/types';
import {
  FiltersAnswerView,
  ReverbTypeAnswerView,
  SaturationAnswerView,
  StereoWidthAnswerView,
} from './answers/width-answer';

/** Each view reads its own kind's question and answer; the drill keeps them as plain data. */
function cast<Q, A>(props: AnswerViewProps<ExerciseQuestion, unknown>): AnswerViewProps<Q, A> {
  return props as unknown as AnswerViewProps<Q, A>;
}

/** The answer controls for any kind: picks the view by the question's kind. */
export function AnswerPanel(props: AnswerViewProps<ExerciseQuestion, unknown>) {
  switch (props.question.kind) {
    case 'eq-boost':
      return <EqBoostAnswerView {...cast<EqBoostQuestion, EqBoostAnswer>(props)} />;
    case 'eq-match':
      return <EqMatchAnswerView {...cast<EqMatchQuestion, EqMatchAnswer>(props)} />;
    case 'comp-match':
      return <CompMatchAnswerView {...cast<CompMatchQuestion, CompMatchAnswer>(props)} />;
    case 'comp-spot':
      return <CompSpotAnswerView {...cast<CompSpotQuestion, CompSpotAnswer>(props)} />;
    case 'fader-balance':
      return <FaderBalanceAnswerView {...cast<FaderBalanceQuestion, FaderBalanceAnswer>(props)} />;
    case 'level-change':
      return <LevelChangeAnswerView {...cast<LevelChangeQuestion, LevelChangeAnswer>(props)} />;
    case 'pan-position':
      return <PanPositionAnswerView {...cast<PanPositionQuestion, PanPositionAnswer>(props)} />;
    case 'reverb-time':
      return <ReverbTimeAnswerView {...cast<ReverbTimeQuestion, ReverbTimeAnswer>(props)} />;
    case 'delay-time':
      return <DelayTimeAnswerView {...cast<DelayTimeQuestion, DelayTimeAnswer>(props)} />;
    case 'prod-or-mix':
      return <ProdOrMixAnswerView {...cast<ProdOrMixQuestion, ProdOrMixAnswer>(props)} />;
    case 'mix-match':
      return <MixMatchAnswerView {...cast<MixMatchQuestion, MixMatchAnswer>(props)} />;
    case 'fix-mix':
      return <FixMixAnswerView {...cast<FixMixQuestion, FixMixAnswer>(props)} />;
    case 'stereo-width':
      return <StereoWidthAnswerView {...cast<StereoWidthQuestion, StereoWidthAnswer>(props)} />;
    case 'filters':
      return <FiltersAnswerView {...cast<FiltersQuestion, FiltersAnswer>(props)} />;
    case 'saturation':
      return <SaturationAnswerView {...cast<SaturationQuestion, SaturationAnswer>(props)} />;
    case 'reverb-type':
      return <ReverbTypeAnswerView {...cast<ReverbTypeQuestion, ReverbTypeAnswer>(props)} />;
    case 'loudness':
      return <LoudnessAnswerView {...cast<LoudnessQuestion, LoudnessAnswer>(props)} />;
    case 'eq-two-bands':
      return <EqTwoBandsAnswerView {...cast<EqTwoBandsQuestion, EqTwoBandsAnswer>(props)} />;
    case 'resonance':
      return <ResonanceAnswerView {...cast<ResonanceQuestion, ResonanceAnswer>(props)} />;
    case 'loudness-match':
      return <LoudnessMatchAnswerView {...cast<LoudnessMatchQuestion, LoudnessMatchAnswer>(props)} />;
  }
}
