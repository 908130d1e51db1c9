/**
 * A small XML reader for what a provider receives: an optional declaration, then one element
 * tree of elements and text (the five predefined entities and numeric references decoded).
 * Attributes are read and kept; comments, CDATA, processing instructions and DOCTYPE are refused,
 * as the invoice format uses none and a DOCTYPE is how entity-expansion attacks start.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (between its children), decoded. */
  text: string;
}

export class XmlReadError extends Error {
  override readonly name = 'XmlReadError';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*/;
const ATTRIBUTE = /^\s+([A-Za-z_][A-Za-z0-9_.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/;
/** Elements nested deeper than this are refused: an invoice is four levels deep. */
const MAX_DEPTH = 32;

function decode(raw: string, at: number): string {
  if (raw.includes('<') || raw.includes('>')) {
    throw new XmlReadError(`Markup inside text near character ${at}.`);
  }
  return raw.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|[a-z]+);|&/g, (whole, name: string | undefined) => {
    if (name?.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name?.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    const value = name ? ENTITIES[name] : undefined;
    if (value === undefined)
      throw new XmlReadError(`Unknown or bare entity "${whole}" near ${at}.`);
    return value;
  });
}

export function readXml(source: string): XmlElement {
  let at = 0;
  const declaration = /^\uFEFF?<\?xml\s[^?]*\?>/.exec(source);
  if (declaration) at = declaration[0].length;
  const skipSpace = () => {
    while (at < source.length && /\s/.test(source[at] ?? '')) at++;
  };
  const element = (depth: number): XmlElement => {
    if (depth > MAX_DEPTH) throw new XmlReadError(`Elements nested deeper than ${MAX_DEPTH}.`);
    if (source[at] !== '<') throw new XmlReadError(`Expected an element at character ${at}.`);
    const name = NAME.exec(source.slice(at + 1))?.[0];
    if (!name)
      throw new XmlReadError(`Expected an element name at character ${at} (no <!, <? here).`);
    at += 1 + name.length;
    const result: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (let attribute = ATTRIBUTE.exec(source.slice(at)); attribute;) {
      const [whole, key = '', , double, single] = attribute;
      result.attributes[key] = decode(double ?? single ?? '', at);
      at += whole.length;
      attribute = ATTRIBUTE.exec(source.slice(at));
    }
    skipSpace();
    if (source.startsWith('/>', at)) {
      at += 2;
      return result;
    }
    if (source[at] !== '>') throw new XmlReadError(`Malformed start tag <${name}> near ${at}.`);
    at += 1;
    const close = `</${name}>`;
    for (;;) {
      if (at >= source.length) throw new XmlReadError(`<${name}> is never closed.`);
      if (source.startsWith(close, at)) {
        at += close.length;
        return result;
      }
      if (source.startsWith('</', at)) {
        throw new XmlReadError(`Mismatched closing tag inside <${name}> at character ${at}.`);
      }
      if (source[at] === '<') {
        result.children.push(element(depth + 1));
      } else {
        const end = source.indexOf('<', at);
        if (end < 0) throw new XmlReadError(`<${name}> is never closed.`);
        result.text += decode(source.slice(at, end), at);
        at = end;
      }
    }
  };
  skipSpace();
  const root = element(1);
  skipSpace();
  if (at !== source.length) throw new XmlReadError('Content after the root element.');
  return root;
}

/** The first child of that name, or undefined. */
export function childOf(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((candidate) => candidate.name === name);
}

export function childrenOf(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((candidate) => candidate.name === name);
}
