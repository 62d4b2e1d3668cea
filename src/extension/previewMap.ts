/**
 * The preview's Map view, host side: which view each document shows (the user's choice, kept in the
 * workspace state across reloads, else `anycast.preview.defaultView`), what the webview was last
 * told, and the map's places per document version so a failure toggle only restyles.
 */
import type * as vscode from 'vscode';
import type { DocumentModel } from '../language/meaning/model';
import type { DiagramAnalysis } from '../routing/analysis';
import type { MapPlaces } from '../routing/map/mapPlaces';
import type { MapScene } from '../routing/map/mapScene';
import { mapScene } from '../routing/map/mapScene';
import type { LoadOptions } from '../routing/load';
import type { DefaultViewSetting, PreviewView } from '../routing/map/previewView';
import { chooseView } from '../routing/map/previewView';
import type { DiagramScenario } from '../routing/scenario';

const viewsKey = 'anycast.preview.views';

export function viewSetting(value: string): DefaultViewSetting {
  return value === 'map' || value === 'diagram' ? value : 'auto';
}

export interface MapUpdate {
  /** The view to tell the webview, when it changed. */
  readonly setView?: PreviewView;
  /** The map scene while the map is shown. */
  readonly map?: MapScene;
  /** True when the webview already has these places: a routing state is enough. */
  readonly placesKnown: boolean;
}

export class PreviewMap {
  private places: { readonly uri: string; readonly version: number; readonly places: MapPlaces } | undefined;
  private told: { readonly uri: string; readonly view: PreviewView } | undefined;

  constructor(private readonly memory: vscode.Memento) {}

  /** A new webview knows nothing yet: neither the map's places nor the view. */
  forgetWebview(): void {
    this.places = undefined;
    this.told = undefined;
  }

  /** What to send for `document` at `version`; `facts` decide the default view. */
  update(
    uri: string,
    version: number,
    analysis: DiagramAnalysis,
    scenario: DiagramScenario,
    facts: {
      readonly setting: DefaultViewSetting;
      readonly edges: number;
      readonly maxEdges: number;
      readonly load: LoadOptions;
    },
  ): MapUpdate {
    const view = this.viewOf(uri, analysis.model, facts);
    const setView = this.told?.uri !== uri || this.told.view !== view ? view : undefined;
    this.told = { uri, view };
    if (view !== 'map') return { ...(setView ? { setView } : {}), placesKnown: true };
    const kept = this.places?.uri === uri && this.places.version === version ? this.places.places : undefined;
    const map = mapScene(analysis.underScenario(scenario), kept, facts.load);
    if (map) this.places = { uri, version, places: map.places };
    return { ...(setView ? { setView } : {}), ...(map ? { map } : {}), placesKnown: map?.places === kept };
  }

  /** Switches `uri` to the other view and remembers it; undefined when the webview shows another document. */
  async toggle(uri: string): Promise<PreviewView | undefined> {
    if (this.told?.uri !== uri) return undefined;
    const view: PreviewView = this.told.view === 'map' ? 'diagram' : 'map';
    await this.remember(uri, view, 'host');
    return view;
  }

  /** Remembers the document's view; when the webview chose it, it already shows it. */
  async remember(uri: string, view: PreviewView, chosenBy: 'webview' | 'host'): Promise<void> {
    await this.memory.update(viewsKey, { ...this.memory.get<Record<string, PreviewView>>(viewsKey, {}), [uri]: view });
    if (chosenBy === 'webview') this.told = { uri, view };
  }

  private viewOf(
    uri: string,
    model: DocumentModel,
    facts: { readonly setting: DefaultViewSetting; readonly edges: number; readonly maxEdges: number },
  ): PreviewView {
    const chosen = this.memory.get<Record<string, PreviewView>>(viewsKey, {})[uri];
    if (chosen) return chosen;
    const placedPops = model.nodes.filter((n) => n.role === 'pop' && n.locations.some((l) => l.point)).length;
    return chooseView(facts.setting, { placedPops, edges: facts.edges, maxEdges: facts.maxEdges });
  }
}
