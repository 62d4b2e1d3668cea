// Runs in Node: what a person does in the code-server workbench, for the end-to-end steps (the palette,
// the Simulate Failure picker, the preview's frame and toolbar).
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** The workbench in one browser page, and where its screenshots go. */
export class Workbench {
  constructor(
    readonly page: Page,
    private readonly screenshots: string,
  ) {}

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(this.screenshots, `${name}.png`) });
  }

  /** The active text editor. */
  editor(): Locator {
    return this.page.locator('.editor-instance .monaco-editor').first();
  }

  /** The quick input's text box (palette, pickers, save dialog). */
  quickInput(): Locator {
    return this.page.locator('.quick-input-widget input');
  }

  /** The preview's content: VS Code nests each webview's page in an inner frame. */
  previewFrame(): ReturnType<Page['frameLocator']> {
    return this.page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
  }

  /**
   * Starts a palette command by its title, as a person would (F1, type, pick): its own picker or
   * dialog may follow. Resolves with the moment (performance.now()) the command was picked.
   */
  async startCommand(title: string): Promise<number> {
    await this.page.keyboard.press('F1');
    const input = this.quickInput();
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    // Pick the row whose label is exactly the title: fuzzy ranking may put another one first.
    const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const row = this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exact }) })
      .first();
    await row.waitFor();
    const picked = performance.now();
    await row.click();
    return picked;
  }

  /** Runs a command from the palette by its title, as a person would (F1, type, Enter); resolves with the moment it was picked. */
  async runCommand(title: string): Promise<number> {
    const picked = await this.startCommand(title);
    await this.quickInput().waitFor({ state: 'hidden' });
    return picked;
  }

  /** Opens the Simulate Failure picker on the active diagram. */
  async openSimulatePicker(): Promise<void> {
    await this.editor().locator('.view-lines').click();
    await this.startCommand('Anycast: Simulate Failure...');
    await this.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Simulate Failure' }).waitFor();
  }

  /** Picks `name` in the Simulate Failure picker by typing it and pressing Enter, as the picker's placeholder says. */
  async simulateByName(name: string): Promise<void> {
    await this.openSimulatePicker();
    await this.quickInput().fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden' });
  }

  /** Shows the preview's diagram or map with its toolbar button, whichever view the preview opened on. */
  async showPreviewView(view: 'map' | 'diagram'): Promise<void> {
    const toMap = this.previewFrame().getByRole('button', { name: 'Show the catchment map' });
    const toDiagram = this.previewFrame().getByRole('button', { name: 'Show the diagram (the flowchart)' });
    const [switchTo, shown] = view === 'map' ? [toMap, toDiagram] : [toDiagram, toMap];
    await switchTo.or(shown).first().waitFor();
    if (await switchTo.isVisible()) await switchTo.click();
    await shown.waitFor();
  }
}
