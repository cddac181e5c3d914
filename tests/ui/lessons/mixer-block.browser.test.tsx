import { options, render, type VNode } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { MixerBlock, MixerControl, MixerStart } from '../../../src/lessons/schema';
import type { TrackId } from '../../../src/production/types';
import { createLessonMixer, type LessonMixer } from '../../../src/state/lessons/lesson-mixer';
import { mixer as mixPageModel } from '../../../src/state/mixer/mixer-model';
import { LessonMixerView } from '../../../src/ui/lessons/blocks/mixer-block';
import { fakeLoader, fakeSong } from '../../state/lessons/listen-fixtures';

let host: HTMLElement | null = null;
let made: LessonMixer | null = null;
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = null;
  made?.dispose();
  made = null;
});

async function mount(tracks: TrackId[], controls: MixerControl[], start: MixerStart) {
  const block: MixerBlock = {
    type: 'mixer',
    line: 1,
    id: 'mixer-test',
    source: { type: 'song', style: 'pop', seed: 3 },
    tracks,
    controls,
    start,
    caption: '',
  };
  const song = fakeSong(8000, ['kick', 'snare', 'bass', 'chords', 'vocal']);
  made = createLessonMixer(block, { loadSong: fakeLoader(song) });
  await made.load();
  host = document.createElement('div');
  document.body.append(host);
  render(<LessonMixerView mixer={made} />, host);
  return { host, mixer: made };
}

const sliders = (root: HTMLElement) =>
  [...root.querySelectorAll('[role=slider]')].map((el) => el.getAttribute('aria-label'));
const buttons = (root: HTMLElement) =>
  [...root.querySelectorAll('.console button')]
    .filter((el) => !el.closest('.meter'))
    .map((el) => el.getAttribute('aria-label') ?? el.textContent);

describe('mixer block', () => {
  it('shows only the listed tracks, in the block’s order, with only faders and pan, all faders down', async () => {
    const { host, mixer } = await mount(['vocal', 'kick', 'bass'], ['fader', 'pan'], 'down');
    const strips = [...host.querySelectorAll('.console-strips > .strip')].map((s) =>
      s.getAttribute('aria-label'),
    );
    expect(strips).toEqual(['Vocal channel', 'Kick channel', 'Bass channel']);
    expect(sliders(host)).toEqual([
      'Vocal pan',
      'Vocal fader',
      'Kick pan',
      'Kick fader',
      'Bass pan',
      'Bass fader',
    ]);
    // No inserts, sends, mute or solo: only what the lesson is about.
    expect(buttons(host)).toEqual([]);
    expect(host.querySelector('.lesson-mixer-panel')).toBeNull();
    expect(mixer.model.strips.value.map((s) => s.settings.value.faderDb)).toEqual([
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]);
    // Meters stay: reading levels is part of every task. The master shows its meter only.
    expect(host.querySelectorAll('.meter').length).toBe(4);
  });

  it('mute and solo only: buttons without faders; unity start puts every fader at 0 dB', async () => {
    const { host, mixer } = await mount(['bass', 'chords'], ['mute', 'solo'], 'unity');
    expect(sliders(host)).toEqual([]);
    expect(buttons(host)).toEqual(['Mute Bass', 'Solo Bass', 'Mute Chords', 'Solo Chords']);
    expect(mixer.model.strips.value.map((s) => s.settings.value.faderDb)).toEqual([0, 0]);
    (host.querySelector('[aria-label="Solo Chords"]') as HTMLButtonElement).click();
    expect(mixer.model.strips.value[1]!.settings.value.solo).toBe(true);
  });

  it('EQ and compressor open the selected strip’s panels; the rough start keeps the song’s balance', async () => {
    const { host, mixer } = await mount(['snare', 'vocal'], ['fader', 'eq', 'comp'], 'rough');
    expect(mixer.model.strips.value.map((s) => s.settings.value.faderDb)).toEqual([-5, -8]);
    expect(buttons(host)).toEqual([
      'Snare',
      'Snare EQ: open panel',
      'Snare Comp (compressor, off): open panel',
      'Vocal',
      'Vocal EQ: open panel',
      'Vocal Comp (compressor, off): open panel',
    ]);
    (
      host.querySelector('[aria-label="Vocal Comp (compressor, off): open panel"]') as HTMLButtonElement
    ).click();
    await expect
      .poll(() => host.querySelector('.lesson-mixer-panel-title')?.textContent)
      .toBe('Vocal: compressor');
    // Its own model: the Mix page's mixer is untouched.
    expect(mixPageModel.status.value).toBe('empty');
  });

  it('a fader move re-renders the fader, not the strip, its other controls or the open EQ panel', async () => {
    const { host, mixer } = await mount(['snare', 'vocal'], ['fader', 'pan', 'eq', 'comp'], 'rough');
    (host.querySelector('[aria-label="Snare EQ: open panel"]') as HTMLButtonElement).click();
    await expect.poll(() => host.querySelector('.eq-panel')).not.toBeNull();
    const renders = new Map<string, number>();
    const before = options.diffed;
    options.diffed = (vnode: VNode) => {
      const name = typeof vnode.type === 'function' ? vnode.type.name : '';
      if (name) renders.set(name, (renders.get(name) ?? 0) + 1);
      before?.(vnode);
    };
    try {
      mixer.model.setFader(0, -3);
      await expect
        .poll(() => host.querySelector('[aria-label="Snare fader"]')?.getAttribute('aria-valuenow'))
        .toBe('-3');
      expect(renders.get('FaderMeter')).toBe(1);
      for (const part of [
        'ChannelStripView',
        'StripPan',
        'EqInsertButton',
        'EqPanel',
        'EqGraph',
        'LessonMixerView',
      ])
        expect(renders.get(part) ?? 0, part).toBe(0);
      // A change the panel shows still reaches it.
      renders.clear();
      mixer.model.setEqBand(0, 1, { gainDb: 4 });
      await expect.poll(() => renders.get('EqPanel') ?? 0).toBe(1);
      expect(renders.get('FaderMeter') ?? 0).toBe(0);
    } finally {
      options.diffed = before;
    }
  });
});
