// A sentence shown to people with plain words beside every code in it (issue 17 §5): warning and
// blocker texts keep their exact wording (the audit report's messages are byte-identical) and
// each CPT/HCPCS code, modifier, ICD-10 diagnosis, condition code and CARC/RARC code gets the
// team's words after it, once per sentence (src/reference/code-words.ts).
import { codeSegments } from '../reference/code-words.ts';
import type { ReferenceData } from '../reference/types.ts';

export interface CodeTextProps {
  text: string;
  /** The reference data, for a drug code's name and billing unit (else the kind of code). */
  reference?: ReferenceData | undefined;
  /** The date of service the codes are read for. */
  dos?: string | undefined;
}

export function CodeText({ text, reference, dos }: CodeTextProps) {
  return codeSegments(text, { reference, dos }).map((s, i) =>
    'found' in s && s.words !== undefined ? (
      <span key={i} className="code-with-words">
        {s.text}
        <span className="code-words"> ({s.words})</span>
      </span>
    ) : (
      s.text
    ),
  );
}

/**
 * The words of every code in a sentence, after the sentence (which stays one piece of text):
 * " — CARC 16: claim lacks information…; M119: NDC missing…". For notes whose codes close the
 * sentence, e.g. the payer's reason codes at the end of a "Denied before" note.
 */
export function CodeWordsAfter({ text, reference, dos }: CodeTextProps) {
  const worded = codeSegments(text, { reference, dos }).flatMap((s) =>
    'found' in s && s.words !== undefined ? [`${s.text}: ${s.words}`] : [],
  );
  if (worded.length === 0) return null;
  return <span className="code-words"> — {worded.join('; ')}</span>;
}
