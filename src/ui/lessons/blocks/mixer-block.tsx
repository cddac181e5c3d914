import { CONTROL_LABELS, describeSource, sourceId } from '../../../lessons/describe.pure';
import type { MixerBlock as MixerData } from '../../../lessons/schema';
import type { BlockProps } from './types';

const START_WORDS = {
  rough: 'from the rough mix',
  down: 'with every fader pulled all the way down',
  unity: 'with every fader at 0 dB',
} as const;

/**
 * A hands-on mixer with only some tracks and controls. Until the Mix page's model can be embedded (see the
 * report: it needs `src/state/mixer-model.ts` plus the strip components), it describes the task and links
 * to the Mix page with the song loaded.
 */
export function MixerBlock({ block }: BlockProps<MixerData>) {
  const href = `/mix?song=${encodeURIComponent(sourceId(block.source))}&tracks=${block.tracks.join(',')}&start=${block.start}`;
  return (
    <section class="block mixer" aria-label="Hands-on mixer">
      <header class="block-head">
        <h3 class="block-title">
          <span class="block-kind">Try it</span>
          {block.caption ? <span dangerouslySetInnerHTML={{ __html: block.caption }} /> : 'On the mixer'}
        </h3>
        <p class="block-meta">
          {describeSource(block.source)}, {START_WORDS[block.start]}
        </p>
      </header>
      <dl class="block-facts">
        <dt>Tracks</dt>
        <dd>{block.tracks.join(', ')}</dd>
        <dt>Controls</dt>
        <dd>{block.controls.map((c) => CONTROL_LABELS[c]).join(', ')}</dd>
      </dl>
      <p class="block-foot">
        <a href={href}>Open the mixer with this song</a>, do the task, then come back here.
      </p>
    </section>
  );
}
