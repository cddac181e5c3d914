/**
 * Reads a `:::quiz` container: questions (prose, an optional `::listen` line, then a task list), one [x] per
 * question, an explanation per choice.
 */
import type { List, ListItem, PhrasingContent, RootContent } from 'mdast';
import { Attributes } from './attributes.pure';
import { readListen } from './blocks.pure';
import {
  blocksToHtml,
  type ContainerDirective,
  inlineToHtml,
  type LeafDirective,
  lineOf,
} from './markdown.pure';
import type { ProblemList } from './problems.pure';
import { DEFAULT_PASS, type ListenBlock, type QuizBlock, type QuizChoice, type QuizQuestion } from './schema';

/** Splits a paragraph's inline nodes at the first line break: [choice text, rest]. */
function splitFirstLine(nodes: readonly PhrasingContent[]): [PhrasingContent[], PhrasingContent[]] {
  const head: PhrasingContent[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as PhrasingContent;
    if (node.type === 'break') return [head, nodes.slice(i + 1)];
    if (node.type === 'text') {
      const at = node.value.indexOf('\n');
      if (at >= 0) {
        const before = node.value.slice(0, at);
        const after = node.value.slice(at + 1);
        if (before) head.push({ type: 'text', value: before });
        const rest = nodes.slice(i + 1);
        return [head, after ? [{ type: 'text', value: after }, ...rest] : rest];
      }
    }
    head.push(node);
  }
  return [head, []];
}

function readChoice(item: ListItem, problems: ProblemList): QuizChoice | null {
  const line = lineOf(item);
  if (item.checked === null || item.checked === undefined) {
    problems.add(line, ':::quiz: every choice starts with "[ ]" (wrong) or "[x]" (right)');
    return null;
  }
  const [first, ...more] = item.children;
  if (first?.type !== 'paragraph') {
    problems.add(line, ':::quiz: a choice needs its text on the same line as the [ ] or [x]');
    return null;
  }
  const [choice, rest] = splitFirstLine(first.children);
  const explanation: RootContent[] = [];
  if (rest.length > 0) explanation.push({ type: 'paragraph', children: rest });
  explanation.push(...more);
  if (choice.length === 0) problems.add(line, ':::quiz: a choice has no text');
  if (explanation.length === 0)
    problems.add(
      line,
      ':::quiz: every choice needs an explanation on the lines under it (why it is right or wrong)',
    );
  return { html: inlineToHtml(choice), correct: item.checked, explanationHtml: blocksToHtml(explanation) };
}

function readQuestion(
  prompt: RootContent[],
  list: List,
  listen: ListenBlock | null,
  problems: ProblemList,
): QuizQuestion {
  const line = lineOf(prompt[0] ?? list);
  const choices = list.children.map((item) => readChoice(item, problems)).filter((c) => c !== null);
  const right = choices.filter((c) => c.correct).length;
  if (choices.length < 2) problems.add(line, ':::quiz: a question needs at least two choices');
  if (right !== 1)
    problems.add(
      line,
      `:::quiz: a question needs exactly one correct choice marked [x], this one has ${right}`,
    );
  if (prompt.length === 0) problems.add(lineOf(list), ':::quiz: a choice list needs a question above it');
  const question: QuizQuestion = { promptHtml: blocksToHtml(prompt), choices, line };
  if (listen) question.listen = listen;
  return question;
}

/** Reads a listening question's `::listen` line (its sides are labelled plain A and B). */
function readQuizListen(
  node: LeafDirective,
  quizId: string,
  index: number,
  problems: ProblemList,
): ListenBlock {
  const block = readListen(node, lineOf(node), problems, inlineToHtml(node.children), true);
  block.id ||= `${quizId || 'quiz'}-listen-${index + 1}`;
  return block;
}

/** Builds a quiz block from its container directive. */
export function readQuiz(node: ContainerDirective, problems: ProblemList): QuizBlock {
  const line = lineOf(node);
  const attrs = new Attributes('quiz', node.attributes, line, problems, ['id', 'pass']);
  const id = attrs.required('id');
  const pass = attrs.int('pass', 0, 100, DEFAULT_PASS);
  const questions: QuizQuestion[] = [];
  let prompt: RootContent[] = [];
  let listen: ListenBlock | null = null;
  for (const child of node.children) {
    if (child.type === 'paragraph' && child.data?.directiveLabel) continue;
    if (child.type === 'leafDirective' && child.name === 'listen') {
      if (listen)
        problems.add(lineOf(child), ':::quiz: a question can have one ::listen line, and this one has two');
      listen = readQuizListen(child, id, questions.length, problems);
    } else if (child.type === 'list') {
      questions.push(readQuestion(prompt, child, listen, problems));
      prompt = [];
      listen = null;
    } else prompt.push(child);
  }
  if (listen)
    problems.add(listen.line, ':::quiz: a ::listen line needs a question and a list of choices under it');
  if (prompt.length > 0)
    problems.add(
      lineOf(prompt[0] ?? node),
      ':::quiz: text after the last choice list belongs to no question',
    );
  if (questions.length === 0)
    problems.add(line, ':::quiz: a quiz needs a question followed by a list of choices');
  return { type: 'quiz', id, pass, questions, line };
}
