import { useEffect, useMemo } from 'preact/hooks';
import { describeSetting, describeSource } from '../../../lessons/describe.pure';
import type { ListenBlock as ListenData, ListenSetting } from '../../../lessons/schema';
import { createListenModel, type ListenModel } from '../../../state/lessons/listen-model';
import { currentAudioContext, prepareAudio } from '../../../state/shared/audio';
import { ListenControls } from './listen-controls';
import type { BlockProps } from './types';
import '../../drill/drill.css';
import './blocks.css';

/** True when a key press belongs to a text field or a slider rather than to the block's shortcuts. */
function ownedByControl(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  const tag = target?.tagName;
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA';
}

/** Keys inside the block: P (or Space off a button) plays and stops, A and B pick a side, X swaps, L loops. */
export function onListenKey(model: ListenModel, event: KeyboardEvent): void {
  if (event.ctrlKey || event.metaKey || event.altKey || ownedByControl(event)) return;
  const key = event.key.toLowerCase();
  const onButton = (event.target as HTMLElement | null)?.tagName === 'BUTTON';
  if (key === 'p' || (key === ' ' && !onButton)) void model.toggle();
  else if (key === 'a' || key === 'b') model.select(key);
  else if (key === 'x') model.swap();
  else if (key === 'l') model.setLooping(!(model.state.value?.looping ?? true));
  else return;
  // The block's keys are its own: an embedded drill's page-wide keys must not act on them too.
  event.preventDefault();
  event.stopPropagation();
}

function Side(props: {
  side: 'a' | 'b';
  label: string;
  setting: ListenSetting;
  selected: boolean;
  ready: boolean;
  /** Hide what the side changes (a quiz asks the learner to hear it). */
  hideMoves: boolean;
  onSelect: () => void;
}) {
  const { side, label, setting, selected, ready, hideMoves, onSelect } = props;
  const moves = describeSetting(setting);
  return (
    // biome-ignore lint/a11y/useSemanticElements: two big labelled buttons acting as a two-way switch (keys A and B)
    <button
      type="button"
      role="radio"
      aria-checked={selected}
      aria-keyshortcuts={side.toUpperCase()}
      class={`listen-side${selected ? ' is-on' : ''}`}
      disabled={!ready}
      onClick={onSelect}
    >
      <span class="listen-side-head">
        <span class="listen-side-key" aria-hidden="true">
          {side.toUpperCase()}
        </span>
        {/* A quiz labels its sides plain "A" and "B": the key already shows the letter. */}
        <span class={label === side.toUpperCase() ? 'visually-hidden' : 'ab-label'}>{label}</span>
      </span>
      <span class="ab-moves">
        {hideMoves ? 'Listen' : moves.length === 0 ? 'As it is: no change' : moves.join(' · ')}
      </span>
    </button>
  );
}

/** Creates a block's listen model and prepares it at once (and disposes of it when the block goes). */
export function useListenModel(block: ListenData) {
  const model = useMemo(() => createListenModel(block), [block]);
  useEffect(() => {
    void prepareAudio();
    // Prepare at once (and measure the level match if audio already runs), so Play starts without a wait.
    void model.load().then(() => {
      const ctx = currentAudioContext();
      if (ctx) void model.attach(ctx);
    });
    return () => model.dispose();
  }, [model]);
  return model;
}

/** The two big A and B buttons of a listening example (`hideMoves` keeps what each side changes a secret). */
export function ListenSides({ model, hideMoves = false }: { model: ListenModel; hideMoves?: boolean }) {
  const block = model.block;
  const state = model.state.value;
  const selected = model.selected.value;
  const ready = model.status.value === 'ready';
  return (
    <div class="listen-sides" role="radiogroup" aria-label="Compare A and B">
      {(['a', 'b'] as const).map((side) => (
        <Side
          key={side}
          side={side}
          label={side === 'a' ? block.aLabel : block.bLabel}
          setting={side === 'a' ? block.a : block.b}
          selected={selected === side}
          ready={ready}
          hideMoves={hideMoves}
          onSelect={() => {
            model.select(side);
            if (!state?.playing) void model.play();
          }}
        />
      ))}
    </div>
  );
}

/**
 * An A/B listening example: the block's material with setting A and setting B, playing in step and switched
 * with a short crossfade (click a side, or keys A, B, X), loudness-matched unless the lesson says otherwise.
 */
export function ListenBlock({ block }: BlockProps<ListenData>) {
  const model = useListenModel(block);
  const on = block.track
    ? block.solo
      ? `the ${block.track} alone`
      : `the whole song, with the changes on the ${block.track}`
    : 'the whole mix';
  return (
    <section
      class="block listen"
      aria-label={`Listening example${block.caption ? '' : ': A/B comparison'}`}
      onKeyDown={(e) => onListenKey(model, e)}
    >
      <header class="block-head">
        <h3 class="block-title">
          <span class="block-kind">Listen</span>
          {block.caption ? <span dangerouslySetInnerHTML={{ __html: block.caption }} /> : 'A/B comparison'}
        </h3>
        <p class="block-meta">
          {describeSource(block.source)}: {on}
        </p>
      </header>
      <ListenControls model={model} />
      <ListenSides model={model} />
      <p class="listen-keys muted">
        Keys: <kbd>P</kbd> play or stop, <kbd>A</kbd> and <kbd>B</kbd> switch, <kbd>X</kbd> swaps. The switch
        keeps your place in the loop.
      </p>
    </section>
  );
}
