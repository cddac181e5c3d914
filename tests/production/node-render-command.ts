import type { BrowserCommand } from 'vitest/node';

/** Stems of a song rendered by Node's JavaScript engine, as base64 float32 bytes per track. */
export interface NodeStems {
  ids: string[];
  base64: string[];
}

/**
 * A Vitest browser command: renders a song's stems in Node (through the test server's module loader), so a
 * browser test can compare Chromium's render of the same song with Node's.
 */
export const renderStemsInNode: BrowserCommand<
  [seed: number, style: string, bars: number, rate: number]
> = async (ctx, seed, style, bars, rate): Promise<NodeStems> => {
  const generate = await ctx.project.vite.ssrLoadModule('/src/production/generate-song.ts');
  const render = await ctx.project.vite.ssrLoadModule('/src/production/render-stems.ts');
  const song = generate.generateSong(seed, style, { bars });
  const stems = render.renderStemsSync(song, { sampleRate: rate });
  const tracks = stems.tracks as { id: string; channels: Float32Array[] }[];
  return {
    ids: tracks.map((t) => t.id),
    base64: tracks.map((t) => {
      const ch = t.channels[0] as Float32Array;
      return Buffer.from(ch.buffer, ch.byteOffset, ch.byteLength).toString('base64');
    }),
  };
};
