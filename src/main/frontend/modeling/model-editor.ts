import { LitElement, html } from 'lit';
import './editors.css';
import { Marker, fireChanged } from './markers';
import { keepCodeMirrorInDocument } from './codemirror-root';

/**
 * What the three model editors (bpmn-js, dmn-js, form-js as Vaadin components) share: light DOM with a canvas,
 * the library started on first use, imports that are not edits, and outlined markers. The server calls open(),
 * xml(), mark() and reveal().
 */
export abstract class ModelEditorElement<E> extends LitElement {
  private library?: E;
  private markers: Marker[] = [];
  /** Importing a file (form-js also upgrades its schema version) changes nothing the user did; not an edit. */
  private opening = false;

  // Light DOM: the libraries and their properties panels style themselves with global stylesheets
  protected createRenderRoot() {
    return this;
  }

  render() {
    return html`<div class="lk-canvas"></div>`;
  }

  /** Starts the library in the rendered canvas and has it report edits through changed(). */
  protected abstract start(canvas: HTMLElement): E;

  /** Reads a file into the library; returns the library's warnings. */
  protected abstract load(library: E, content: string): Promise<string[]>;

  /** The file as edited. */
  protected abstract save(library: E): Promise<string>;

  /** The CSS selector of a model element's nodes (by its escaped id), for outlining it. */
  protected abstract nodesOf(id: string): string;

  /** Selects the element and scrolls it into view. */
  abstract reveal(elementId: string): Promise<void>;

  /** The library, started once the canvas is rendered. */
  protected async editor(): Promise<E> {
    await this.updateComplete;
    if (!this.library) {
      keepCodeMirrorInDocument(this);
      this.library = this.start(this.querySelector('.lk-canvas') as HTMLElement);
    }
    return this.library;
  }

  async open(content: string): Promise<string[]> {
    const library = await this.editor();
    this.opening = true;
    try {
      return await this.load(library, content);
    } finally {
      setTimeout(() => (this.opening = false), 300);
    }
  }

  async xml(): Promise<string> {
    return this.save(await this.editor());
  }

  /** Outlines the elements with problems or changes, with the message as their tooltip. */
  async mark(markers: Marker[]) {
    await this.editor();
    this.markers = markers;
    this.paint();
  }

  /** Tells the server that the user edited the model. */
  protected changed() {
    if (!this.opening) {
      fireChanged(this);
    }
  }

  /** Outlines the marked elements again: the library draws its nodes anew as it changes views or the model. */
  protected paint() {
    requestAnimationFrame(() => {
      this.querySelectorAll('.lk-problem, .lk-added, .lk-changed').forEach((e) =>
        e.classList.remove('lk-problem', 'lk-added', 'lk-changed'));
      for (const marker of this.markers) {
        if (marker.elementId) {
          this.querySelectorAll(this.nodesOf(CSS.escape(marker.elementId))).forEach((e) => {
            e.classList.add('lk-' + marker.kind);
            (e as HTMLElement).title = marker.message;
          });
        }
      }
    });
  }
}
