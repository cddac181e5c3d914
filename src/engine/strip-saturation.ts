import { AudioWorkletNode } from 'standardized-audio-context';
import type { Decibels, Seconds } from '../dsp/units';
import type { SourceChannels } from './strip-pan';
import { rampParam } from './strip-ramp';
import type { AnyContext, AnyNode } from './types';
import { SATURATION_PROCESSOR } from './worklet-names';
import { releaseWorkletNode } from './worklet-release';

/**
 * The strip's saturation insert: the saturation worklet (dsp/saturation.ts, 4× oversampled tanh). The strip
 * puts it at the end of its filter path (strip-paths.ts createFilterPath), so off is no node at all and
 * switching it on or off crossfades like any change of the filter stages. It runs on as many channels as the
 * strip's source has (two when not known), so a mono source stays mono for the pan law.
 */
export interface SaturationStage {
  /** The worklet node (connect the filters into it and it into the path's fade). */
  readonly node: AnyNode;
  /** Glides the drive from `at`. */
  setDrive(driveDb: Decibels, at: Seconds): void;
  /** Disconnects the node and lets its processor end. */
  dispose(): void;
}

/** Creates the saturation worklet at `driveDb` for a source of `channels` (worklets must be loaded). */
export function createSaturationStage(
  ctx: AnyContext,
  driveDb: Decibels,
  channels: SourceChannels = null,
): SaturationStage {
  if (!AudioWorkletNode) throw new Error('This browser has no AudioWorklet: the mixing engine cannot run.');
  const node = new AudioWorkletNode(ctx, SATURATION_PROCESSOR, {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    // standardized-audio-context fixes a worklet's output at its channelCount, so the count follows the
    // strip's known source: a mono source stays one channel (the pan law depends on it); otherwise stereo.
    channelCount: channels === 1 ? 1 : 2,
    channelCountMode: 'explicit',
    channelInterpretation: 'speakers',
    parameterData: { driveDb },
  });
  const drive = node.parameters.get('driveDb');
  return {
    node,
    setDrive(next, at) {
      if (drive) rampParam(drive, next, at);
    },
    dispose() {
      releaseWorkletNode(node);
    },
  };
}
