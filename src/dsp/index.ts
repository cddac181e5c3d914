/** The DSP core's public API: pure maths shared by the engine, its worklets, scoring and tests. */
export * from './bands';
export * from './biquad';
export * from './compressor';
export * from './db';
export * from './delay';
export * from './fft';
export * from './limiter';
export * from './loudness';
export * from './measure';
export * from './meters';
export * from './noise';
export * from './pan';
export * from './random';
export * from './reverb-ir';
export * from './units';
export * from './wav';
