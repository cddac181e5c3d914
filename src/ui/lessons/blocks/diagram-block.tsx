import type { DiagramBlock as DiagramData, DiagramName } from '../../../lessons/schema';
import { ChannelStripDiagram } from '../diagrams/channel-strip';
import { CompressorCurveDiagram } from '../diagrams/compressor-curve';
import { FrequencyRangesDiagram } from '../diagrams/frequency-ranges';
import { SongStagesDiagram } from '../diagrams/song-stages';

const DIAGRAMS: Record<DiagramName, (props: { caption: string }) => preact.JSX.Element> = {
  'channel-strip': ChannelStripDiagram,
  'frequency-ranges': FrequencyRangesDiagram,
  'compressor-curve': CompressorCurveDiagram,
  'song-stages': SongStagesDiagram,
};

/** A diagram named in the lesson, drawn as inline SVG that follows the theme. */
export function DiagramBlock({ block }: { block: DiagramData }) {
  const Diagram = DIAGRAMS[block.name];
  return <Diagram caption={block.caption} />;
}
