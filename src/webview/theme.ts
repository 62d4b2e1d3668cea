/**
 * Which picture to draw for VS Code's current theme (the class VS Code puts on <body>) and the
 * user's `anycast.preview.theme` setting.
 */
import type { PreviewTheme } from '../protocol/messages';
import type { MermaidTheme } from './mermaidRenderer';

export type EffectiveTheme = 'light' | 'dark' | 'hc-light' | 'hc-dark';

export function effectiveTheme(setting: PreviewTheme, body: HTMLElement): EffectiveTheme {
  if (setting === 'light' || setting === 'dark') return setting;
  const classes = body.classList;
  if (classes.contains('vscode-high-contrast-light')) return 'hc-light';
  if (classes.contains('vscode-high-contrast')) return 'hc-dark';
  if (classes.contains('vscode-dark')) return 'dark';
  return 'light';
}

export function mermaidThemeFor(theme: EffectiveTheme): MermaidTheme {
  return theme === 'dark' || theme === 'hc-dark' ? 'dark' : 'default';
}

/** Calls `onChange` when VS Code switches theme (it rewrites the body's classes). */
export function watchBodyTheme(body: HTMLElement, onChange: () => void): void {
  new MutationObserver(onChange).observe(body, { attributes: true, attributeFilter: ['class'] });
}
