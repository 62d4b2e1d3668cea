/**
 * Export SVG, Export PNG (2x) and Copy SVG: the picture the preview shows, with the routing and the
 * simulation on it, made portable by the webview (src/webview/portableSvg.ts). A file is written
 * whole or not at all (a temporary name in the same folder, then a rename). Each command takes an
 * optional target URI (no dialog) and source document URI, for scripts and tests.
 */
import * as vscode from 'vscode';
import type { ExportBackground, PictureMessage } from '../protocol/messages';
import { asUri, diagramDocument } from './activeDiagram';
import type { PreviewManager } from './preview';

const backgrounds: readonly ExportBackground[] = ['auto', 'light', 'dark', 'transparent'];

function background(): ExportBackground {
  const value = vscode.workspace.getConfiguration('anycast.export').get<string>('background', 'light');
  return (backgrounds as readonly string[]).includes(value) ? (value as ExportBackground) : 'light';
}

/** `dir/name.anycast.mmd` → `dir/name.<ext>`. */
export function exportUriBeside(source: vscode.Uri, extension: string): vscode.Uri {
  const base = source.path.split('/').pop() ?? 'diagram';
  const stem = base.replace(/\.anycast\.mmd$/i, '').replace(/\.mmd$/i, '') || 'diagram';
  return vscode.Uri.joinPath(source, '..', `${stem}.${extension}`);
}

/** Writes `data` to `target` through a temporary file beside it, so a failure leaves no half file. */
async function writeWhole(target: vscode.Uri, data: Uint8Array): Promise<void> {
  const name = target.path.split('/').pop() ?? 'export';
  const temporary = vscode.Uri.joinPath(target, '..', `.${name}.${Date.now().toString(36)}.tmp`);
  try {
    await vscode.workspace.fs.writeFile(temporary, data);
    await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
  } catch (error) {
    await Promise.resolve(vscode.workspace.fs.delete(temporary)).catch(() => undefined);
    throw error;
  }
}

function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

class Exporter {
  constructor(private readonly preview: PreviewManager) {}

  /** The picture of `document` as the preview draws it (the preview opens when it is closed). */
  picture(document: vscode.TextDocument, format: 'svg' | 'png'): Promise<PictureMessage> {
    return this.preview.picture(document, { background: background(), format, scale: 2 });
  }

  async save(format: 'svg' | 'png', targetArg: unknown, sourceArg: unknown): Promise<string | undefined> {
    const menuSource = asUri(targetArg)?.path.match(/\.mmd$/i) ? targetArg : undefined;
    const document = await diagramDocument(sourceArg ?? menuSource);
    if (!document) return undefined;
    let target = asUri(targetArg);
    // From a menu on the diagram the first argument is the diagram itself, not where to write.
    if (target && /\.mmd$/i.test(target.path)) target = undefined;
    if (!target) {
      target = await vscode.window.showSaveDialog({
        defaultUri: exportUriBeside(document.uri, format),
        filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
        title: format === 'svg' ? 'Export SVG' : 'Export PNG (2x)',
      });
      if (!target) return undefined;
    }
    const answer = await this.picture(document, format);
    const data =
      format === 'svg'
        ? new TextEncoder().encode(answer.svg)
        : answer.png !== undefined
          ? base64Bytes(answer.png)
          : undefined;
    if (!data || data.length === 0) throw new Error('The preview could not rasterise the picture; no file written');
    await writeWhole(target, data);
    const name = target.path.split('/').pop() ?? '';
    if (answer.note !== undefined) void vscode.window.showWarningMessage(`Exported ${name}. ${answer.note}`);
    else if (menuSource !== undefined || !asUri(targetArg))
      void vscode.window.showInformationMessage(`Exported ${name}`);
    return target.toString();
  }

  async copy(sourceArg: unknown): Promise<string | undefined> {
    const document = await diagramDocument(sourceArg);
    if (!document) return undefined;
    const { svg } = await this.picture(document, 'svg');
    await vscode.env.clipboard.writeText(svg ?? '');
    void vscode.window.setStatusBarMessage('Anycast: SVG copied to the clipboard', 3000);
    return svg;
  }
}

async function reporting<T>(what: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`${what} failed: ${message}`);
    throw error;
  }
}

export function registerExport(context: vscode.ExtensionContext, preview: PreviewManager): void {
  const exporter = new Exporter(preview);
  context.subscriptions.push(
    vscode.commands.registerCommand('anycast.exportSvg', (target?: unknown, source?: unknown) =>
      reporting('Export SVG', () => exporter.save('svg', target, source)),
    ),
    vscode.commands.registerCommand('anycast.exportPng', (target?: unknown, source?: unknown) =>
      reporting('Export PNG', () => exporter.save('png', target, source)),
    ),
    vscode.commands.registerCommand('anycast.copySvg', (source?: unknown) =>
      reporting('Copy SVG', () => exporter.copy(source)),
    ),
  );
}
