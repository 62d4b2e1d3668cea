// The preview's settings (anycast.preview.*), read from the workspace configuration.
import * as vscode from 'vscode';
import type { PreviewTheme } from '../protocol/messages';
import type { DefaultViewSetting } from '../routing/map/previewView';
import { defaultGroupClientsAbove } from '../routing/picture/clientGroups';
import { viewSetting } from './previewMap';
import type { LoadOptions } from '../routing/load';

export interface PreviewSettings {
  readonly theme: PreviewTheme;
  readonly defaultView: DefaultViewSetting;
  readonly debounceMs: number;
  readonly maxEdges: number;
  readonly groupClientsAbove: number;
}

/** `anycast.load.warnAbove` (a percentage) as the load computation's options. */
export function readLoadOptions(): LoadOptions {
  const percent = vscode.workspace.getConfiguration('anycast.load').get<number>('warnAbove', 80);
  return { warnAbove: Math.min(10, Math.max(0.01, percent / 100)) };
}

export function readSettings(): PreviewSettings {
  const config = vscode.workspace.getConfiguration('anycast.preview');
  const theme = config.get<string>('theme', 'auto');
  return {
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    defaultView: viewSetting(config.get<string>('defaultView', 'auto')),
    debounceMs: Math.max(0, config.get<number>('debounceMs', 250)),
    maxEdges: Math.max(1, config.get<number>('maxEdges', 500)),
    groupClientsAbove: Math.max(0, config.get<number>('groupClientsAbove', defaultGroupClientsAbove)),
  };
}
