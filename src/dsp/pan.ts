import type { Gain, Pan } from './units';

/** Equal-power pan law: gains for a mono source at `pan` in [-1, 1] (centre is −3 dB each side). */
export function panGains(pan: Pan): [left: Gain, right: Gain] {
  const p = Math.max(-1, Math.min(1, pan));
  const angle = ((p + 1) * Math.PI) / 4;
  return [Math.cos(angle), Math.sin(angle)];
}

/** Formats a pan position for people: "C", "L 50", "R 100". */
export function formatPan(pan: Pan): string {
  const amount = Math.round(Math.abs(pan) * 100);
  if (amount === 0) return 'C';
  return `${pan < 0 ? 'L' : 'R'} ${amount}`;
}
