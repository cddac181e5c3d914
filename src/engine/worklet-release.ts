import type { IAudioWorkletNode } from 'standardized-audio-context';
import type { AnyContext } from './types';
import type { WorkletCommand } from './worklet-names';

/**
 * Lets a worklet node go for good. standardized-audio-context keeps every AudioWorkletNode it makes wired
 * to the speakers through a muted GainNode of its own whenever the node has no other output (so its
 * processor keeps running), and its disconnect() wires that gain back in: a disposed node stayed pulled by
 * the live graph, with its processor, until the context closed (issue 21: hundreds of nodes after a drill).
 * Here the processor is told to end, the node is disconnected as usual, then its native node is connected
 * once to a throwaway gain (which cuts the muted gain from the speakers) and every native link is removed.
 */
export function releaseWorkletNode(node: IAudioWorkletNode<AnyContext>): void {
  const command: WorkletCommand = { type: 'dispose' };
  node.port.postMessage(command);
  node.disconnect();
  const native = (node as unknown as { _nativeAudioNode?: unknown })._nativeAudioNode;
  if (typeof AudioNode === 'undefined' || !(native instanceof AudioNode)) return;
  try {
    // The library's own connect (it disconnects its muted gain from the speakers once the node has an output).
    native.connect(native.context.createGain());
    // The browser's own disconnect: every link goes, the muted gain's and the throwaway's, and nothing rewires.
    (AudioNode.prototype.disconnect as (this: AudioNode) => void).call(native);
  } catch {
    // A context that can no longer make nodes (closed) holds nothing live either.
  }
}
