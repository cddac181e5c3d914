import { describeSetting, describeSource, sourceId } from '../../../lessons/describe.pure';
import type { ListenBlock as ListenData, ListenSetting } from '../../../lessons/schema';
import type { BlockProps } from './types';

function Side({ label, setting }: { label: string; setting: ListenSetting }) {
  const moves = describeSetting(setting);
  return (
    <div class="ab-side">
      <p class="ab-label">{label}</p>
      <p class="ab-moves">{moves.length === 0 ? 'As it is: no change' : moves.join(' · ')}</p>
    </div>
  );
}

/**
 * An A/B listening example. Until the A/B player state exists (see the report: it needs a
 * `src/state/ab-listen.ts`), it shows exactly what A and B are and links to the Mix page with the song.
 */
export function ListenBlock({ block }: BlockProps<ListenData>) {
  const song = sourceId(block.source);
  const on = block.track
    ? `${block.solo ? 'the ' : 'the whole song, changes on the '}${block.track}${block.solo ? ' alone' : ''}`
    : 'the whole mix';
  const href = `/mix?song=${encodeURIComponent(song)}${block.track ? `&track=${block.track}` : ''}`;
  return (
    <section class="block listen" aria-label="Listening example">
      <header class="block-head">
        <h3 class="block-title">
          <span class="block-kind">Listen</span>
          {block.caption ? <span dangerouslySetInnerHTML={{ __html: block.caption }} /> : 'A/B comparison'}
        </h3>
        <p class="block-meta">
          {describeSource(block.source)}: {on}
          {block.matched
            ? ' · loudness-matched'
            : ' · not loudness-matched: the level difference is the point'}
        </p>
      </header>
      <div class="ab-pair">
        <Side label={block.aLabel} setting={block.a} />
        <Side label={block.bLabel} setting={block.b} />
      </div>
      <p class="block-foot">
        <a href={href}>Open this song on the Mix page</a> and set up A and B to hear the difference.
      </p>
    </section>
  );
}
