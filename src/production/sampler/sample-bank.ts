/**
 * The loaded instrument bank (a trimmed SF2, see tools/instrument-bank.ts), and the one the renderer uses
 * by default. Installing it is explicit: the app's Worker and main thread install it once it has loaded
 * (after the first screen), Node tests install it from disk; without it every track is synthesised.
 */
import { type BasicSoundBank, SoundBankLoader } from 'spessasynth_core';
import { BANK_PATCHES } from './patches';

/** A parsed instrument bank, ready to render from. */
export interface SampleBank {
  /** The SoundFont as spessasynth_core holds it. */
  readonly soundBank: BasicSoundBank;
  /** Size of the file it was parsed from, in bytes. */
  readonly bytes: number;
}

/** Parses the bank's bytes; throws an Error naming what is missing when they are not a usable bank. */
export function parseSampleBank(bytes: ArrayBuffer | Uint8Array): SampleBank {
  const buffer =
    bytes instanceof Uint8Array
      ? (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
      : bytes;
  let soundBank: BasicSoundBank;
  try {
    soundBank = SoundBankLoader.fromArrayBuffer(buffer);
  } catch (error) {
    throw new Error(
      `The instrument bank could not be read: ${error instanceof Error ? error.message : error}`,
    );
  }
  for (const patch of BANK_PATCHES) {
    const found = soundBank.presets.some(
      (p) => p.program === patch.number && p.isGMGSDrum === (patch.kind === 'kit') && p.bankMSB === 0,
    );
    if (!found) throw new Error(`The instrument bank has no ${patch.name} (${patch.kind} ${patch.number})`);
  }
  return { soundBank, bytes: buffer.byteLength };
}

let installed: SampleBank | null = null;

/** Makes `bank` the one renderStems uses by default (null: synthesis only). */
export function installSampleBank(bank: SampleBank | null): void {
  installed = bank;
}

/** The bank renderStems uses by default, or null when none is installed. */
export function installedSampleBank(): SampleBank | null {
  return installed;
}
