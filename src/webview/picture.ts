/** Answers the host's picture requests (Copy SVG, Export SVG and PNG). Runs in the webview. */
import type { ExportBackground, PictureMessage, PictureRequestMessage } from '../protocol/messages';
import { rasterise } from './portableSvg';

/** The picture on screen as asked: as drawn, or portable (and rasterised, smaller when it must be) for export. */
export async function answerPicture(
  message: PictureRequestMessage,
  svg: SVGSVGElement | undefined,
  exportable: (svg: SVGSVGElement, background: ExportBackground) => Promise<string>,
  post: (answer: PictureMessage) => void,
): Promise<void> {
  const { requestId } = message;
  if (!svg || message.background === undefined) {
    post({ type: 'picture', requestId, svg: svg?.outerHTML });
    return;
  }
  try {
    const portable = await exportable(svg, message.background);
    const wanted = message.scale ?? 2;
    const raster = message.format === 'png' ? await rasterise(portable, wanted) : undefined;
    const note =
      raster && raster.scale < wanted
        ? `Drawn at ${raster.scale}x instead of ${wanted}x: larger would pass the 64-megapixel PNG limit`
        : undefined;
    post({
      type: 'picture',
      requestId,
      svg: portable,
      ...(raster ? { png: raster.png } : {}),
      ...(note ? { note } : {}),
    });
  } catch (error) {
    post({ type: 'picture', requestId, svg: undefined, error: error instanceof Error ? error.message : String(error) });
  }
}
