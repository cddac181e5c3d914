/** Why a file (or a set of files) cannot be imported: a code for programs, a sentence for people. */

/** The kinds of import failure, one clear message each. */
export type ImportProblemCode =
  | 'no-files'
  | 'too-many-tracks'
  | 'too-big'
  | 'too-much-audio'
  | 'not-audio'
  | 'corrupt'
  | 'unsupported-codec'
  | 'too-many-channels'
  | 'empty'
  | 'too-long'
  | 'silent'
  | 'storage';

/** One problem, naming the file it is about (empty for problems of the whole set). */
export interface ImportProblem {
  file: string;
  code: ImportProblemCode;
  message: string;
}

/** Builds a problem whose message starts with the file's name in quotes. */
export function fileProblem(file: string, code: ImportProblemCode, text: string): ImportProblem {
  return { file, code, message: `“${file}”: ${text}` };
}

/** Builds a problem about the whole set of files. */
export function setProblem(code: ImportProblemCode, message: string): ImportProblem {
  return { file: '', code, message };
}
