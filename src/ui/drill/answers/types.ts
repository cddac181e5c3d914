/** What every answer view gets from the drill view. */
export interface AnswerViewProps<Q, A> {
  question: Q;
  /** The working answer (null until a choice kind has one). */
  answer: A | null;
  onChange: (answer: A) => void;
  /** True once answered: controls stay visible but cannot change. */
  locked: boolean;
  /** After answering: the ideal answer, to mark the right choices. */
  right?: A;
  /** The view puts its key handler here (number keys, + and −); it returns true when it used the key. */
  keys: { current: ((key: string) => boolean) | null };
}

/** Index for a number key: "1" … "9" → 0 … 8, "0" → 9, anything else → −1. */
export function digitIndex(key: string): number {
  if (key === '0') return 9;
  return /^[1-9]$/.test(key) ? Number(key) - 1 : -1;
}
