// What each series of figures counts, as data: the kind of noun its figures count
// (children, sponsors, calls, cases, dollars of revenue or of profit), the stage of
// the count, its newer edition and the wider whole it is not. The comparison reads
// it so that a number is set only beside a figure that counts the same thing.
import { z } from 'zod';
import { PredicateId } from '../lib/contract';
import { checkedRuleFile } from './load';
import data from './series.json';
import { RuleId, Term } from './schema';

const terms = z.array(Term).min(1).max(100);

export const SeriesEntry = z.object({
  /** Kinds of counted noun (keys of countedNouns) a figure of this series counts. */
  counts: z.array(RuleId).min(1),
  /** Predicates a sentence may have and still speak of this stage of the count; any predicate where absent. */
  stages: z.array(PredicateId).min(1).optional(),
  /** Words that also name this series in a sentence, besides its figures' labels ("supervision" for children in care). */
  words: terms.optional(),
  /** The measure id of a newer edition of the same count. */
  newerEdition: RuleId.optional(),
  /** Words of another scope this series is not: a wider whole ("modern slavery" for forced labour) or a part. */
  notWith: terms.optional(),
  /**
   * Words one of which the sentence must say for its number to be this series' count: a series of one
   * field of a count ("calls that went unanswered") is no figure for the calls placed.
   */
  only: terms.optional(),
  /**
   * Words naming the agency or operation whose count this series is: the sentence names one, or names
   * no agency itself and the passage before it does ("84 children were rescued throughout this
   * operation" after "FBI agents staged Operation Cross Country").
   */
  by: terms.optional(),
  /** The total of several offices' counts this series is (a key of `totals`). */
  total: RuleId.optional(),
});
export type SeriesEntry = z.infer<typeof SeriesEntry>;

/**
 * A total of several offices' counts: a sentence that names one of them (`part`, by `words`) and none
 * of the total's own names (`whole`) counts that office only, so the total is for scale.
 */
export const SeriesTotal = z.object({ part: z.string().min(1), words: terms, whole: terms, rest: z.string().min(1) });
export type SeriesTotal = z.infer<typeof SeriesTotal>;

export const SeriesBase = z
  .object({
    version: z.number().int().positive(),
    policy: z.array(z.string().min(1)).min(1),
    /** Each kind of counted noun and the words that name it right after a number. */
    countedNouns: z.record(RuleId, terms),
    /** The kinds that are sums of money: a dollar amount's noun is one of them, a count's never is. */
    moneyNouns: z.array(RuleId).min(1),
    /** Words that name an agency or its operation: a sentence that says one speaks of it, not of one named before. */
    agencies: terms,
    /** Totals of several offices' counts, by id (a series' `total`). */
    totals: z.record(RuleId, SeriesTotal).default({}),
    /** By measure id (a figure's `measure`). */
    series: z.record(RuleId, SeriesEntry),
  })
  .superRefine((base, ctx) => {
    for (const kind of base.moneyNouns) {
      if (!base.countedNouns[kind]) ctx.addIssue({ code: 'custom', path: ['moneyNouns'], message: `no counted noun kind "${kind}"` });
    }
    for (const [id, s] of Object.entries(base.series)) {
      for (const kind of s.counts) {
        if (!base.countedNouns[kind]) ctx.addIssue({ code: 'custom', path: ['series', id, 'counts'], message: `no counted noun kind "${kind}"` });
      }
      if (s.total && !base.totals[s.total]) {
        ctx.addIssue({ code: 'custom', path: ['series', id, 'total'], message: `no total "${s.total}"` });
      }
      if (s.newerEdition && !base.series[s.newerEdition]) {
        ctx.addIssue({ code: 'custom', path: ['series', id, 'newerEdition'], message: `no series "${s.newerEdition}"` });
      }
    }
  });
export type SeriesBase = z.infer<typeof SeriesBase>;

export const SERIES_PATH = 'rules/series.json';

/** Checked at build and test time (rules/checks.ts). */
export const SERIES: SeriesBase = checkedRuleFile(data);
