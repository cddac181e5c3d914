import { AudioWorkletNode, type IAudioParam, type IAudioWorkletNode } from 'standardized-audio-context';
import type { CompressorSettings } from '../dsp/compressor';
import type { Decibels, Seconds } from '../dsp/units';
import { rampParam } from './strip-ramp';
import type { AnyContext } from './types';
import {
  bankParamName,
  COMPRESSOR_BANK_PROCESSOR,
  COMPRESSOR_BANK_SLOTS,
  type CompressorBankReport,
  claimValue,
} from './worklet-names';

/**
 * The main thread's side of the compressor bank (worklet-compressor-bank.ts): one AudioWorkletNode serves
 * up to COMPRESSOR_BANK_SLOTS compressors of a context, each on its own input and output. A compressor
 * claims a free slot (a full bank gets a new bank beside it), and its settings are that slot's AudioParams,
 * moved with rampParam like any other: no message carries anything that changes the sound (an offline
 * render can start before a message arrives, and then a slot would stay silent).
 */
export class CompressorBank {
  /** The bank's node: input k is what slot k measures, output k its gain. */
  readonly node: IAudioWorkletNode<AnyContext>;
  private readonly free: number[];
  private readonly reductions = new Float32Array(COMPRESSOR_BANK_SLOTS);
  /** Params that have had automation events (a glide, or a jump that had to cancel one). */
  private readonly scheduled = new Set<string>();

  private constructor(private readonly ctx: AnyContext) {
    if (!AudioWorkletNode) throw new Error('This browser has no AudioWorklet: the mixing engine cannot run.');
    this.node = new AudioWorkletNode(ctx, COMPRESSOR_BANK_PROCESSOR, {
      numberOfInputs: COMPRESSOR_BANK_SLOTS,
      numberOfOutputs: COMPRESSOR_BANK_SLOTS,
      outputChannelCount: new Array(COMPRESSOR_BANK_SLOTS).fill(1),
      // A mono strip is measured on its one channel (an up-mix to two would double the peak search and
      // give the same peaks); a stereo one on both; anything wider is down-mixed to two as before.
      channelCount: 2,
      channelCountMode: 'clamped-max',
      channelInterpretation: 'speakers',
      // Offline, the processor posts few meter reports (and the last window's at the end).
      ...('startRendering' in ctx ? { processorOptions: { endFrame: ctx.length } } : {}),
    });
    this.free = Array.from({ length: COMPRESSOR_BANK_SLOTS }, (_, k) => k);
    this.node.port.onmessage = (event: MessageEvent<CompressorBankReport>) => {
      if (event.data?.type === 'bank-reduction')
        this.reductions.set(event.data.db.slice(0, COMPRESSOR_BANK_SLOTS));
    };
  }

  /**
   * Takes a free slot on one of `ctx`'s banks (a new bank when all are full) and sets it to `settings` now.
   * With `follows` (the slot of a compressor this one replaces, e.g. when a strip's tone path is rebuilt
   * around it), a free slot of the same bank is taken if there is one and its detector starts from that
   * slot's gain reduction instead of from none, so the new path fades in already compressing.
   */
  static claim(
    ctx: AnyContext,
    settings: CompressorSettings,
    follows?: { bank: CompressorBank; slot: number },
  ): { bank: CompressorBank; slot: number } {
    const list = banksOf(ctx);
    const seeded = follows !== undefined && follows.bank.free.length > 0;
    let bank = seeded ? follows.bank : list.find((b) => b.free.length > 0);
    if (!bank) {
      bank = new CompressorBank(ctx);
      list.push(bank);
    }
    const slot = bank.free.shift() as number;
    bank.reductions[slot] = 0;
    for (const name of SETTING_NAMES) bank.jump(slot, name, settings[name]);
    nextClaim = (nextClaim % CLAIM_WRAP) + 1;
    bank.jump(slot, 'claim', claimValue(nextClaim, seeded ? follows.slot : undefined));
    return { bank, slot };
  }

  /** Moves one setting of `slot` from time `at` (a ~10 ms glide, as every strip param moves). */
  set(slot: number, name: keyof CompressorSettings, value: number, at: Seconds): void {
    this.scheduled.add(bankParamName(slot, name));
    rampParam(this.param(slot, name), value, at);
  }

  /** The slot's latest reported gain reduction (≤ 0 dB). */
  reduction(slot: number): Decibels {
    return this.reductions[slot] as number;
  }

  /** Frees `slot` (its compressor has disconnected from it): its output falls silent and its work stops. */
  release(slot: number): void {
    this.jump(slot, 'claim', 0);
    this.reductions[slot] = 0;
    this.free.push(slot);
  }

  /**
   * Sets a slot's param to `value` from now, dropping any glide still planned. A param that never had an
   * automation event just takes the value: the browser then hands the processor a plain value each quantum,
   * where a param with an event (even one long past) costs it a timeline evaluation per quantum (measured:
   * 56 params with one event each cost ~100 ms more CPU per 20 s offline render than the same params set
   * this way).
   */
  private jump(slot: number, name: string, value: number): void {
    const param = this.param(slot, name);
    const key = bankParamName(slot, name);
    if (!this.scheduled.has(key)) {
      param.value = value;
      return;
    }
    const now = this.ctx.currentTime;
    param.cancelScheduledValues(now);
    param.setValueAtTime(value, now);
  }

  private param(slot: number, name: string): IAudioParam {
    const param = this.node.parameters.get(bankParamName(slot, name));
    if (!param) throw new Error(`The compressor bank has no parameter ${bankParamName(slot, name)}.`);
    return param;
  }
}

const SETTING_NAMES = ['thresholdDb', 'ratio', 'kneeDb', 'attackMs', 'releaseMs', 'makeupDb'] as const;

/** The last claim's number (the processor starts a fresh detector when a slot's number changes). */
let nextClaim = 0;
/** Claim numbers count 1 … CLAIM_WRAP (exact in a float32 param with the seed below), then start again. */
const CLAIM_WRAP = 1 << 19;

/** Each context's banks. */
const BANKS = new WeakMap<AnyContext, CompressorBank[]>();

function banksOf(ctx: AnyContext): CompressorBank[] {
  let list = BANKS.get(ctx);
  if (!list) {
    list = [];
    BANKS.set(ctx, list);
  }
  return list;
}
