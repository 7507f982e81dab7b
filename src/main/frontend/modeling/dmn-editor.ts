import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import DmnModeler from 'dmn-js/lib/Modeler';
import camundaDmnModdle from 'camunda-dmn-moddle/resources/camunda.json';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import './editors.css';
import { Marker, fireChanged } from './markers';
import { keepCodeMirrorInDocument } from './codemirror-root';

/**
 * dmn-js's modeler, opened on the first decision table (the follow-up policy), as a Vaadin component.
 */
@customElement('lk-dmn-editor')
export class LoopkeeperDmnEditor extends LitElement {
  private modeler?: any;
  private markers: Marker[] = [];
  /** Importing a file changes nothing the user did; its events are not edits. */
  private opening = false;

  protected createRenderRoot() {
    return this;
  }

  render() {
    return html`<div class="lk-canvas"></div>`;
  }

  private async editor(): Promise<any> {
    await this.updateComplete;
    if (!this.modeler) {
      keepCodeMirrorInDocument(this);
      this.modeler = new DmnModeler({
        container: this.querySelector('.lk-canvas') as HTMLElement,
        moddleExtensions: { camunda: camundaDmnModdle }
      });
      // Each view (diagram, table) has its own editor; listen to whichever is open
      this.modeler.on('views.changed', () => {
        const viewer = this.modeler.getActiveViewer();
        if (viewer && !(viewer as any).__lkListening) {
          (viewer as any).__lkListening = true;
          viewer.on('elements.changed', () => {
            this.changed();
            this.paint();
          });
        }
        this.paint();
      });
    }
    return this.modeler;
  }

  async open(xml: string): Promise<string[]> {
    const modeler = await this.editor();
    this.opening = true;
    try {
      const result = await modeler.importXML(xml);
      const table = modeler.getViews().find((view: any) => view.type === 'decisionTable');
      if (table) {
        await modeler.open(table);
      }
      return (result.warnings || []).map((w: any) => String(w.message));
    } finally {
      setTimeout(() => (this.opening = false), 300);
    }
  }

  private changed() {
    if (!this.opening) {
      fireChanged(this);
    }
  }

  async xml(): Promise<string> {
    const { xml } = await (await this.editor()).saveXML({ format: true });
    return xml ?? '';
  }

  async mark(markers: Marker[]) {
    await this.editor();
    this.markers = markers;
    this.paint();
  }

  /** Decision table cells and rows carry their ids as data attributes; outline the marked ones. */
  private paint() {
    requestAnimationFrame(() => {
      this.querySelectorAll('.lk-problem, .lk-added, .lk-changed').forEach((e) =>
        e.classList.remove('lk-problem', 'lk-added', 'lk-changed'));
      for (const marker of this.markers) {
        if (!marker.elementId) {
          continue;
        }
        const id = CSS.escape(marker.elementId);
        this.querySelectorAll(`[data-element-id="${id}"], [data-row-id="${id}"], [data-col-id="${id}"]`)
          .forEach((e) => {
            e.classList.add('lk-' + marker.kind);
            (e as HTMLElement).title = marker.message;
          });
      }
    });
  }

  async reveal(elementId: string) {
    const id = CSS.escape(elementId);
    this.querySelector(`[data-element-id="${id}"], [data-row-id="${id}"]`)?.scrollIntoView({ block: 'center' });
  }
}
