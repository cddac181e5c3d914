import type {
  IAudioContext,
  IAudioNode,
  IAudioParam,
  IOfflineAudioContext,
} from 'standardized-audio-context';

/** A live or offline context from standardized-audio-context: every graph class takes one of these. */
export type AnyContext = IAudioContext | IOfflineAudioContext;

/** Any node of an engine graph. */
export type AnyNode = IAudioNode<AnyContext>;

/** An automatable parameter of an engine node. */
export type AnyParam = IAudioParam;

/** A recursive partial: every field, at any depth, may be left out (tuples patch by index). */
export type DeepPartial<T> = T extends readonly unknown[]
  ? { [K in keyof T]?: DeepPartial<T[K]> }
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;
