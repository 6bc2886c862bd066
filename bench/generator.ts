/**
 * A deterministic generator of realistic ingest documents at any size: organizations in
 * hierarchies with people in roles, countries with oblasts and cities, shared measures, sources
 * citing earlier sources (chains, the odd republication), and claims over shared measures,
 * regions and periods. Same seed, same documents.
 */

import fs from 'node:fs';

export interface GeneratorOptions {
  claims: number;
  claimsPerDocument?: number;
  seed?: number;
  /**
   * Prefix of the source and claim ids (`src:<series>-3`, `claim:<series>-3-7`), default `gen`:
   * a second series imports into a graph that holds the first (the import benchmark's warm pass).
   */
  series?: string;
}

/** mulberry32: small, fast and good enough for synthetic data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['ARTICLE', 'REPORT', 'STATEMENT', 'BRIEFING', 'SOCIAL_POST', 'DATASET'] as const;
const DERIVATIONS = ['CITES', 'CITES', 'QUOTES', 'PRIMARY_SOURCE', 'REPUBLISHES'] as const;

export interface Registry {
  institutions: number;
  organizations: string[];
  people: string[];
  countries: string[];
  regions: string[];
  measures: string[];
}

/** The shared entities, as one document of their own (a registry dataset with no claims). */
export function registryDocument(): { doc: Record<string, unknown>; registry: Registry } {
  const organizations: Record<string, unknown>[] = [];
  const institutions = 20;
  for (let i = 0; i < institutions; i++) {
    organizations.push({ id: `org:gen-inst-${i}`, name: `Institution ${i}`, aliases: [`Inst ${i}`], kind: 'GOVERNMENT' });
    for (let j = 0; j < 4; j++) {
      organizations.push({ id: `org:gen-inst-${i}-${j}`, name: `Institution ${i} Directorate ${j}`, kind: 'GOVERNMENT', partOf: `org:gen-inst-${i}` });
      for (let k = 0; k < 2; k++) {
        organizations.push({ id: `org:gen-inst-${i}-${j}-${k}`, name: `Institution ${i} Directorate ${j} Office ${k}`, kind: 'GOVERNMENT', partOf: `org:gen-inst-${i}-${j}` });
      }
    }
  }
  for (let m = 0; m < 30; m++) organizations.push({ id: `org:gen-media-${m}`, name: `Media Outlet ${m}`, kind: 'MEDIA' });
  const people = Array.from({ length: 100 }, (_, p) => ({
    id: `person:gen-${p}`,
    name: `Person ${p}`,
    roles: [{ organization: `org:gen-inst-${p % institutions}`, title: p < institutions ? 'Head' : 'Spokesperson', from: '2022' }],
  }));
  const regions: Record<string, unknown>[] = [];
  const countries: string[] = [];
  for (let c = 0; c < 5; c++) {
    countries.push(`region:gen-country-${c}`);
    regions.push({ id: `region:gen-country-${c}`, name: `Country ${c}`, kind: 'COUNTRY' });
    for (let o = 0; o < 20; o++) {
      regions.push({ id: `region:gen-${c}-${o}`, name: `Oblast ${c}-${o}`, kind: 'OBLAST', partOf: `region:gen-country-${c}` });
      regions.push({ id: `region:gen-${c}-${o}-city`, name: `City ${c}-${o}`, kind: 'CITY', partOf: `region:gen-${c}-${o}` });
    }
  }
  const measures = Array.from({ length: 50 }, (_, m) => ({ id: `measure:gen-${m}`, name: `Measure ${m}`, unit: 'persons' }));
  const doc = {
    source: { id: 'src:gen-registry', kind: 'DATASET', title: 'Generated registry of entities' },
    organizations,
    people,
    regions,
    measures,
  };
  return {
    doc,
    registry: {
      institutions,
      organizations: organizations.map((o) => String(o.id)),
      people: people.map((p) => p.id),
      countries,
      regions: regions.map((r) => String(r.id)),
      measures: measures.map((m) => m.id),
    },
  };
}

/** The registry document first, then documents of `claimsPerDocument` claims until `claims`. */
export function* generateDocuments(opts: GeneratorOptions): Generator<Record<string, unknown>> {
  const perDoc = opts.claimsPerDocument ?? 100;
  const series = opts.series ?? 'gen';
  const rand = rng(opts.seed ?? 42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const { doc: registryDoc, registry } = registryDocument();
  yield registryDoc;
  const sources: string[] = [];
  let made = 0;
  for (let d = 0; made < opts.claims; d++) {
    const sourceId = `src:${series}-${d}`;
    const derivedFrom = sources.length
      ? [...new Set(Array.from({ length: Math.floor(rand() * 3) }, () => sources[sources.length - 1 - Math.floor(rand() * Math.min(sources.length, 200))]))].map((s) => ({
          source: s,
          kind: pick(DERIVATIONS),
        }))
      : [];
    const year = 2022 + Math.floor(rand() * 4);
    const month = 1 + Math.floor(rand() * 12);
    const publishedAt = `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const n = Math.min(perDoc, opts.claims - made);
    const claims = Array.from({ length: n }, (_, i) => {
      const measure = pick(registry.measures);
      const value = Math.round(rand() * 10_000);
      const range = rand() < 0.2;
      const open = rand() < 0.1;
      const pYear = 2022 + Math.floor(rand() * 4);
      const pMonth = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
      return {
        id: `claim:${series}-${d}-${i}`,
        text: `${value} counted for ${measure} in ${pYear}-${pMonth}`,
        measure,
        quantity: range
          ? { low: value, high: value + Math.round(rand() * 500), unit: 'persons', bound: 'RANGE', aggregation: 'PERIOD_TOTAL' }
          : { value, unit: 'persons', bound: pick(['EXACT', 'APPROX', 'AT_LEAST'] as const), aggregation: 'PERIOD_TOTAL' },
        period: open ? { start: `${pYear}-${pMonth}`, end: null, granularity: 'MONTH' } : { start: `${pYear}-${pMonth}`, granularity: 'MONTH' },
        regions: [pick(registry.regions)],
        attributedTo: [rand() < 0.8 ? pick(registry.organizations) : pick(registry.people)],
        basedOn: derivedFrom.length && rand() < 0.5 ? [derivedFrom[0].source] : [],
        confidence: Math.round(rand() * 100) / 100,
      };
    });
    yield {
      source: { id: sourceId, kind: pick(KINDS), title: `Generated source ${d}`, publisher: rand() < 0.5 ? pick(registry.organizations) : `org:gen-media-${d % 30}`, publishedAt, derivedFrom },
      claims,
    };
    sources.push(sourceId);
    made += n;
  }
}

/** The generated documents as bulkImport takes them, each named by its place ("generated 12"). */
export function* generatedItems(opts: GeneratorOptions): Generator<{ ref: string; raw: Record<string, unknown> }> {
  let i = 0;
  for (const raw of generateDocuments(opts)) yield { ref: `generated ${i++}`, raw };
}

/**
 * Writes the generator's documents to `file` as .ndjson (one document per line), for
 * `claimgraph import` and the offline path; resolves to how many documents it wrote.
 */
export async function writeGeneratedNdjson(file: string, opts: GeneratorOptions): Promise<number> {
  const out = fs.createWriteStream(file);
  let docs = 0;
  for (const doc of generateDocuments(opts)) {
    // Respect the stream's buffer: a million claims are a few hundred megabytes.
    if (!out.write(`${JSON.stringify(doc)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    docs += 1;
  }
  await new Promise<void>((r) => out.end(() => r()));
  return docs;
}
