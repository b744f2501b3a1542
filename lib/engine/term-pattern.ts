// Rule terms written into a regular expression as plain text.

/** A term with every regex metacharacter escaped. */
export const escapeTerm = (t: string): string => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The terms as one alternation, each literal. */
export const alternation = (terms: readonly string[]): string => terms.map(escapeTerm).join('|');
