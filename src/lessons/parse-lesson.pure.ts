/** Parses one lesson file into typed steps and blocks, collecting every mistake with its line. */
import type { Nodes, Parents, RootContent } from 'mdast';
import { CONTAINER_DIRECTIVES, LEAF_DIRECTIVES, readAside, readLeaf } from './blocks.pure';
import { readFrontMatter } from './front-matter.pure';
import { blocksToHtml, lineOf, parseMarkdown, plainText } from './markdown.pure';
import { type LessonProblem, ProblemList } from './problems.pure';
import { readQuiz } from './quiz.pure';
import { checkQuiz } from './quiz-rules.pure';
import { isGraded, type Lesson, type LessonBlock, type LessonStep, type LessonSummary } from './schema';

/** A parsed lesson plus what the cross-lesson checks need. */
export interface ParsedLesson {
  lesson: Lesson;
  /** File lines of front-matter fields (id, prerequisites, …). */
  lines: Record<string, number>;
  /** Links in the prose to other lessons (`/learn/<id>`). */
  lessonLinks: { id: string; line: number }[];
}

/** The result of parsing one file: the lesson (null when it has mistakes) and the mistakes. */
export interface ParseResult {
  parsed: ParsedLesson | null;
  problems: LessonProblem[];
}

const BLOCK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const INTRO_TITLE = 'Introduction';

/**
 * Checks nodes below the top level: literal colons come back as text ("4:1" parses as a text directive),
 * a real directive there is a mistake, and images and raw HTML are refused. Collects `/learn/` links.
 */
function checkNested(
  parent: Parents,
  source: string,
  problems: ProblemList,
  links: ParsedLesson['lessonLinks'],
): void {
  parent.children.forEach((child: Nodes, i: number) => {
    const line = lineOf(child);
    if (child.type === 'textDirective') {
      const start = child.position?.start.offset;
      const end = child.position?.end.offset;
      const raw = start === undefined || end === undefined ? null : source.slice(start, end);
      if (raw === `:${child.name}`) {
        (parent.children as Nodes[])[i] = { type: 'text', value: raw };
        return;
      }
      problems.add(
        line,
        `unknown directive ":${child.name}" inside text (to write a colon before a word, use "\\:")`,
      );
      return;
    }
    if (child.type === 'leafDirective' || child.type === 'containerDirective')
      problems.add(
        line,
        `"${child.type === 'leafDirective' ? '::' : ':::'}${child.name}" must stand on its own, not inside a list, quote or block`,
      );
    if (child.type === 'image' || child.type === 'imageReference')
      problems.add(
        line,
        'images are not supported in lessons yet: use ::diagram{name=...} or describe it in words',
      );
    if (child.type === 'html') problems.add(line, 'raw HTML is not allowed in lessons: use Markdown');
    if (child.type === 'link') {
      const m = /^\/learn\/([^/?#]+)/.exec(child.url);
      if (m?.[1]) links.push({ id: m[1], line });
    }
    if ('children' in child) checkNested(child, source, problems, links);
  });
}

/** Gives unnamed blocks stable ids and reports duplicates. */
function assignIds(steps: LessonStep[], problems: ProblemList): void {
  const seen = new Set<string>();
  const counters = new Map<string, number>();
  for (const step of steps)
    for (const block of step.blocks) {
      if (
        block.type !== 'listen' &&
        block.type !== 'mixer' &&
        block.type !== 'exercise' &&
        block.type !== 'quiz'
      )
        continue;
      if (block.id) {
        if (!BLOCK_ID.test(block.id))
          problems.add(block.line, `block id "${block.id}" must be lower-case words joined by hyphens`);
        if (seen.has(block.id))
          problems.add(block.line, `two blocks in this lesson have the id "${block.id}"`);
        seen.add(block.id);
        continue;
      }
      const base = block.type === 'exercise' ? `${block.kind}-${block.level}` : block.type;
      let n = counters.get(base) ?? 0;
      let id = '';
      do id = n++ === 0 && block.type === 'exercise' ? base : `${base}-${n}`;
      while (seen.has(id));
      counters.set(base, n);
      block.id = id;
      seen.add(id);
    }
}

function summarise(
  steps: LessonStep[],
): Pick<LessonSummary, 'stepTitles' | 'passMarks' | 'blockCounts' | 'drills'> {
  const passMarks: Record<string, number> = {};
  const blockCounts = { listen: 0, mixer: 0, exercise: 0, quiz: 0 };
  const drills: { kind: string; level: number }[] = [];
  for (const block of steps.flatMap((s) => s.blocks)) {
    if (isGraded(block)) passMarks[block.id] = block.pass;
    if (block.type in blockCounts) blockCounts[block.type as keyof typeof blockCounts]++;
    if (block.type === 'exercise') drills.push({ kind: block.kind, level: block.level });
  }
  return { stepTitles: steps.map((s) => s.title), passMarks, blockCounts, drills };
}

/** Parses a lesson file (`file` is only used in messages). Never throws on bad content. */
export function parseLesson(source: string, file: string): ParseResult {
  const problems = new ProblemList(file);
  const tree = parseMarkdown(source);
  const links: ParsedLesson['lessonLinks'] = [];
  const [first, ...body] = tree.children;
  if (first?.type !== 'yaml') {
    problems.add(1, 'a lesson starts with front matter between two "---" lines (id, title, track, …)');
    return { parsed: null, problems: problems.items };
  }
  const { front, lines } = readFrontMatter(first.value, lineOf(first) + 1, problems);

  const steps: LessonStep[] = [];
  let step: LessonStep | null = null;
  let prose: RootContent[] = [];
  const flush = () => {
    if (prose.length === 0) return;
    step ??= { title: INTRO_TITLE, blocks: [] };
    step.blocks.push({ type: 'prose', html: blocksToHtml(prose), line: lineOf(prose[0] ?? {}) });
    prose = [];
  };
  const push = (block: LessonBlock | null) => {
    flush();
    step ??= { title: INTRO_TITLE, blocks: [] };
    if (block) step.blocks.push(block);
  };
  const stepLines = new Map<LessonStep, number>();
  for (const node of body) {
    const line = lineOf(node);
    if (node.type === 'heading' && node.depth === 1) {
      problems.add(line, 'use "##" headings for steps: the lesson title comes from the front matter');
      continue;
    }
    if (node.type === 'heading' && node.depth === 2) {
      flush();
      if (step) steps.push(step);
      step = { title: plainText(node.children), blocks: [] };
      stepLines.set(step, line);
      if (!step.title) problems.add(line, 'a step heading is empty');
      continue;
    }
    if (node.type === 'leafDirective') {
      push(readLeaf(node, problems));
      continue;
    }
    if (node.type === 'containerDirective') {
      if (node.name === 'quiz') {
        // A quiz question may hold a `::listen` line of its own (read by readQuiz); other directives may not.
        const body = node.children.filter((c) => !(c.type === 'leafDirective' && c.name === 'listen'));
        checkNested({ ...node, children: body }, source, problems, links);
        push(readQuiz(node, problems));
      } else if (node.name === 'tip' || node.name === 'caution') {
        checkNested(node, source, problems, links);
        push(readAside(node, node.name, problems));
      } else
        problems.add(
          line,
          `unknown directive ":::${node.name}" (blocks: ${CONTAINER_DIRECTIVES.map((d) => `:::${d}`).join(', ')}; lines: ${LEAF_DIRECTIVES.map((d) => `::${d}`).join(', ')})`,
        );
      continue;
    }
    if (node.type === 'textDirective') {
      problems.add(line, `unknown directive ":${node.name}"`);
      continue;
    }
    if ('children' in node) checkNested(node, source, problems, links);
    if (node.type === 'html') problems.add(line, 'raw HTML is not allowed in lessons: use Markdown');
    prose.push(node);
  }
  flush();
  if (step) steps.push(step);
  for (const s of steps)
    if (s.blocks.length === 0) problems.add(stepLines.get(s) ?? 1, `step "${s.title}" is empty`);
  if (steps.length === 0) problems.add(lineOf(first), 'the lesson has no content after the front matter');
  assignIds(steps, problems);
  const graded = steps.flatMap((s) => s.blocks).filter(isGraded);
  if (graded.length === 0)
    problems.add(
      lineOf(first),
      'a lesson needs at least one ::exercise or :::quiz with a pass mark, so it can be completed',
    );

  // The rules that keep quizzes honest (quiz-rules.pure.ts) judge quizzes that read correctly.
  if (front && problems.items.length === 0)
    for (const block of steps.flatMap((s) => s.blocks))
      if (block.type === 'quiz') problems.items.push(...checkQuiz(block, front.track, file));

  if (!front || problems.items.length > 0) return { parsed: null, problems: problems.items };
  const lesson: Lesson = { ...front, file, ...summarise(steps), steps };
  return { parsed: { lesson, lines, lessonLinks: links }, problems: [] };
}
