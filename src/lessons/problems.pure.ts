/** Mistakes found in lesson files: where they are and what is wrong, in words a teacher can act on. */

/** One mistake in a lesson file. */
export interface LessonProblem {
  /** The file, relative to the project (e.g. lessons/m05-eq.md). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, when known. */
  column?: number;
  reason: string;
}

/** `lessons/x.md:12:3: reason`, the form editors and terminals turn into a link. */
export function formatProblem(problem: LessonProblem): string {
  const at = problem.column === undefined ? `${problem.line}` : `${problem.line}:${problem.column}`;
  return `${problem.file}:${at}: ${problem.reason}`;
}

/** Thrown by the loader when any lesson has a mistake; the message lists every one. */
export class LessonError extends Error {
  constructor(readonly problems: readonly LessonProblem[]) {
    const n = problems.length;
    super(
      `${n} mistake${n === 1 ? '' : 's'} in the lessons:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
    this.name = 'LessonError';
  }
}

/** Collects problems for one file. */
export class ProblemList {
  readonly items: LessonProblem[] = [];
  constructor(readonly file: string) {}
  /** Records a mistake at a line (and column). */
  add(line: number, reason: string, column?: number): void {
    this.items.push(
      column === undefined ? { file: this.file, line, reason } : { file: this.file, line, column, reason },
    );
  }
}
