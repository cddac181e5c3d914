import { AudioWorkletNode, type IAudioWorkletNode } from 'standardized-audio-context';
import type { CompressorSettings } from '../dsp/compressor';
import type { Decibels, Seconds } from '../dsp/units';
import type { AnyContext } from './types';
import {
  COMPRESSOR_BANK_SLOTS,
  COMPRESSOR_PROCESSOR,
  type CompressorBankCommand,
  type CompressorBankReport,
} from './worklet-names';

/**
 * The main thread's side of the compressor bank (worklet-compressor.ts): one AudioWorkletNode serves up
 * to COMPRESSOR_BANK_SLOTS compressors of a context, each on its own input and output. A compressor claims
 * a free slot (a full bank gets a new bank beside it), sends its settings by message, and frees the slot
 * when disposed. Messages reach the processor in order, before any later render quantum of an offline
 * render that starts after them.
 */
export class CompressorBank {
  /** The bank's node: input k is what slot k measures, output k its gain. */
  readonly node: IAudioWorkletNode<AnyContext>;
  /**
   * Resolves once the processor listens (or after READY_WAIT_MS, whichever first). A message sent before
   * then may reach it only after an offline render that starts meanwhile; once it has resolved, messages
   * arrive before any render started later.
   */
  readonly ready: Promise<void>;
  private readonly free: number[];
  private readonly reductions = new Float32Array(COMPRESSOR_BANK_SLOTS);

  private constructor(ctx: AnyContext) {
    if (!AudioWorkletNode) throw new Error('This browser has no AudioWorklet: the mixing engine cannot run.');
    this.node = new AudioWorkletNode(ctx, COMPRESSOR_PROCESSOR, {
      numberOfInputs: COMPRESSOR_BANK_SLOTS,
      numberOfOutputs: COMPRESSOR_BANK_SLOTS,
      outputChannelCount: new Array(COMPRESSOR_BANK_SLOTS).fill(1),
      channelCount: 2,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
      // Offline, the processor posts few meter reports (and the last window's at the end).
      ...('startRendering' in ctx ? { processorOptions: { endFrame: ctx.length } } : {}),
    });
    this.free = Array.from({ length: COMPRESSOR_BANK_SLOTS }, (_, k) => k);
    let listening: () => void = () => undefined;
    this.ready = new Promise<void>((resolve) => {
      listening = resolve;
      setTimeout(resolve, READY_WAIT_MS);
    });
    this.node.port.onmessage = (event: MessageEvent<CompressorBankReport>) => {
      if (event.data?.type === 'ready') listening();
      else if (event.data?.type === 'bank-reduction')
        this.reductions.set(event.data.db.slice(0, COMPRESSOR_BANK_SLOTS));
    };
  }

  /**
   * Makes sure `ctx` has a bank with a free slot and waits until every bank of `ctx` listens, so settings
   * sent from now on reach the processor before an offline render started later. The strip and compressor
   * factories call it; a compressor made synchronously afterwards finds a listening bank.
   */
  static async prepare(ctx: AnyContext): Promise<void> {
    const list = banksOf(ctx);
    if (!list.some((b) => b.free.length > 0)) list.push(new CompressorBank(ctx));
    await Promise.all(list.map((b) => b.ready));
  }

  /** A free slot on one of `ctx`'s banks (made when all are full), claimed with `settings`. */
  static claim(ctx: AnyContext, settings: CompressorSettings): { bank: CompressorBank; slot: number } {
    const list = banksOf(ctx);
    let bank = list.find((b) => b.free.length > 0);
    if (!bank) {
      bank = new CompressorBank(ctx);
      list.push(bank);
    }
    const slot = bank.free.shift() as number;
    bank.reductions[slot] = 0;
    bank.send({ type: 'claim', slot, settings: { ...settings } });
    return { bank, slot };
  }

  /** Moves one setting of `slot` from time `at`, as rampParam would move an AudioParam. */
  set(slot: number, name: keyof CompressorSettings, value: number, at: Seconds): void {
    this.send({ type: 'set', slot, name, value, at });
  }

  /** The slot's latest reported gain reduction (≤ 0 dB). */
  reduction(slot: number): Decibels {
    return this.reductions[slot] as number;
  }

  /** Frees `slot` (its compressor has disconnected from it). */
  release(slot: number): void {
    this.send({ type: 'release', slot });
    this.reductions[slot] = 0;
    this.free.push(slot);
  }

  private send(command: CompressorBankCommand): void {
    this.node.port.postMessage(command);
  }
}

/** Each context's banks. */
const BANKS = new WeakMap<AnyContext, CompressorBank[]>();

/** Longest wait for a bank's processor to say it listens (a context that never runs its worklet). */
const READY_WAIT_MS = 1000;

function banksOf(ctx: AnyContext): CompressorBank[] {
  let list = BANKS.get(ctx);
  if (!list) {
    list = [];
    BANKS.set(ctx, list);
  }
  return list;
}
