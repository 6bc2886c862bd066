/**
 * An article as sentences and tokens with character offsets into the text the user pasted,
 * from wink-nlp (its English model ships inside the npm package): sentence boundaries and parts
 * of speech are what it does well, and nothing is downloaded at run time.
 */
import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Universal part-of-speech tag (NOUN, PROPN, VERB, ADJ, NUM, ...). */
  pos: string;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** Which paragraph (a run of text between blank or line breaks) it stands in. */
  paragraph: number;
}

let nlp: ReturnType<typeof winkNLP> | undefined;

/** The article's sentences; loading the model once per thread (about 70 ms). */
export function sentencesOf(text: string): Sentence[] {
  nlp ??= winkNLP(model);
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  // wink is lossless: each token's preceding spaces and text rebuild the input exactly.
  const tokens: Token[] = [];
  let offset = 0;
  doc.tokens().each((t: ItemToken) => {
    offset += String(t.out(its.precedingSpaces)).length;
    const value = String(t.out());
    const start = text.indexOf(value, offset) >= 0 && text.indexOf(value, offset) - offset < 4 ? text.indexOf(value, offset) : offset;
    tokens.push({ start, end: start + value.length, text: value, pos: String(t.out(its.pos)) });
    offset = start + value.length;
  });
  const out: Sentence[] = [];
  let paragraph = 0;
  let lastEnd = 0;
  doc.sentences().each((s: ItemSentence) => {
    const [first, last] = s.out(its.span) as unknown as [number, number];
    // A line break ends a sentence too (headlines, lists, paragraphs without a full stop).
    let piece: Token[] = [];
    const emit = () => {
      const toks = piece.filter((t) => t.pos !== 'SPACE');
      piece = [];
      if (!toks.length) return;
      const start = toks[0].start;
      const end = toks[toks.length - 1].end;
      if (/\n/.test(text.slice(lastEnd, start))) paragraph++;
      lastEnd = end;
      out.push({ index: out.length, start, end, text: text.slice(start, end), tokens: toks, paragraph });
    };
    for (const t of tokens.slice(first, last + 1)) {
      if (t.pos === 'SPACE' && /\n/.test(t.text)) {
        emit();
        continue;
      }
      if (piece.length && /\n/.test(text.slice(piece.at(-1)!.end, t.start))) emit();
      piece.push(t);
    }
    emit();
  });
  return out;
}
