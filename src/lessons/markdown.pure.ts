/** Markdown plumbing for the lesson parser: the syntax tree and turning prose into HTML. */
import type { Root as HastRoot } from 'hast';
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** `:::name` blocks (remark-directive adds them to the Markdown tree types). */
export type ContainerDirective = Extract<Nodes, { type: 'containerDirective' }>;
/** `::name` lines. */
export type LeafDirective = Extract<Nodes, { type: 'leafDirective' }>;
/** `:name` inside text. */
export type TextDirective = Extract<Nodes, { type: 'textDirective' }>;

const parser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkDirective);
// Raw HTML in a lesson is dropped (remark-rehype's default): lessons are Markdown, not pages.
const toHtmlPipeline = unified().use(remarkRehype).use(rehypeStringify);

/** Parses a lesson file into a Markdown syntax tree (front matter, GFM, generic directives). */
export function parseMarkdown(source: string): Root {
  return parser.parse(source);
}

/** Turns Markdown block nodes into an HTML string. */
export function blocksToHtml(nodes: readonly RootContent[]): string {
  const root: Root = { type: 'root', children: [...nodes] };
  const hast = toHtmlPipeline.runSync(root) as HastRoot;
  return toHtmlPipeline.stringify(hast).trim();
}

/** Turns inline Markdown (e.g. a directive label) into HTML without a wrapping paragraph. */
export function inlineToHtml(nodes: readonly PhrasingContent[]): string {
  if (nodes.length === 0) return '';
  const paragraph: Paragraph = { type: 'paragraph', children: [...nodes] };
  return blocksToHtml([paragraph])
    .replace(/^<p>/, '')
    .replace(/<\/p>$/, '');
}

/** The plain text of inline nodes (for titles). */
export function plainText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((n) => ('value' in n ? n.value : 'children' in n ? plainText(n.children as PhrasingContent[]) : ''))
    .join('')
    .trim();
}

/** The 1-based line where a node starts (1 when the tree has no positions). */
export function lineOf(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 1;
}
