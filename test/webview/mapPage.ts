// Runs in the test page: the catchment map view alone, before it is wired into the preview. Records
// what it asks of the host on `window.__mapEvents`.
import { MapView } from '../../src/webview/map/mapView';

const events: [string, string | undefined][] = [];
const view = new MapView(document.body, {
  reveal: (id) => events.push(['reveal', id]),
  togglePop: (id) => events.push(['togglePop', id]),
  hoverPop: (id) => events.push(['hoverPop', id]),
});
view.setTheme(document.body.dataset['theme'] ?? 'light');
Object.assign(window, { __map: view, __mapEvents: events });
