import { customElement } from 'lit/decorators.js';
import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import { ModelEditorElement } from './model-editor';

/** form-js's editor for Camunda Forms, as a Vaadin component; the server exchanges the form as JSON. */
@customElement('lk-form-editor')
export class LoopkeeperFormEditor extends ModelEditorElement<FormEditor> {
  protected start(canvas: HTMLElement): FormEditor {
    const editor = new FormEditor({ container: canvas });
    editor.on('changed', () => {
      this.changed();
      this.paint();
    });
    return editor;
  }

  protected async load(editor: FormEditor, json: string): Promise<string[]> {
    const result = await editor.importSchema(JSON.parse(json));
    return (result.warnings || []).map((w: any) => String(w.message ?? w));
  }

  protected async save(editor: FormEditor): Promise<string> {
    return JSON.stringify(editor.saveSchema(), null, 2);
  }

  /** form-js marks each field in the editor with its component id. */
  protected nodesOf(id: string): string {
    return `[data-id="${id}"]`;
  }

  async reveal(elementId: string) {
    const editor = await this.editor();
    const field = (editor.get('formFieldRegistry') as any).get(elementId);
    if (field) {
      (editor.get('selection') as any).set(field);
    }
  }
}
