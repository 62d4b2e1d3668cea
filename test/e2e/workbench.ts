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

  /**
   * Gives the active editor the keyboard focus with a click on a line number: a click in the middle
   * of its lines (as wide as the longest line) would scroll the editor sideways first, and one in
   * the text could land on a code lens and run it.
   */
  async focusEditor(): Promise<void> {
    await this.editor().click({ position: { x: 30, y: 40 } });
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
    await this.focusEditor();
    await this.startCommand('Anycast: Simulate Failure...');
    await this.page.locator('.quick-input-widget .quick-input-title', { hasText: 'Simulate Failure' }).waitFor();
  }

  /** Picks `name` in the Simulate Failure picker by typing it and pressing Enter, as the picker's placeholder says. */
  async simulateByName(name: string): Promise<void> {
    await this.openSimulatePicker();
    // Typed, not filled in, after a moment to read the picker, as a person does: the text box must have
    // the keyboard focus, and keep it, even with boxes already ticked.
    await this.page.waitForTimeout(500);
    await this.page.keyboard.type(name);
    const typed = await this.quickInput().inputValue();
    if (typed !== name) throw new Error(`typing "${name}" in the picker gave "${typed}": its text box lacks the focus`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden' });
  }

  /**
   * Where the time to the preview's first picture went, in ms from `since` (an epoch time, Date.now()):
   * VS Code created the webview's page, the page had our script, mermaid started the first layout.
   */
  async previewTimeline(since: number): Promise<PreviewTimeline> {
    // VS Code loads each webview's content into an inner frame at fake.html; the preview's is the one with our script.
    const contents = this.page.frames().filter((f) => f.url().includes('fake.html'));
    const timings = await Promise.all(
      contents.map((frame) =>
        frame.evaluate(() => {
          const script = performance
            .getEntriesByType('resource')
            .find((r) => r.name.split('?')[0]!.endsWith('/webview.js')) as PerformanceResourceTiming | undefined;
          const layout = performance.getEntriesByType('mark').find((m) => m.name.startsWith('anycast-layout'));
          return { origin: performance.timeOrigin, script: script?.responseEnd, layout: layout?.startTime };
        }),
      ),
    );
    const inPage = timings.find((t) => t.script !== undefined);
    if (!inPage) throw new Error('no webview frame loaded dist/webview.js');
    // VS Code marks when the workbench is given the webview's HTML (the extension created the panel).
    const content = await this.page.evaluate(() => {
      const marks = performance.getEntriesByName('webview/webviewElement/set-content', 'mark');
      return performance.timeOrigin + (marks.at(-1)?.startTime ?? Number.NaN);
    });
    const at = (ms: number | undefined): number => (ms === undefined ? Number.NaN : inPage.origin + ms - since);
    return { html: content - since, page: at(0), script: at(inPage.script), layout: at(inPage.layout) };
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

/** Moments on the way to the preview's first picture, in ms after the command was picked. */
export interface PreviewTimeline {
  /** The workbench was given the webview's HTML: the extension had created the panel. */
  readonly html: number;
  /** The webview's content page started loading. */
  readonly page: number;
  /** The page had received dist/webview.js. */
  readonly script: number;
  /** Mermaid started laying out the first diagram. */
  readonly layout: number;
}
