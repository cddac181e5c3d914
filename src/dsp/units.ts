/** Units used across Headroom, as type aliases so signatures say what a number means. */

/** A level or gain change in decibels. */
export type Decibels = number;
/** A linear amplitude factor (1 = unity). */
export type Gain = number;
/** A frequency in hertz. */
export type Hz = number;
/** A time in seconds. */
export type Seconds = number;
/** A time in milliseconds. */
export type Milliseconds = number;
/** Loudness in LUFS (loudness units relative to full scale). */
export type Lufs = number;
/** A stereo position from -1 (hard left) through 0 (centre) to 1 (hard right). */
export type Pan = number;
/** A sample rate in hertz. */
export type SampleRate = number;
/** One channel of audio samples, nominally in [-1, 1]. */
export type Samples = Float32Array;
