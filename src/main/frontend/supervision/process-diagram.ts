import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './process-diagram.css';

/**
 * bpmn-js's viewer (pan and zoom, no editing) as a Vaadin component. The server calls showCounts() or
 * showPath(); a click on an activity is sent back as an 'activity-click' event with its id.
 */
@customElement('lk-process-diagram')
export class LoopkeeperProcessDiagram extends LitElement {
  private viewer?: NavigatedViewer;
  private marked: { id: string; marker: string }[] = [];

  // Light DOM: bpmn-js styles itself with global stylesheets
  protected createRenderRoot() {
    return this;
  }

  render() {
    return html`<div class="lk-diagram-canvas" role="figure" aria-label="The process diagram"></div>`;
  }

  private async diagram(): Promise<NavigatedViewer> {
    await this.updateComplete;
    if (!this.viewer) {
      this.viewer = new NavigatedViewer({ container: this.querySelector('.lk-diagram-canvas') as HTMLElement });
      this.viewer.on('element.click', (event: any) => {
        const element = event.element;
        if (element && element.type !== 'bpmn:Process' && element.type !== 'label' && !element.waypoints) {
          this.dispatchEvent(new CustomEvent('activity-click', { detail: { id: element.id } }));
        }
      });
    }
    return this.viewer;
  }

  private async open(xml: string): Promise<NavigatedViewer> {
    const viewer = await this.diagram();
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas') as any;
    canvas.zoom('fit-viewport', 'auto');
    // The loop is long: fitted into a laptop's width its labels would be unreadable. Below this scale it opens
    // readable at the start instead, and the rest is a drag away.
    if (canvas.zoom() < 0.7) {
      canvas.zoom(0.7);
      const box = canvas.viewbox();
      canvas.viewbox({
        x: box.inner.x - 20,
        y: box.inner.y + box.inner.height / 2 - box.height / 2,
        width: box.width,
        height: box.height,
      });
    }
    this.marked = [];
    return viewer;
  }

  /** A blue badge with the open cases at each activity, a red one with its breaches. */
  async showCounts(xml: string, waiting: Record<string, number>, breaches: Record<string, number>) {
    const viewer = await this.open(xml);
    const overlays = viewer.get('overlays') as any;
    const registry = viewer.get('elementRegistry') as any;
    const badge = (id: string, n: number, kind: string, what: string, position: object) => {
      if (!registry.get(id) || !n) return;
      const html = document.createElement('div');
      html.className = 'lk-count lk-' + kind;
      html.textContent = String(n);
      html.title = n + ' ' + what;
      html.setAttribute('data-activity', id);
      // overlays are HTML above the SVG: a click on a badge does not reach bpmn-js's element.click
      html.addEventListener('click', () =>
        this.dispatchEvent(new CustomEvent('activity-click', { detail: { id } })));
      overlays.add(id, 'lk-count', { position, html });
    };
    Object.entries(waiting).forEach(([id, n]) => badge(id, n, 'waiting', 'open cases here', { bottom: 12, left: -8 }));
    Object.entries(breaches).forEach(([id, n]) => badge(id, n, 'breaches', 'SLA breaches', { bottom: 12, right: 12 }));
  }

  /** Passed activities in green, current ones outlined in blue. */
  async showPath(xml: string, passed: string[], current: string[]) {
    const viewer = await this.open(xml);
    const canvas = viewer.get('canvas') as any;
    const registry = viewer.get('elementRegistry') as any;
    const mark = (id: string, marker: string) => {
      if (registry.get(id)) {
        canvas.addMarker(id, marker);
        this.marked.push({ id, marker });
      }
    };
    passed.forEach((id) => mark(id, 'lk-passed'));
    current.forEach((id) => mark(id, 'lk-current'));
  }
}
