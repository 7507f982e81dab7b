import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaPlatformBehaviors from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import { Marker } from './markers';
import { ModelEditorElement } from './model-editor';

/**
 * bpmn-js's modeler with the properties panel for Camunda 7 (candidate groups, due dates, form refs,
 * timers, delegate expressions), as a Vaadin component.
 */
@customElement('lk-bpmn-editor')
export class LoopkeeperBpmnEditor extends ModelEditorElement<BpmnModeler> {
  @property({ type: Boolean, reflect: true }) readonly = false;

  private marked: Marker[] = [];

  render() {
    return html`<div class="lk-canvas"></div><div class="lk-properties"></div>`;
  }

  protected start(canvas: HTMLElement): BpmnModeler {
    const modeler = new BpmnModeler({
      container: canvas,
      propertiesPanel: { parent: this.querySelector('.lk-properties') as HTMLElement },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        CamundaPlatformPropertiesProviderModule,
        CamundaPlatformBehaviors
      ],
      moddleExtensions: { camunda: camundaModdle }
    });
    modeler.on('commandStack.changed', () => this.changed());
    return modeler;
  }

  protected async load(modeler: BpmnModeler, xml: string): Promise<string[]> {
    const result = await modeler.importXML(xml);
    (modeler.get('canvas') as any).zoom('fit-viewport');
    return result.warnings.map((w: any) => String(w.message));
  }

  protected async save(modeler: BpmnModeler): Promise<string> {
    const { xml } = await modeler.saveXML({ format: true });
    return xml ?? '';
  }

  protected nodesOf(id: string): string {
    return `.djs-element[data-element-id="${id}"]`;
  }

  /** Marks the elements on the canvas, with the message on a badge. */
  async mark(markers: Marker[]) {
    const modeler = await this.editor();
    const canvas = modeler.get('canvas') as any;
    const overlays = modeler.get('overlays') as any;
    const registry = modeler.get('elementRegistry') as any;
    for (const old of this.marked) {
      if (old.elementId && registry.get(old.elementId)) {
        canvas.removeMarker(old.elementId, 'lk-' + old.kind);
      }
    }
    overlays.remove({ type: 'lk-marker' });
    this.marked = markers.filter((m) => m.elementId && registry.get(m.elementId));
    for (const marker of this.marked) {
      canvas.addMarker(marker.elementId, 'lk-' + marker.kind);
      const badge = document.createElement('div');
      badge.className = 'lk-badge lk-' + marker.kind;
      badge.textContent = marker.kind === 'problem' ? '!' : marker.kind === 'added' ? '+' : '~';
      badge.title = marker.message;
      overlays.add(marker.elementId, 'lk-marker', { position: { top: -9, right: 9 }, html: badge });
    }
  }

  async reveal(elementId: string) {
    const modeler = await this.editor();
    const element = (modeler.get('elementRegistry') as any).get(elementId);
    if (element) {
      (modeler.get('selection') as any).select(element);
      (modeler.get('canvas') as any).scrollToElement(element);
    }
  }
}
