// Schemas for the rule data in rules/*.json. The engine interprets this data;
// adding a metric figure or a cue word needs no code change. A user's rule
// pack is validated by the same schemas.
import { z } from 'zod';
import { MetricId, PredicateId, Unit } from '../lib/contract';

const nonEmpty = z.string().trim().min(1);

/** A rule id: lowercase, dot- or dash-separated, stable across versions. */
export const RuleId = z
  .string()
  .regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/, 'ids are lowercase words joined by . _ or -')
  .max(80);

/**
 * A cue term: lowercase words separated by single spaces; a trailing `*` on a
 * word matches any ending ("traffick*"). Terms are compiled to regexes by the
 * engine with every character escaped, so no rule can be a catastrophic regex.
 */
export const Term = z
  .string()
  .min(1)
  .max(80)
  .regex(
    /^[\p{Ll}\p{Nd}$%'’.&-]+\*?(?: [\p{Ll}\p{Nd}$%'’.&-]+\*?)*$/u,
    "a term is lowercase words (letters, digits, $ % ' . & -), one space apart, each optionally ending in *",
  );
export type Term = z.infer<typeof Term>;

/**
 * A calendar day, ISO YYYY-MM-DD, with each month's length (29 February is
 * accepted in any year). A regex rather than a refinement keeps it as cheap to
 * parse as the other fields; users' rule packs are parsed with it too.
 */
export const IsoDate = z
  .string()
  .regex(
    /^\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2\d))$/,
    'not a calendar day written YYYY-MM-DD',
  );
export type IsoDate = z.infer<typeof IsoDate>;

/** Publication date, ISO (YYYY, YYYY-MM or YYYY-MM-DD). */
const PublicationDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

/** An official figure, always with its source and period. */
export const Figure = z.object({
  id: RuleId,
  /**
   * The series this figure belongs to: figures with the same measure share one
   * definition, scope and publisher's series ("usbp-uac-swb"), so they can be
   * compared and charted together; a different measure is a different count.
   */
  measure: RuleId,
  /** What exactly was counted, in a few words. */
  label: nonEmpty,
  /** The figure as the publisher states it: "more than 291,000". */
  value: nonEmpty,
  /** Its numeric value, for comparing magnitudes; null where none applies. */
  number: z.number().nullable(),
  unit: Unit,
  /** The period as displayed: "FY2022", "as of May 2024". */
  period: nonEmpty,
  /** First and last day counted, inclusive (FY2019 = 2018-10-01..2019-09-30; a point-in-time count repeats the day). */
  periodStart: IsoDate,
  periodEnd: IsoDate,
  /** A short neutral line shown with the figure ("includes Title 42 expulsions"). */
  note: nonEmpty.optional(),
  publisher: nonEmpty,
  title: nonEmpty,
  date: PublicationDate,
  url: z.string().url(),
  /** A named archive's copy where the publisher's page is gone. */
  archive: z.string().url().optional(),
  /**
   * Where the value could not be checked on the publisher's own page: what it was
   * checked against instead, so a reader sees the figure is not publisher-verified.
   */
  sourceNote: nonEmpty.optional(),
});
export type Figure = z.infer<typeof Figure>;

/** The source of a factual statement: the publisher's own page where one exists. */
export const SourceCitation = z.object({
  publisher: nonEmpty,
  title: nonEmpty,
  date: PublicationDate,
  url: z.string().url(),
});
export type SourceCitation = z.infer<typeof SourceCitation>;

/**
 * When a caveat applies; every condition given must hold, and a caveat
 * without `when` always applies. Terms are words in the claim's sentence;
 * periodFrom/periodTo bound the period the claim is about; measures are the
 * series whose figure, shown beside the claim, the caveat speaks of, and
 * unlessMeasures those beside whose figure it does not apply (a caveat about
 * one hotline beside another's count).
 */
export const CaveatCondition = z.object({
  predicates: z.array(PredicateId).min(1).optional(),
  units: z.array(Unit).min(1).optional(),
  terms: z.array(Term).min(1).optional(),
  measures: z.array(RuleId).min(1).optional(),
  unlessMeasures: z.array(RuleId).min(1).optional(),
  periodFrom: IsoDate.optional(),
  periodTo: IsoDate.optional(),
});
export type CaveatCondition = z.infer<typeof CaveatCondition>;

/** One caveat: a neutral sentence, when it applies, and its source if it states a fact. */
export const Caveat = z.object({
  id: RuleId,
  text: nonEmpty,
  when: CaveatCondition.optional(),
  source: SourceCitation.optional(),
});
export type Caveat = z.infer<typeof Caveat>;

export const FAMILIES = ['border', 'custody', 'enforcement', 'estimates', 'money', 'other'] as const;
export const Family = z.enum(FAMILIES);
export type Family = z.infer<typeof Family>;

export const MetricEntry = z.object({
  id: MetricId,
  family: Family,
  /** Full name: "ORR follow-up calls to sponsors that went unanswered". */
  name: nonEmpty,
  /** Two to five words for the tooltip and lists. */
  shortName: nonEmpty,
  publisher: nonEmpty,
  /** One sentence: what the number counts. Used as conflation.counts. */
  counts: nonEmpty,
  /** One sentence: what it is often taken for but does not count. */
  notCounts: nonEmpty,
  /** The single line shown on hover. */
  tooltip: nonEmpty,
  /** Neutral, specific, most important first. */
  caveats: z.array(Caveat).min(1),
  /** Predicates that describe what this metric counts; any other predicate is a conflation. */
  faithfulPredicates: z.array(PredicateId),
  figures: z.array(Figure),
});
export type MetricEntry = z.infer<typeof MetricEntry>;

export const MetricBase = z.object({
  version: z.number().int().positive(),
  metrics: z.array(MetricEntry),
});
export type MetricBase = z.infer<typeof MetricBase>;


const terms = z.array(Term).min(1).max(500);

/** Words that say what a sentence is about (children, trafficking, migration…). */
export const TopicRule = z.object({
  id: RuleId,
  topic: z.enum(['child', 'trafficking', 'migration', 'exploitation', 'agency']),
  weight: z.number().min(0).max(5),
  terms,
});
export type TopicRule = z.infer<typeof TopicRule>;

/** Wording that says what happened to the children (the predicate). */
export const PredicateRule = z.object({
  id: RuleId,
  predicate: PredicateId,
  /** Higher wins when several predicates match one number. */
  weight: z.number().min(0).max(10),
  /** Only when the term is the counted noun itself ("1,700 calls", "230 prosecutions"). */
  headOnly: z.boolean().optional(),
  terms,
});
export type PredicateRule = z.infer<typeof PredicateRule>;

/** Wording, agencies or report names that point to a metric. */
export const MetricCueRule = z.object({
  id: RuleId,
  metric: MetricId,
  weight: z.number().min(0).max(10),
  /** Only for numbers in these units (money words say nothing about a head count). */
  units: z.array(Unit).optional(),
  terms,
});
export type MetricCueRule = z.infer<typeof MetricCueRule>;

/** What a number counts, read from the nouns right after it ("85,000 migrant children"). */
export const NOUN_KINDS = ['child', 'victim', 'person', 'migrant', 'family', 'case', 'report', 'adult', 'nonclaim'] as const;
export const NounRule = z.object({
  id: RuleId,
  kind: z.enum(NOUN_KINDS),
  terms,
});
export type NounRule = z.infer<typeof NounRule>;

/** Words right after a number that make it something other than a claim (officials, countries, days…). */
export const NegativeRule = z.object({
  id: RuleId,
  reason: nonEmpty,
  /** Only for numbers in these units (any, if absent): a sample's size is a count, a share of respondents is a finding. */
  units: z.array(Unit).optional(),
  terms,
});
export type NegativeRule = z.infer<typeof NegativeRule>;

/** A known magnitude: a number in [low, high] with these predicates points to `metric`. */
export const AnchorRule = z.object({
  id: RuleId,
  metric: MetricId,
  low: z.number(),
  high: z.number(),
  unit: Unit,
  predicates: z.array(PredicateId).min(1),
  weight: z.number().min(0).max(10),
  /** Only when the number counts one of these (any, if absent). */
  nouns: z.array(z.enum(NOUN_KINDS)).optional(),
  /** Why this range means this metric (e.g. "291,000 + 32,000 restated as missing"). */
  why: nonEmpty,
});
export type AnchorRule = z.infer<typeof AnchorRule>;

/** What a predicate usually means when nothing more specific is said. */
export const PriorRule = z.object({
  id: RuleId,
  predicate: PredicateId,
  metric: MetricId,
  weight: z.number().min(0).max(10),
  /** Only when the number counts one of these (any, if absent). */
  nouns: z.array(z.enum(NOUN_KINDS)).optional(),
  /** Only for these units (any, if absent). */
  units: z.array(Unit).optional(),
});
export type PriorRule = z.infer<typeof PriorRule>;

export const PatternSet = z.object({
  version: z.number().int().positive(),
  topics: z.array(TopicRule),
  nouns: z.array(NounRule),
  predicates: z.array(PredicateRule),
  metricCues: z.array(MetricCueRule),
  negatives: z.array(NegativeRule),
  anchors: z.array(AnchorRule),
  priors: z.array(PriorRule),
});
export type PatternSet = z.infer<typeof PatternSet>;

/**
 * A pack's figure: packs written before figures named their measure and exact
 * period still load (nothing a user imported is lost); such a figure is compared
 * with claims only once it names its period.
 */
export const PackFigure = Figure.extend({
  measure: RuleId.optional(),
  periodStart: IsoDate.optional(),
  periodEnd: IsoDate.optional(),
});
export type PackFigure = z.infer<typeof PackFigure>;

/** A user's rule pack: extra cues and figures in the same shapes as rules/. */
export const RulePack = z
  .object({
    name: nonEmpty.max(100),
    description: z.string().max(2_000).optional(),
    version: z.number().int().positive().optional(),
    topics: z.array(TopicRule).max(200).optional(),
    nouns: z.array(NounRule).max(200).optional(),
    predicates: z.array(PredicateRule).max(200).optional(),
    metricCues: z.array(MetricCueRule).max(200).optional(),
    negatives: z.array(NegativeRule).max(200).optional(),
    anchors: z.array(AnchorRule).max(200).optional(),
    priors: z.array(PriorRule).max(200).optional(),
    /** Extra official figures for existing metrics. */
    figures: z.array(z.object({ metric: MetricId, figure: PackFigure })).max(500).optional(),
  })
  .strict();
export type RulePack = z.infer<typeof RulePack>;

/** How a host relates to the figures cited on it; see the policy in rules/hosts.json. */
export const HOST_KINDS = ['publisher', 'archive', 'mirror', 'secondary'] as const;
export const HostKind = z.enum(HOST_KINDS);
export type HostKind = z.infer<typeof HostKind>;

/** One allowed host name, exactly as it appears in a URL (no port, lowercase). */
export const HostEntry = z
  .object({
    host: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*\.[a-z]{2,}$/, 'a lowercase host name such as www.cbp.gov'),
    kind: HostKind,
    /** Who runs the host: "U.S. Customs and Border Protection", "NewsNation". */
    name: nonEmpty,
  })
  .strict();
export type HostEntry = z.infer<typeof HostEntry>;

/** The allowlist of hosts that figures and caveat sources may cite. */
export const HostList = z
  .object({
    version: z.number().int().positive(),
    /** The citation policy, one rule per line. */
    policy: z.array(nonEmpty).min(1),
    hosts: z.array(HostEntry).min(1),
  })
  .strict();
export type HostList = z.infer<typeof HostList>;
