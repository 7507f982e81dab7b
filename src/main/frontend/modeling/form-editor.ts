import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import './editors.css';
import { Marker, fireChanged } from './markers';
import { keepCodeMirrorInDocument } from './codemirror-root';

/** form-js's editor for Camunda Forms, as a Vaadin component; the server exchanges the form as JSON. */
@customElement('lk-form-editor')
export class LoopkeeperFormEditor extends LitElement {
  private formEditor?: FormEditor;
  private markers: Marker[] = [];
  /** Importing a file (form-js also upgrades its schema version) is not an edit. */
  private opening = false;

  protected createRenderRoot() {
    return this;
  }

  render() {
    return html`<div class="lk-canvas"></div>`;
  }

  private async editor(): Promise<FormEditor> {
    await this.updateComplete;
    if (!this.formEditor) {
      keepCodeMirrorInDocument(this);
      this.formEditor = new FormEditor({ container: this.querySelector('.lk-canvas') as HTMLElement });
      this.formEditor.on('changed', () => {
        this.changed();
        this.paint();
      });
    }
    return this.formEditor;
  }

  async open(json: string): Promise<string[]> {
    const editor = await this.editor();
    this.opening = true;
    try {
      const result = await editor.importSchema(JSON.parse(json));
      return (result.warnings || []).map((w: any) => String(w.message ?? w));
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
    return JSON.stringify((await this.editor()).saveSchema(), null, 2);
  }

  async mark(markers: Marker[]) {
    await this.editor();
    this.markers = markers;
    this.paint();
  }

  /** form-js marks each field in the editor with its component id. */
  private paint() {
    requestAnimationFrame(() => {
      this.querySelectorAll('.lk-problem, .lk-added, .lk-changed').forEach((e) =>
        e.classList.remove('lk-problem', 'lk-added', 'lk-changed'));
      for (const marker of this.markers) {
        if (marker.elementId) {
          this.querySelectorAll(`[data-id="${CSS.escape(marker.elementId)}"]`).forEach((e) => {
            e.classList.add('lk-' + marker.kind);
            (e as HTMLElement).title = marker.message;
          });
        }
      }
    });
  }

  async reveal(elementId: string) {
    const editor = await this.editor();
    const field = (editor.get('formFieldRegistry') as any).get(elementId);
    if (field) {
      (editor.get('selection') as any).set(field);
    }
  }
}
