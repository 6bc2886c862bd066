/**
 * A claim as schema.org ClaimReview, the format fact-checkers publish and search engines read:
 * the claim reviewed, where it appeared along its source chain (and first appeared: the earliest
 * origin), who it is attributed to, and a rating mapped from its Admiralty credibility grade,
 * with the independent-origin and conflict counts as additional properties.
 */
import type { Queries } from '../../db/queries.js';
import type { EntityRow, SourceRow } from '../../db/rows.js';
import { edgeIds, loadMany, type EntityLoader } from '../entities/entities.js';
import { nodeLabel } from '../graph/graphView.js';
import { defined, statedDate, str } from '../entities/props.js';
import { corroboration } from './corroboration.js';
import { nodeIri } from './prov.js';
import { sourceChain } from './sourceChain.js';

/**
 * The Admiralty grade (1 best … 6 cannot be judged) on schema.org's Rating scale, 5 best … 1
 * worst: 1 → 5 Confirmed, 2 → 4 Probably true, 3 → 3 Possibly true, 4 → 2 Doubtful,
 * 5 → 1 Improbable; 6 has no value, only its name (as fact-checkers publish an unrated claim).
 */
export const RATING_SCALE: Record<number, { value: number | null; name: string }> = {
  1: { value: 5, name: 'Confirmed' },
  2: { value: 4, name: 'Probably true' },
  3: { value: 3, name: 'Possibly true' },
  4: { value: 2, name: 'Doubtful' },
  5: { value: 1, name: 'Improbable' },
  6: { value: null, name: 'Cannot be judged' },
};

type Json = Record<string, unknown>;

/** A source's publication date as precisely as it was stated (schema.org takes ISO 8601 of any precision). */
const published = (row: EntityRow) => statedDate(row.props.publishedAt, row.props.publishedAtPrecision);

export async function claimReview(db: Queries, loader: EntityLoader, claimId: string, baseIri: string, today = new Date()): Promise<Json> {
  const [chain, corroborated] = await Promise.all([sourceChain(db, loader, claimId, 10), corroboration(db, loader, claimId)]);
  const iri = (id: string) => nodeIri(baseIri, id);
  // Every source on the chain, in the order met: where the claim appeared, directly or upstream.
  const sources = new Map<string, SourceRow>();
  for (const p of chain.paths) for (const s of p.steps) sources.set(s.to.id, s.to);
  const agentIds = [...sources.values()].flatMap((s) => [...edgeIds(s, 'PUBLISHED_BY'), ...edgeIds(s, 'AUTHORED_BY')]);
  const attributed = edgeIds(chain.claim, 'ATTRIBUTED_TO');
  const agents = new Map((await loadMany<EntityRow>(loader, [...new Set([...agentIds, ...attributed])], ['Organization', 'Person'])).map((a) => [a.id, a]));
  const agent = (id: string) => {
    const a = agents.get(id);
    return a ? { '@type': a.kind === 'Person' ? 'Person' : 'Organization', '@id': iri(a.id), name: nodeLabel(a) } : undefined;
  };
  const work = (s: SourceRow): Json =>
    defined({
      '@type': 'CreativeWork',
      '@id': iri(s.id),
      name: nodeLabel(s),
      url: str(s, 'url'),
      datePublished: published(s),
      publisher: edgeIds(s, 'PUBLISHED_BY').map(agent).filter(Boolean)[0],
      author: edgeIds(s, 'AUTHORED_BY').map(agent).filter(Boolean),
    });
  // The first appearance: the earliest-published origin (undated origins last, then by id).
  const [originList, independentOriginCount, circularReporting] = await Promise.all([chain.origins(), chain.independentOriginCount(), chain.circularReporting()]);
  const origins = originList.map((o) => o.source).sort((a, b) => (published(a) ?? '\uffff').localeCompare(published(b) ?? '\uffff') || a.id.localeCompare(b.id));
  const grade = corroborated.credibility;
  const rating = RATING_SCALE[grade];
  const conflicts = corroborated.comparisons.filter((c) => c.verdict === 'CONFLICTS').length;
  const property = (name: string, value: number | boolean, description: string) => ({ '@type': 'PropertyValue', propertyID: `https://claimgraph.dev/ns#${name}`, name, value, description });
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    '@id': `${iri(claimId)}#review`,
    url: iri(claimId),
    claimReviewed: str(chain.claim, 'text') ?? nodeLabel(chain.claim),
    datePublished: today.toISOString().slice(0, 10),
    author: { '@type': 'Organization', name: 'claimgraph', url: baseIri, description: 'Automated provenance analysis: source chains and corroboration.' },
    reviewRating: defined({
      '@type': 'Rating',
      ratingValue: rating.value,
      bestRating: 5,
      worstRating: 1,
      alternateName: rating.name,
      ratingExplanation: corroborated.credibilityReason,
    }),
    itemReviewed: defined({
      '@type': 'Claim',
      '@id': iri(claimId),
      text: str(chain.claim, 'quote') ?? str(chain.claim, 'text'),
      author: attributed.map(agent).filter(Boolean),
      appearance: [...sources.values()].map(work),
      firstAppearance: origins.length ? work(origins[0]) : undefined,
    }),
    additionalProperty: [
      property('admiraltyCredibility', grade, 'Admiralty credibility grade, 1 (confirmed) … 6 (cannot be judged)'),
      property('independentOriginCount', independentOriginCount, 'Independent origins of the claim itself (origins sharing a top institution count once)'),
      property('circularReporting', circularReporting, 'Several appearances or paths leading back to a single independent origin'),
      property('independentAgreeingOrigins', corroborated.independentAgreeingOrigins, 'Independent origins, other than its own, of comparable figures that agree'),
      property('independentConflictingOrigins', corroborated.independentConflictingOrigins, 'Independent origins, other than its own, of comparable figures that conflict'),
      property('conflictingFigures', conflicts, 'Comparable figures that conflict with it'),
    ],
  };
}
