/**
 * What a back-reference in a cue stands for, where the article says: "the airport said" is the
 * "Heathrow airport" named before it, "the club reported" the "Harbour City Football Club"; "he
 * added" is the last person named, "it says" the last body. Resolved, it attributes like a name
 * in its own sentence; unresolved, it stays a back-reference (extract.ts lends it the lead's).
 */
import { PRONOUN, type AgentMention } from './agents.js';

/** The agents named so far, by kind: who "he" and "it" stand for. */
export interface Referents {
  person: AgentMention | null;
  organization: AgentMention | null;
}

/** "airport" → a pattern matching it in any case ("Airport", "airport"). */
const anyCase = (word: string) => [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
const NAME = String.raw`[A-Z][\w’'&.-]*(?:\s+(?:of|for|and|the|&|[A-Z][\w’'&.-]*)){0,5}`;

export function resolveReferents(agents: AgentMention[], text: string, memory: Referents): AgentMention[] {
  return agents.map((a) => {
    if (!a.backReference) return a;
    if (a.head) {
      // The last "<Name> <head>" before it, the same sentence included ("Heathrow airport handled …, the airport said").
      const re = new RegExp(String.raw`(${NAME})\s+${anyCase(a.head)}\b`, 'g');
      let found: RegExpExecArray | null = null;
      for (let m = re.exec(text.slice(0, a.start)); m; m = re.exec(text.slice(0, a.start))) found = m;
      if (found) return { ...a, text: found[0].replace(/^The\s+/, ''), backReference: false };
      return a;
    }
    if (PRONOUN.test(a.text)) {
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
    if (a.kind === 'PERSON') memory.person = a;
    else memory.organization = a;
  }
}
