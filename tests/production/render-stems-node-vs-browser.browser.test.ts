import { expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { generateSong } from '../../src/production/generate-song';
import { renderStemsSync } from '../../src/production/render-stems';
import type { StyleId } from '../../src/production/types';
import type { NodeStems } from './node-render-command';

declare module 'vitest/browser' {
  interface BrowserCommands {
    renderStemsInNode: (seed: number, style: string, bars: number, rate: number) => Promise<NodeStems>;
  }
}

function fromBase64(text: string): Float32Array {
  const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  return new Float32Array(bytes.buffer);
}

// Every student of a class hears the same song: our synthesis must not depend on the JavaScript engine.
for (const style of ['pop', 'hiphop'] as const satisfies readonly StyleId[]) {
  it(`renders ${style} stems in Chromium that match Node's within 1e-6`, async () => {
    const rate = 8000;
    const node = await commands.renderStemsInNode(11, style, 8, rate);
    const local = renderStemsSync(generateSong(11, style, { bars: 8 }), { sampleRate: rate });
    expect(local.tracks.map((t) => t.id)).toEqual(node.ids);
    for (const [i, track] of local.tracks.entries()) {
      const mine = track.channels[0] as Float32Array;
      const theirs = fromBase64(node.base64[i] as string);
      expect(mine.length, track.id).toBe(theirs.length);
      let worst = 0;
      let energy = 0;
      for (let n = 0; n < mine.length; n++) {
        worst = Math.max(worst, Math.abs((mine[n] as number) - (theirs[n] as number)));
        energy += (mine[n] as number) ** 2;
      }
      expect(energy, `${track.id} has sound`).toBeGreaterThan(0);
      expect(worst, track.id).toBeLessThanOrEqual(1e-6);
    }
  });
}
