// The preview's settings (anycast.preview.*), read from the workspace configuration.
import * as vscode from 'vscode';
import type { PreviewTheme } from '../protocol/messages';
import type { DefaultViewSetting } from '../routing/map/previewView';
import { defaultGroupClientsAbove } from '../routing/picture/clientGroups';
import { viewSetting } from './previewMap';

export interface PreviewSettings {
  readonly theme: PreviewTheme;
  readonly defaultView: DefaultViewSetting;
  readonly debounceMs: number;
  readonly maxEdges: number;
  readonly groupClientsAbove: number;
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
