import { AudioWorkletNode, type IGainNode } from 'standardized-audio-context';
import type { Decibels, Seconds } from '../dsp/units';
import type { SourceChannels } from './strip-pan';
import type { StripPath } from './strip-paths';
import { rampParam } from './strip-ramp';
import type { StripSettings } from './strip-settings';
import type { AnyContext, AnyNode } from './types';
import { SATURATION_PROCESSOR, type WorkletCommand } from './worklet-names';

/**
 * The strip's saturation insert as a path: off is just the fade (no node, no delay); on is the saturation
 * worklet (dsp/saturation.ts, 4× oversampled tanh) feeding the fade. It runs on as many channels as the
 * strip's source has (two when not known), so a mono source stays mono for the pan law. Switching on or off crossfades (strip-paths.ts).
 */
export interface SaturationPath extends StripPath {
  /** Whether the worklet is in the path. */
  readonly active: boolean;
  /** Glides the drive from `at` (an active path only). */
  setDrive(driveDb: Decibels, at: Seconds): void;
}

/** Builds the saturation stage for `settings`, fed by `source` (worklets must be loaded). */
export function createSaturationPath(
  ctx: AnyContext,
  source: AnyNode,
  settings: StripSettings,
  channels: SourceChannels = null,
): SaturationPath {
  const fade: IGainNode<AnyContext> = ctx.createGain();
  if (!settings.saturation?.enabled) {
    source.connect(fade);
    return {
      fade,
      active: false,
      setDrive: () => undefined,
      dispose() {
        source.disconnect(fade);
        fade.disconnect();
      },
    };
  }
  if (!AudioWorkletNode) throw new Error('This browser has no AudioWorklet: the mixing engine cannot run.');
  const node = new AudioWorkletNode(ctx, SATURATION_PROCESSOR, {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    // standardized-audio-context fixes a worklet's output at its channelCount, so the count follows the
    // strip's known source: a mono source stays one channel (the pan law depends on it); otherwise stereo.
    channelCount: channels === 1 ? 1 : 2,
    channelCountMode: 'explicit',
    channelInterpretation: 'speakers',
    parameterData: { driveDb: settings.saturation.driveDb },
  });
  source.connect(node).connect(fade);
  const drive = node.parameters.get('driveDb');
  return {
    fade,
    active: true,
    setDrive(driveDb, at) {
      if (drive) rampParam(drive, driveDb, at);
    },
    dispose() {
      const command: WorkletCommand = { type: 'dispose' };
      node.port.postMessage(command);
      source.disconnect(node);
      node.disconnect();
      fade.disconnect();
    },
  };
}
