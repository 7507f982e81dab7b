import { EditorView } from '@codemirror/view';

/**
 * Keeps the CodeMirror editors that dmn-js, form-js and the properties panels create (their FEEL fields) looking
 * for focus in the document.
 *
 * CodeMirror takes as its root the first shadow root it meets walking up from its parent, following slots. Vaadin
 * slots our editors into the shadow DOM of its layouts, so CodeMirror picked a layout's shadow root, whose
 * activeElement is never a slotted element: it believed it never had focus, stopped putting its cursor into the
 * page, and each typed character landed wherever the browser's caret happened to be ("PT4H" came out as
 * T""P4H"). The editors are light DOM of ours, in the document, so the document is their root.
 */
export function keepCodeMirrorInDocument(host: HTMLElement) {
  new MutationObserver((records) => {
    for (const record of records) {
      record.addedNodes.forEach((node) => {
        if (!(node instanceof Element)) {
          return;
        }
        const editors = node.matches('.cm-editor') ? [node] : Array.from(node.querySelectorAll('.cm-editor'));
        for (const editor of editors) {
          const view = EditorView.findFromDOM(editor as HTMLElement);
          if (view && view.root !== document) {
            view.setRoot(document);
          }
        }
      });
    }
  }).observe(host, { childList: true, subtree: true });
}
