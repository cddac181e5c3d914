import { useComputed } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CONTROL_LABELS, describeSource } from '../../../lessons/describe.pure';
import type { MixerBlock as MixerData } from '../../../lessons/schema';
import { createLessonMixer, type LessonMixer } from '../../../state/lessons/lesson-mixer';
import { prepareAudio } from '../../../state/shared/audio';
import type { StripPanel } from '../../mixer/ChannelStripView';
import { CompressorPanel } from '../../mixer/CompressorPanel';
import { EqPanel } from '../../mixer/EqPanel';
import { LiveMeter } from '../../mixer/LiveMeter';
import { TransportBar } from '../../mixer/TransportBar';
import { LessonStrip } from './mixer-strip';
import type { BlockProps } from './types';
import '../../mixer/mixer.css';
import '../../mixer/mixer-console.css';
import '../../mixer/mixer-panels.css';
import './blocks.css';

const START_WORDS = {
  rough: 'starting from the rough mix',
  down: 'starting with every fader all the way down',
  unity: 'starting with every fader at 0 dB',
} as const;

/** Fader travel in a lesson (a little shorter than on the Mix page). */
const FADER_HEIGHT = 150;

/** P (or Space off a button or slider) plays and stops while focus is inside the mixer. */
function onMixerKey(mixer: LessonMixer, event: KeyboardEvent): void {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target as HTMLElement | null;
  const tag = target?.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target?.getAttribute('role') === 'slider')
    return;
  const play = event.key === 'p' || event.key === 'P' || (event.key === ' ' && tag !== 'BUTTON');
  if (!play) return;
  event.preventDefault();
  event.stopPropagation();
  void mixer.model.togglePlay();
}

/** The embedded console: transport, the block's strips with its controls, a master meter, and the panels. */
export function LessonMixerView({ mixer }: { mixer: LessonMixer }) {
  const { model, block } = mixer;
  const controls = useMemo(() => new Set(block.controls), [block]);
  const panels: StripPanel[] = [
    ...(controls.has('eq') ? (['eq'] as const) : []),
    ...(controls.has('comp') ? (['compressor'] as const) : []),
  ];
  const [panel, setPanel] = useState<StripPanel>(panels[0] ?? 'eq');
  const strips = model.strips.value;
  const status = model.status.value;
  const selected = strips[model.selected.value] ?? strips[0];
  // The selected strip's name alone: this page need not re-render when one of its controls moves.
  const selectedName = useComputed(
    () => (model.strips.value[model.selected.value] ?? model.strips.value[0])?.settings.value.name ?? '',
  ).value;
  if (status === 'failed')
    return (
      <p role="alert" class="error-text">
        {mixer.error.value ?? 'The mixer could not load.'}
      </p>
    );
  if (status !== 'ready')
    return (
      <p class="loading" aria-busy="true">
        Making the song…
      </p>
    );
  return (
    <div class="lesson-mixer">
      <div class="lesson-mixer-bar">
        <TransportBar model={model} />
        <button type="button" class="btn btn-ghost" onClick={() => void mixer.load()}>
          Start over
        </button>
      </div>
      <section class="console" aria-label="Mixer">
        <div class="console-strips">
          {strips.map((strip) => (
            <LessonStrip
              key={strip.index}
              strip={strip}
              model={model}
              controls={controls}
              selected={strip === selected}
              faderHeight={FADER_HEIGHT}
              onOpen={(which) => {
                model.select(strip.index);
                setPanel(which);
              }}
            />
          ))}
        </div>
        <section class="strip strip-master" aria-label="Master" style={{ '--strip-color': 'var(--accent)' }}>
          <div class="strip-name strip-name-master">Master</div>
          <div class="strip-fader">
            <LiveMeter
              label="Master level"
              meter={model.masterMeter}
              height={FADER_HEIGHT}
              onResetHold={model.clearPeaks}
            />
          </div>
        </section>
      </section>
      {selected && panels.length > 0 && (
        <section class="lesson-mixer-panel" aria-label={`${selectedName}: detail`}>
          {panels.length > 1 && (
            <div class="ab-switch" role="tablist" aria-label="Panel">
              {panels.map((p) => (
                <button
                  key={p}
                  type="button"
                  role="tab"
                  aria-selected={panel === p}
                  class={`ab-btn${panel === p ? ' is-on' : ''}`}
                  onClick={() => setPanel(p)}
                >
                  {p === 'eq' ? 'EQ' : 'Compressor'}
                </button>
              ))}
            </div>
          )}
          <h4 class="lesson-mixer-panel-title">
            {selectedName}: {panel === 'eq' ? 'EQ' : 'compressor'}
          </h4>
          {panel === 'eq' ? (
            <EqPanel strip={selected} model={model} />
          ) : (
            <CompressorPanel strip={selected} model={model} />
          )}
        </section>
      )}
    </div>
  );
}

/**
 * A hands-on mixer on the lesson's song with only the tracks and controls the lesson is about. It is its own
 * mixer: the Mix page keeps its mix. Practice, not graded: the drills and quizzes carry the pass marks.
 */
export function MixerBlock({ block, lesson }: BlockProps<MixerData>) {
  const mixer = useMemo(() => createLessonMixer(block, { lesson }), [block, lesson]);
  useEffect(() => {
    void prepareAudio();
    void mixer.load();
    mixer.model.startMeters();
    return () => mixer.dispose();
  }, [mixer]);
  return (
    <section class="block mixer" aria-label="Hands-on mixer" onKeyDown={(e) => onMixerKey(mixer, e)}>
      <header class="block-head">
        <h3 class="block-title">
          <span class="block-kind">Try it</span>
          {block.caption ? <span dangerouslySetInnerHTML={{ __html: block.caption }} /> : 'On the mixer'}
        </h3>
        <p class="block-meta">
          {describeSource(block.source)}, {START_WORDS[block.start]} · controls:{' '}
          {block.controls.map((c) => CONTROL_LABELS[c]).join(', ')}
        </p>
      </header>
      <LessonMixerView mixer={mixer} />
    </section>
  );
}
