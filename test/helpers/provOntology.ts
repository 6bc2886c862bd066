/**
 * PROV-O's domains and ranges (W3C Recommendation, 30 April 2013, §4.1 "Starting Point Terms" and
 * §4.2 "Expanded Terms", for the terms an export may use), and a check of expanded JSON-LD against
 * them: every prov: property on a node of its domain, pointing at a node of its range (or a literal
 * of its datatype), every node an absolute http(s) IRI, every typed date a valid lexical form.
 */
const PROV = 'http://www.w3.org/ns/prov#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';

/** Class → its superclasses in PROV-O (itself included). */
const SUPER: Record<string, string[]> = {
  Entity: ['Entity'],
  Activity: ['Activity'],
  Agent: ['Agent'],
  Location: ['Location'],
  InstantaneousEvent: ['InstantaneousEvent'],
  Organization: ['Organization', 'Agent'],
  Person: ['Person', 'Agent'],
  SoftwareAgent: ['SoftwareAgent', 'Agent'],
  Collection: ['Collection', 'Entity'],
  Bundle: ['Bundle', 'Entity'],
  Plan: ['Plan', 'Entity'],
};

/** Property → [domain classes (any of), range: classes (any of) or an XSD datatype, or null for any literal]. */
const TERMS: Record<string, [string[], string[] | string | null]> = {
  wasDerivedFrom: [['Entity'], ['Entity']],
  hadPrimarySource: [['Entity'], ['Entity']],
  wasQuotedFrom: [['Entity'], ['Entity']],
  wasRevisionOf: [['Entity'], ['Entity']],
  wasAttributedTo: [['Entity'], ['Agent']],
  actedOnBehalfOf: [['Agent'], ['Agent']],
  atLocation: [['Activity', 'Agent', 'Entity', 'InstantaneousEvent'], ['Location']],
  wasGeneratedBy: [['Entity'], ['Activity']],
  used: [['Activity'], ['Entity']],
  wasAssociatedWith: [['Activity'], ['Agent']],
  startedAtTime: [['Activity'], 'dateTime'],
  endedAtTime: [['Activity'], 'dateTime'],
  generatedAtTime: [['Entity'], 'dateTime'],
  invalidatedAtTime: [['Entity'], 'dateTime'],
  value: [['Entity'], null],
};

const LEXICAL: Record<string, RegExp> = {
  gYear: /^-?\d{4,}$/,
  gYearMonth: /^-?\d{4,}-(0[1-9]|1[0-2])$/,
  date: /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  dateTime: /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

type Node = Record<string, any>;

/** The PROV classes a node has, with their superclasses. */
function provClasses(node: Node | undefined): Set<string> {
  const out = new Set<string>();
  for (const t of (node?.['@type'] as string[] | undefined) ?? []) if (t.startsWith(PROV)) for (const c of SUPER[t.slice(PROV.length)] ?? [t.slice(PROV.length)]) out.add(c);
  return out;
}

/** Every violation in an expanded JSON-LD document, in words; empty when it validates. */
export function provViolations(expanded: Node[]): string[] {
  const problems: string[] = [];
  const byId = new Map(expanded.map((n) => [n['@id'] as string, n]));
  for (const node of expanded) {
    const id = node['@id'] as string;
    if (!/^https?:\/\/[^\s]+$/.test(id)) problems.push(`${id}: not an absolute http(s) IRI`);
    const classes = provClasses(node);
    for (const [key, values] of Object.entries(node)) {
      if (key.startsWith('@')) continue;
      for (const v of values as Node[]) {
        const type = v['@type'] as string | undefined;
        if (type?.startsWith(XSD) && LEXICAL[type.slice(XSD.length)] && !LEXICAL[type.slice(XSD.length)].test(String(v['@value']))) {
          problems.push(`${id} ${key}: "${v['@value']}" is not a valid ${type}`);
        }
      }
      if (!key.startsWith(PROV)) continue;
      const term = key.slice(PROV.length);
      const spec = TERMS[term];
      if (!spec) {
        problems.push(`${id}: prov:${term} is not a PROV-O property this check knows`);
        continue;
      }
      const [domain, range] = spec;
      if (!domain.some((c) => classes.has(c))) problems.push(`${id}: prov:${term} needs a subject of ${domain.join(' or ')}, has ${[...classes].join(', ') || 'no PROV class'}`);
      for (const v of values as Node[]) {
        if (Array.isArray(range)) {
          const target = v['@id'] as string | undefined;
          if (!target) problems.push(`${id}: prov:${term} needs a node, has a literal`);
          else if (!range.some((c) => provClasses(byId.get(target)).has(c)))
            problems.push(`${id}: prov:${term} → ${target} needs ${range.join(' or ')}, has ${[...provClasses(byId.get(target))].join(', ') || 'no PROV class'}`);
        } else if (typeof range === 'string' && v['@type'] !== `${XSD}${range}`) {
          problems.push(`${id}: prov:${term} needs xsd:${range}, has ${v['@type'] ?? 'a plain literal'}`);
        }
      }
    }
  }
  return problems;
}
