// Test helper: every connection made on native Web Audio nodes (under standardized-audio-context), so a test
// can count what is still wired after a player is disposed. A node with an outgoing connection stays alive
// while its context runs (and an AudioWorkletNode whose processor is active even without one): a disposed
// graph leaves none behind. Install it before the graph is built.

interface Edge {
  target: AudioNode | AudioParam;
  output: number;
  input: number;
}

const edges = new Map<AudioNode, Edge[]>();
/** Where each node was first connected (a stack trace), for a failing test's message. */
const origins = new WeakMap<AudioNode, string>();
let installed = false;

/** Patches AudioNode.prototype.connect and disconnect to keep a ledger of live connections (once per page). */
export function installEdgeLedger(): void {
  if (installed) return;
  installed = true;
  const proto = AudioNode.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const connect = proto.connect!;
  const disconnect = proto.disconnect!;
  proto.connect = function (this: AudioNode, ...args: unknown[]) {
    const out = connect.apply(this, args);
    const [target, output = 0, input = 0] = args as [AudioNode | AudioParam, number?, number?];
    const list = edges.get(this) ?? [];
    if (!origins.has(this)) origins.set(this, new Error().stack?.split('\n').slice(2, 7).join(' < ') ?? '');
    if (!list.some((e) => e.target === target && e.output === output && e.input === input))
      list.push({ target, output, input });
    edges.set(this, list);
    return out;
  };
  proto.disconnect = function (this: AudioNode, ...args: unknown[]) {
    const out = disconnect.apply(this, args);
    const list = edges.get(this) ?? [];
    const [first, output, input] = args as [unknown, number?, number?];
    let keep: Edge[];
    if (first === undefined) keep = [];
    else if (typeof first === 'number') keep = list.filter((e) => e.output !== first);
    else
      keep = list.filter(
        (e) =>
          e.target !== first ||
          (output !== undefined && e.output !== output) ||
          (input !== undefined && e.input !== input),
      );
    if (keep.length === 0) edges.delete(this);
    else edges.set(this, keep);
    return out;
  };
}

/** Nodes of `context` (a native context; any when omitted) with at least one live outgoing connection, by type. */
export function wiredNodes(context?: BaseAudioContext): Map<string, number> {
  const byType = new Map<string, number>();
  for (const [node, list] of edges) {
    if (list.length === 0 || (context && node.context !== context)) continue;
    const name = node.constructor.name;
    byType.set(name, (byType.get(name) ?? 0) + 1);
  }
  return byType;
}

/** How many nodes (of `context`, or any) have a live outgoing connection. */
export function wiredCount(context?: BaseAudioContext): number {
  let n = 0;
  for (const count of wiredNodes(context).values()) n += count;
  return n;
}

/** The nodes of `context` wired now that were not in `before`, each with where it was first connected. */
export function wiredSince(before: Set<AudioNode>, context?: BaseAudioContext): string[] {
  const out: string[] = [];
  for (const [node, list] of edges)
    if (list.length > 0 && !before.has(node) && (!context || node.context === context))
      out.push(`${node.constructor.name} from ${origins.get(node) ?? '?'}`);
  return out;
}

/** The nodes wired now (to compare with wiredSince later). */
export function wiredSet(): Set<AudioNode> {
  return new Set([...edges].filter(([, list]) => list.length > 0).map(([node]) => node));
}
