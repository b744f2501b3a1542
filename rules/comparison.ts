// When an official figure may stand beside a claim's number: words that make a
// number a change rather than a level, places smaller than the nation, and how
// far a "nearest period" may be. Data, so that the policy reads in one file.
import { z } from 'zod';
import { checkedRuleFile } from './load';
import data from './comparison.json';
import { Term } from './schema';
import { MetricId } from '../lib/contract';

const terms = z.array(Term).min(1).max(200);

export const ComparisonPolicy = z.object({
  version: z.number().int().positive(),
  policy: z.array(z.string().min(1)).min(1),
  /** Words right before a number that make it a change ("up", "increased by"). */
  changeBefore: terms,
  /** Words right after a number that make it a change ("$2,000 more than", "a 10% rise"). */
  changeAfter: terms,
  /** Words in a figure's label that make its measure a change ("Rise in the number of ..."). */
  changeLabels: terms,
  /** Words that introduce a place ("in", "from"), so "New Mexico" counts only after one of them. */
  placeBefore: terms,
  /** U.S. states and smaller places: a count for one of them is not a national figure. */
  places: terms,
  /** Words that make a sentence's count one operation's or one case's ("sting", "investigation of"). */
  incidents: terms,
  /** Workplaces a count may be of ("company", "plant"): after "the", "a", "one", "this" or "that" (and one word between), one employer's case. */
  employers: terms,
  /** How many years off a "nearest" figure of a series the sentence does not name may be. */
  farYears: z.number().positive(),
  /** Metrics whose series count the same thing by different offices: the main one may stand for an unnamed one. */
  mainStandsIn: z.array(MetricId),
  /** Metrics whose figures are worldwide: beside a count for one country they stand for scale only. */
  worldwide: z.array(MetricId),
  /** Names of one country after a place word ("into the United States", "in the U.S."): such a count is no worldwide figure. */
  countries: terms,
  /**
   * Subgroups a number may count ("girls", "boys"): a figure whose label names none of the group's
   * words counts the whole, and stands beside the number for scale only.
   */
  subgroups: z.array(z.object({ name: z.string().min(1), words: terms })).max(20),
  /**
   * Countries and stretches a migrant's journey crosses: a price "through Mexico alone" is for one
   * leg of the trip, and a figure for the whole trip stands beside it for scale only.
   */
  routeLegs: terms,
  /**
   * Nationalities, each with its country: a number for one nationality ("Mexican migrants") beside a
   * figure whose label names neither is a part beside the whole, for scale only.
   */
  origins: z.array(z.object({ people: Term, country: Term })).max(100),
});
export type ComparisonPolicy = z.infer<typeof ComparisonPolicy>;

export const COMPARISON_PATH = 'rules/comparison.json';

/** Checked at build and test time (rules/checks.ts). */
export const COMPARISON_POLICY: ComparisonPolicy = checkedRuleFile(data);
