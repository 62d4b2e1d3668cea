import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RenderWaits } from '../../../src/extension/renderWaits';

const uri = 'file:///a.anycast.mmd';

describe('waiting for the preview to render', () => {
  it('resolves when that version or a later one is on screen', async () => {
    const waits = new RenderWaits();
    const waiting = waits.wait(uri, 3, 10_000);
    waits.rendered({ uri, version: 2 });
    waits.rendered({ uri, version: 4 });
    assert.deepEqual(await waiting, { uri, version: 4 });
    assert.deepEqual(await waits.wait(uri, 4, 10_000), { uri, version: 4 }, 'a version already shown answers at once');
  });
  it("ends at once with mermaid's reason when the render is refused, instead of timing out", async () => {
    const waits = new RenderWaits();
    const started = Date.now();
    const waiting = waits.wait(uri, 3, 30_000);
    waits.failed({ uri, version: 3, message: 'Parse error on line 2' });
    await assert.rejects(waiting, /the preview could not draw the diagram: Parse error on line 2/);
    assert.ok(Date.now() - started < 1000);
  });
  it('refuses at once a version the preview already failed to draw', async () => {
    const waits = new RenderWaits();
    waits.rendered({ uri, version: 2 });
    waits.failed({ uri, version: 2, message: 'This diagram has 9 edges' });
    await assert.rejects(waits.wait(uri, 2, 30_000), /could not draw the diagram: This diagram has 9 edges/);
  });
  it('leaves waiters of other documents alone', async () => {
    const waits = new RenderWaits();
    const waiting = waits.wait(uri, 1, 10_000);
    waits.failed({ uri: 'file:///b.anycast.mmd', version: 1, message: 'no' });
    waits.rendered({ uri, version: 1 });
    assert.deepEqual(await waiting, { uri, version: 1 });
  });
});
