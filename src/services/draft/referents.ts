/**
 * What a back-reference in a cue stands for, where the article says: "the airport said" is the
 * "Heathrow airport" named before it, "the club reported" the "Harbour City Football Club"; "he
 * added" is the last person named, "it says" the last body. Resolved, it attributes like a name
 * in its own sentence; unresolved, it stays a back-reference (extract.ts lends it the lead's).
 */
import { PRONOUN, type AgentMention } from './agents.js';
import { ORG_WORDS } from './lexicon/attribution.js';

/** The agents named so far, by kind: who "he" and "it" stand for. */
export interface Referents {
  person: AgentMention | null;
  /** Every person named in full so far, for a surname alone later. */
  people: AgentMention[];
  organization: AgentMention | null;
  /** Who published each document named so far ("annual accounts the club published" → the club), for "the accounts show". */
  documents: Map<string, AgentMention>;
}

/** "accounts" and "account", "reports" and "report": one key. */
const documentKey = (word: string) => word.toLowerCase().replace(/s$/, '');

/** "airport" → a pattern matching it in any case ("Airport", "airport"). */
const anyCase = (word: string) => [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
/** A proper name on one line: capitalised words and their glue, not "The" alone, not across a full stop. */
const NAME = String.raw`(?!The\b)[A-Z][\w’'&-]*(?: +(?:of|for|and|the|&|[A-Z][\w’'&-]*)){0,5}`;

/** The body a sentence opens with ("The Harbour Port Authority handled …"), where its name ends in a word for a body. */
function subjectOf(text: string, sentenceStart: number, before: number): string | null {
  const m = new RegExp(String.raw`^(?:The +)?(${NAME})`).exec(text.slice(sentenceStart, before));
  if (!m) return null;
  const last = m[1].split(/ +/).pop()!.toLowerCase();
  return ORG_WORDS.has(last) ? m[1] : null;
}

export function resolveReferents(agents: AgentMention[], text: string, memory: Referents, sentenceStart = 0): AgentMention[] {
  return agents.map((a) => {
    // "Lindqvist said": a surname alone is the person named in full before.
    const person = !a.backReference && /^[A-Z][\w’'-]+$/.test(a.text) ? memory.people.find((p) => p.text.split(/\s+/).pop() === a.text) : undefined;
    if (person) return { ...a, text: person.text, kind: 'PERSON' };
    if (!a.backReference) return a;
    const publisher = a.head ? memory.documents.get(documentKey(a.head)) : undefined;
    if (publisher) return { ...publisher, start: a.start, end: a.end, cue: a.cue, lead: a.lead, backReference: false };
    if (a.head) {
      // The last "<Name> <head>" before it, the same sentence included ("Heathrow airport handled …, the airport said").
      const re = new RegExp(String.raw`(${NAME}) +${anyCase(a.head)}\b`, 'g');
      let found: RegExpExecArray | null = null;
      for (let m = re.exec(text.slice(0, a.start)); m; m = re.exec(text.slice(0, a.start))) found = m;
      if (found) return { ...a, text: found[0].replace(/^The\s+/, ''), backReference: false };
      return a;
    }
    if (PRONOUN.test(a.text)) {
      // "The Port Authority handled …, according to figures it published": "it" is the sentence's own subject.
      const subject = /^(?:it|they)$/i.test(a.text) ? subjectOf(text, sentenceStart, a.start) : null;
      if (subject) return { ...a, text: subject, backReference: false };
      const referent = /^(?:he|she)$/i.test(a.text) ? memory.person : memory.organization;
      if (referent) return { ...referent, start: a.start, end: a.end, cue: a.cue, lead: a.lead, backReference: false };
    }
    return a;
  });
}

/** Remembers the agents a sentence named, for the pronouns of the sentences after. */
export function remember(memory: Referents, agents: AgentMention[]): void {
  for (const a of agents) {
    if (a.backReference) continue;
    if (a.kind === 'PERSON') {
      memory.person = a;
      if (a.text.includes(' ')) memory.people.push(a);
    } else memory.organization = a;
    if (a.document) memory.documents.set(documentKey(a.document), a);
  }
}
