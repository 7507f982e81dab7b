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
import { ModelEditorElement } from './model-editor';

/**
 * dmn-js's modeler, opened on the first decision table (the follow-up policy), as a Vaadin component.
 */
@customElement('lk-dmn-editor')
export class LoopkeeperDmnEditor extends ModelEditorElement<any> {
  protected start(canvas: HTMLElement): any {
    const modeler = new DmnModeler({ container: canvas, moddleExtensions: { camunda: camundaDmnModdle } });
    // Each view (diagram, table) has its own editor; listen to whichever is open
    modeler.on('views.changed', () => {
      const viewer = modeler.getActiveViewer();
      if (viewer && !(viewer as any).__lkListening) {
        (viewer as any).__lkListening = true;
        viewer.on('elements.changed', () => {
          this.changed();
          this.paint();
        });
      }
      this.paint();
    });
    return modeler;
  }

  protected async load(modeler: any, xml: string): Promise<string[]> {
    const result = await modeler.importXML(xml);
    const table = modeler.getViews().find((view: any) => view.type === 'decisionTable');
    if (table) {
      await modeler.open(table);
    }
    return (result.warnings || []).map((w: any) => String(w.message));
  }

  protected async save(modeler: any): Promise<string> {
    const { xml } = await modeler.saveXML({ format: true });
    return xml ?? '';
  }

  /** Decision table cells and rows carry their ids as data attributes. */
  protected nodesOf(id: string): string {
    return `[data-element-id="${id}"], [data-row-id="${id}"], [data-col-id="${id}"]`;
  }

  async reveal(elementId: string) {
    const id = CSS.escape(elementId);
    this.querySelector(`[data-element-id="${id}"], [data-row-id="${id}"]`)?.scrollIntoView({ block: 'center' });
  }
}
