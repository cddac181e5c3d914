import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { LessonSummary } from '../../../src/lessons/schema';
import { ListenBlock } from '../../../src/ui/lessons/blocks/listen-block';
import { listenBlock } from '../../state/lessons/listen-fixtures';

let host: HTMLElement | null = null;
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = null;
});

function mount(node: preact.ComponentChild): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(node, host);
  return host;
}
const lesson = { id: 'eq-basics' } as LessonSummary;

describe('listen block', () => {
  it('says what A and B are, and switches sides with the keys A, B and X inside the block', async () => {
    const block = listenBlock('flat', 'hpf 90, bell 3k +6, comp thr=-20 ratio=3', {
      aLabel: 'Untouched',
      bLabel: 'First moves',
    });
    const root = mount(<ListenBlock block={block} lesson={lesson} />);
    const sides = () => [...root.querySelectorAll('.listen-side')];
    expect(sides().map((s) => s.textContent)).toEqual([
      'AUntouchedAs it is: no change',
      'BFirst moveshigh-pass at 90 Hz · EQ bell at 3 kHz, +6 dB · compressor: threshold -20 dB, ratio 3:1, attack 10 ms, release 120 ms',
    ]);
    expect(root.querySelector('.player-match')?.textContent).toBe(
      'Level match on: A and B will play equally loud.',
    );
    // Pink noise is ready at once; the sides become buttons.
    await expect.poll(() => sides()[1]?.hasAttribute('disabled')).toBe(false);
    const checked = () => sides().map((s) => s.getAttribute('aria-checked'));
    expect(checked()).toEqual(['true', 'false']);
    const key = (k: string) =>
      root
        .querySelector('.listen-side')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    key('b');
    await expect.poll(checked).toEqual(['false', 'true']);
    key('x');
    await expect.poll(checked).toEqual(['true', 'false']);
  });

  it('tells when an example is not level-matched, and offers no switch for it', () => {
    const root = mount(
      <ListenBlock block={listenBlock('flat', 'gain -10', { matched: false })} lesson={lesson} />,
    );
    expect(root.querySelector('.player-match')?.textContent).toBe(
      'Not level-matched: the level difference is the point of this example.',
    );
    expect(root.querySelector('.listen-match-toggle')).toBeNull();
  });
});
