/** A problem or a change to show on an element of the model being edited. */
export interface Marker {
  elementId: string | null;
  /** problem (red), added (green), changed (blue), removed (grey, listed only) */
  kind: 'problem' | 'added' | 'changed' | 'removed';
  message: string;
}

/** Tells the server that the user changed the model (debounced there). */
export function fireChanged(host: HTMLElement) {
  host.dispatchEvent(new CustomEvent('model-changed', { bubbles: false }));
}
