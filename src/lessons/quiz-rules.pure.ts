/**
 * Rules that keep a quiz honest: test-taking tricks (pick the longest choice, the one with the most words,
 * the one that repeats the question, …) must not pass it, and no choice list gives the key away by its
 * shape. The lesson build and the tests use the same rules.
 */
import type { LessonProblem } from './problems.pure';
import type { Lesson, LessonTrack, QuizBlock, QuizQuestion } from './schema';

/** A way to answer without knowing anything. */
export type Trick =
  | 'longest'
  | 'most-words'
  | 'shortest'
  | 'not-longest'
  | 'middle-length'
  | 'absolute-words'
  | 'avoid-absolute-words'
  | 'question-words';

/** Every trick the rules try, with the words a message uses for it. */
export const TRICKS: Readonly<Record<Trick, string>> = {
  longest: 'pick the longest choice',
  'most-words': 'pick the choice with the most words',
  shortest: 'pick the shortest choice',
  'not-longest': 'never pick the longest choice',
  'middle-length': 'pick neither the longest nor the shortest choice',
  'absolute-words': 'pick the choice that says "all", "always", "never", "only"…',
  'avoid-absolute-words': 'never pick a choice that says "all", "always", "never", "only"…',
  'question-words': 'pick the choice that repeats the most words of the question',
};

/** A trick "passes" a quiz when it reaches the pass mark at least this often (0–1). */
export const TRICK_PASS_LIMIT = 0.5;

/** Across all lessons, the right choice may be the strictly longest in at most this share of questions. */
export const LONGEST_SHARE_LIMIT = 0.25;

/** The fewest choices a question may have. */
export const MIN_CHOICES = 3;

const ABSOLUTE = /\b(all|always|never|every|everything|nothing|none|only|must)\b/i;

const STOP_WORDS = new Set(
  'a an and are as at be because but by can do does for from has have how if in into is it its of on or so that the their them then there these they this to was what when where which while who why will with you your about than more most'.split(
    ' ',
  ),
);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The plain text of a bit of lesson HTML (tags dropped, entities decoded, spaces squeezed). */
export function plainOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const stem = (word: string) => word.replace(/(ing|es|s)$/, '');
const contentWords = (text: string) =>
  new Set(
    wordsOf(text)
      .filter((w) => w.length > 2 && !STOP_WORDS.has(w))
      .map(stem),
  );

/** Chance of the right answer when a trick leaves `picked` candidates equally likely (the order is shuffled). */
function chanceAmong(question: QuizQuestion, picked: readonly number[]): number {
  if (picked.length === 0) return 1 / question.choices.length;
  return picked.filter((i) => question.choices[i]?.correct).length / picked.length;
}

/** Indices of the choices not in `drop` (all of them when that would leave none). */
function without(question: QuizQuestion, drop: readonly number[]): number[] {
  const kept = question.choices.flatMap((_, i) => (drop.includes(i) ? [] : [i]));
  return kept.length > 0 ? kept : question.choices.map((_, i) => i);
}

/** Indices of the choices with the largest score. */
function best(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  return scores.flatMap((s, i) => (s === top ? [i] : []));
}

/** The chance that a trick answers one question right (ties broken at random, as shuffled choices are). */
export function trickChance(question: QuizQuestion, trick: Trick): number {
  const texts = question.choices.map((c) => plainOf(c.html));
  switch (trick) {
    case 'longest':
      return chanceAmong(question, best(texts.map((t) => t.length)));
    case 'shortest':
      return chanceAmong(question, best(texts.map((t) => -t.length)));
    case 'not-longest':
      return chanceAmong(question, without(question, best(texts.map((t) => t.length))));
    case 'middle-length': {
      const extremes = [...best(texts.map((t) => t.length)), ...best(texts.map((t) => -t.length))];
      return chanceAmong(question, without(question, extremes));
    }
    case 'most-words':
      return chanceAmong(question, best(texts.map((t) => wordsOf(t).length)));
    case 'absolute-words': {
      const with_ = texts.flatMap((t, i) => (ABSOLUTE.test(t) ? [i] : []));
      return chanceAmong(question, with_);
    }
    case 'avoid-absolute-words': {
      const without = texts.flatMap((t, i) => (ABSOLUTE.test(t) ? [] : [i]));
      return chanceAmong(question, without);
    }
    case 'question-words': {
      const asked = contentWords(plainOf(question.promptHtml));
      const shared = texts.map((t) => [...contentWords(t)].filter((w) => asked.has(w)).length);
      return chanceAmong(question, best(shared));
    }
  }
}

/** Whether `right` answers of `total` reach the pass mark (the quiz rounds the share to a whole percent). */
export function reachesPass(right: number, total: number, pass: number): boolean {
  return Math.round((100 * right) / Math.max(1, total)) >= pass;
}

/** The chance of reaching the pass mark when question i is answered right with chance `chances[i]`. */
export function passChance(chances: readonly number[], pass: number): number {
  // dist[r] = chance of exactly r right so far.
  let dist = [1];
  for (const p of chances) {
    const next = new Array<number>(dist.length + 1).fill(0);
    dist.forEach((d, r) => {
      next[r] = (next[r] ?? 0) + d * (1 - p);
      next[r + 1] = (next[r + 1] ?? 0) + d * p;
    });
    dist = next;
  }
  return dist.reduce((sum, d, r) => (reachesPass(r, chances.length, pass) ? sum + d : sum), 0);
}

/** The chance that a trick passes a quiz. */
export function trickPassChance(quiz: Pick<QuizBlock, 'questions' | 'pass'>, trick: Trick): number {
  return passChance(
    quiz.questions.map((q) => trickChance(q, trick)),
    quiz.pass,
  );
}

/** The chance that guessing at random passes a quiz (the floor no rule can push below). */
export function guessPassChance(quiz: Pick<QuizBlock, 'questions' | 'pass'>): number {
  return passChance(
    quiz.questions.map((q) => 1 / Math.max(1, q.choices.length)),
    quiz.pass,
  );
}

/** True when the right choice is strictly longer (in characters) than every wrong one. */
export function keyIsLongest(question: QuizQuestion): boolean {
  const key = question.choices.find((c) => c.correct);
  if (!key) return false;
  const length = plainOf(key.html).length;
  return question.choices.every((c) => c === key || plainOf(c.html).length < length);
}

/** How many questions of a quiz may have the key as the strictly longest choice. */
export function longestAllowed(questions: number): number {
  return Math.max(1, Math.floor(questions / 3));
}

const percent = (p: number) => `${Math.round(100 * p)} %`;

/**
 * Mistakes of one quiz: too few or repeated choices, a key given away by its length, a trick that passes,
 * and (in a mixing lesson) no listening question. Lines are the lesson file's.
 */
export function checkQuiz(quiz: QuizBlock, track: LessonTrack, file: string): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const add = (line: number, reason: string) => problems.push({ file, line, reason: `:::quiz: ${reason}` });
  for (const q of quiz.questions) {
    if (q.choices.length < MIN_CHOICES)
      add(
        q.line,
        `a question needs at least ${MIN_CHOICES} choices (this one has ${q.choices.length}), so a guess is not a coin toss`,
      );
    const seen = new Set<string>();
    for (const c of q.choices) {
      const text = plainOf(c.html).toLowerCase();
      if (seen.has(text)) add(q.line, `the choice "${plainOf(c.html)}" appears twice in this question`);
      seen.add(text);
    }
  }
  const longest = quiz.questions.filter(keyIsLongest);
  const allowed = longestAllowed(quiz.questions.length);
  if (longest.length > allowed)
    add(
      quiz.line,
      `the right choice is the longest in ${longest.length} of ${quiz.questions.length} questions (lines ${longest.map((q) => q.line).join(', ')}); at most ${allowed} may be, so length does not give the answer away`,
    );
  for (const trick of Object.keys(TRICKS) as Trick[]) {
    const chance = trickPassChance(quiz, trick);
    if (chance >= TRICK_PASS_LIMIT)
      add(
        quiz.line,
        `the trick "${TRICKS[trick]}" passes this quiz ${percent(chance)} of the time (it must stay under ${percent(TRICK_PASS_LIMIT)}): reword the choices so the right one does not stand out`,
      );
  }
  if (track === 'mixing' && !quiz.questions.some((q) => q.listen))
    add(
      quiz.line,
      'a mixing lesson\'s quiz needs at least one listening question (a "::listen" line above the choices)',
    );
  return problems;
}

/** Every quiz of a set of lessons, with its lesson. */
function quizzesOf(lessons: readonly Lesson[]): { lesson: Lesson; quiz: QuizBlock }[] {
  return lessons.flatMap((lesson) =>
    lesson.steps.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'quiz' ? [{ lesson, quiz: b }] : [])),
  );
}

/**
 * Mistakes across all lessons: the key is the strictly longest choice in more than
 * `LONGEST_SHARE_LIMIT` of all questions (reported at each such question).
 */
export function checkQuizzesTogether(lessons: readonly Lesson[]): LessonProblem[] {
  const all = quizzesOf(lessons).flatMap(({ lesson, quiz }) =>
    quiz.questions.map((q) => ({ file: lesson.file, q })),
  );
  const longest = all.filter(({ q }) => keyIsLongest(q));
  const allowed = Math.floor(LONGEST_SHARE_LIMIT * all.length);
  if (longest.length <= allowed) return [];
  return longest.map(({ file, q }) => ({
    file,
    line: q.line,
    reason: `:::quiz: across all lessons the right choice is the longest in ${longest.length} of ${all.length} questions (at most ${allowed}); make it shorter here, or a wrong choice longer`,
  }));
}
