/**
 * Building DOM without innerHTML: every string a server or user supplies becomes a text node, so
 * nothing in the graph can inject markup or script into the page.
 */
type Child = Node | string | number | null | undefined | false;
/** Children may nest in arrays (lists of [separator, link] pairs), flattened in order. */
export type Children = Child | Children[];
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Children[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v as EventListener);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of (children as Child[]).flat(Infinity as 1) as Child[]) if (c != null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Children[]): void {
  el.replaceChildren(...((children as Child[]).flat(Infinity as 1) as Child[]).filter((c): c is Node | string | number => c != null && c !== false).map((c) => (c instanceof Node ? c : String(c))));
}

/** A number as a reader writes it. */
export const num = (x: number | null | undefined) => (x == null ? '—' : x.toLocaleString('en', { maximumFractionDigits: 6 }));
