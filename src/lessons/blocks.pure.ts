/** Turns `::listen`, `::mixer`, `::exercise`, `::diagram` and `:::tip`/`:::caution` into typed blocks. */
import type { RootContent } from 'mdast';
import { Attributes } from './attributes.pure';
import {
  blocksToHtml,
  type ContainerDirective,
  inlineToHtml,
  type LeafDirective,
  lineOf,
} from './markdown.pure';
import type { ProblemList } from './problems.pure';
import {
  type AsideBlock,
  type AsideKind,
  DEFAULT_PASS,
  DIAGRAM_NAMES,
  type DiagramBlock,
  type ExerciseBlock,
  LESSON_TRACK_IDS,
  type LessonBlock,
  type ListenBlock,
  type ListenSetting,
  MIXER_CONTROLS,
  type MixerBlock,
} from './schema';
import { parseSetting } from './settings.pure';

/** Leaf directives a lesson may use, with what each one builds. */
export const LEAF_DIRECTIVES = ['listen', 'mixer', 'exercise', 'diagram'] as const;
/** Container directives a lesson may use. */
export const CONTAINER_DIRECTIVES = ['quiz', 'tip', 'caution'] as const;

function setting(attrs: Attributes, key: 'a' | 'b'): ListenSetting {
  const text = attrs.text(key) ?? 'flat';
  const result = parseSetting(text);
  if (result.ok) return result.setting;
  attrs.fail(`"${key}": ${result.reason}`);
  return { text };
}

/** Reads a `::listen` line; `inQuiz` labels the sides plain "A" and "B" so the labels do not give the answer. */
export function readListen(
  node: LeafDirective,
  line: number,
  problems: ProblemList,
  caption: string,
  inQuiz = false,
): ListenBlock {
  const attrs = new Attributes('listen', node.attributes, line, problems, [
    'id',
    'song',
    'track',
    'solo',
    'a',
    'b',
    'a-label',
    'b-label',
    'matched',
    'start',
    'length',
  ]);
  const source = attrs.source();
  const track = attrs.track('track');
  const solo = attrs.flag('solo', false);
  if (solo && !track) attrs.fail('"solo" needs a "track" to solo');
  if (source.type === 'pink' && track) attrs.fail('pink noise has no tracks: leave out "track"');
  const a = setting(attrs, 'a');
  const b = setting(attrs, 'b');
  if (attrs.text('a') === undefined && attrs.text('b') === undefined)
    attrs.fail('give "a" and/or "b" settings to compare');
  const block: ListenBlock = {
    type: 'listen',
    id: attrs.text('id') ?? '',
    source,
    solo,
    a,
    b,
    aLabel: attrs.text('a-label') ?? (inQuiz ? 'A' : `A: ${a.text}`),
    bLabel: attrs.text('b-label') ?? (inQuiz ? 'B' : `B: ${b.text}`),
    matched: attrs.flag('matched', true),
    caption,
    line,
  };
  if (track) block.track = track;
  const start = attrs.number('start', 0, 600);
  const length = attrs.number('length', 1, 60);
  if (start !== undefined) block.startS = start;
  if (length !== undefined) block.durationS = length;
  return block;
}

function mixer(node: LeafDirective, line: number, problems: ProblemList, caption: string): MixerBlock {
  const attrs = new Attributes('mixer', node.attributes, line, problems, [
    'id',
    'song',
    'tracks',
    'controls',
    'start',
  ]);
  const source = attrs.source();
  if (source.type === 'pink') attrs.fail('a mixer needs a song (e.g. song="pop-3"), not pink noise');
  return {
    type: 'mixer',
    id: attrs.text('id') ?? '',
    source,
    tracks: attrs.list('tracks', LESSON_TRACK_IDS, LESSON_TRACK_IDS),
    controls: attrs.list('controls', MIXER_CONTROLS, ['fader']),
    start: attrs.oneOf('start', ['rough', 'down', 'unity'] as const, 'rough'),
    caption,
    line,
  };
}

function exercise(node: LeafDirective, line: number, problems: ProblemList, caption: string): ExerciseBlock {
  const attrs = new Attributes('exercise', node.attributes, line, problems, [
    'id',
    'kind',
    'level',
    'count',
    'pass',
  ]);
  const kind = attrs.required('kind');
  const level = attrs.int('level', 1, 99, 1);
  return {
    type: 'exercise',
    id: attrs.text('id') ?? '',
    kind,
    level,
    count: attrs.int('count', 1, 50, 5),
    pass: attrs.int('pass', 0, 100, DEFAULT_PASS),
    caption,
    line,
  };
}

function diagram(node: LeafDirective, line: number, problems: ProblemList, caption: string): DiagramBlock {
  const attrs = new Attributes('diagram', node.attributes, line, problems, ['name']);
  const name = attrs.required('name');
  const known = DIAGRAM_NAMES.find((d) => d === name);
  if (name && !known) attrs.fail(`no diagram called "${name}" (diagrams: ${DIAGRAM_NAMES.join(', ')})`);
  return { type: 'diagram', name: known ?? 'channel-strip', caption, line };
}

/** Builds the block for a `::name` line, or reports an unknown directive and returns null. */
export function readLeaf(node: LeafDirective, problems: ProblemList): LessonBlock | null {
  const line = lineOf(node);
  const caption = inlineToHtml(node.children);
  switch (node.name) {
    case 'listen':
      return readListen(node, line, problems, caption);
    case 'mixer':
      return mixer(node, line, problems, caption);
    case 'exercise':
      return exercise(node, line, problems, caption);
    case 'diagram':
      return diagram(node, line, problems, caption);
    default:
      problems.add(
        line,
        `unknown directive "::${node.name}" (lines: ${LEAF_DIRECTIVES.map((d) => `::${d}`).join(', ')}; blocks: ${CONTAINER_DIRECTIVES.map((d) => `:::${d}`).join(', ')})`,
      );
      return null;
  }
}

/** Builds a tip or caution aside from its container. */
export function readAside(node: ContainerDirective, kind: AsideKind, problems: ProblemList): AsideBlock {
  const line = lineOf(node);
  new Attributes(kind, node.attributes, line, problems, []);
  const body: RootContent[] = node.children.filter(
    (c) => !(c.type === 'paragraph' && c.data?.directiveLabel),
  );
  if (body.length === 0) problems.add(line, `:::${kind}: the aside is empty`);
  return { type: 'aside', kind, html: blocksToHtml(body), line };
}
