import { z } from 'zod';
import { GROUND_IDS } from '../law/types.js';
import { isoDate, text } from '../schemas/primitives.js';

/**
 * The story file a trainer writes: the worker's story in plain words, the facts a trainee picks
 * from, and which computed amounts to ask. It names its case file; it never holds an answer: the
 * key is made by the engine from the case file (see key.ts).
 */

export const LEVELS = ['easy', 'medium', 'hard'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * A change to the case file that takes a fact away: a path to remove (`harm.abuse[1]`), or a path
 * with the value the field would have without the fact. `exercise check` applies it and re-runs
 * the engine to confirm the fact bears on the claims it is tagged with.
 */
const CasePath = z.string().regex(/^[A-Za-z]\w*(\.[A-Za-z]\w*|\[\d+\])*$/, 'expected a case-file path like separation.forcedBy or harm.abuse[0]');
export const CaseEdit = z.union([CasePath, z.strictObject({ path: CasePath, set: z.unknown() })]);
export type CaseEdit = z.infer<typeof CaseEdit>;

const Fact = z.strictObject({
  /** Stable key: answer files name facts by it. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a short id like second-contract (lower case, digits, hyphens)'),
  text,
  /** The claims this fact supports; empty for a fact that supports none (a distractor). */
  supports: z.array(z.enum(GROUND_IDS)).default([]),
  /** Where the case file records this fact, so the engine can confirm the tags. */
  from: z.array(CaseEdit).default([]),
});
export type StoryFact = z.infer<typeof Fact>;

/** A decimal amount in major units, like "0.01" or "1". */
const Tolerance = z.string().regex(/^\d+(\.\d+)?$/, 'expected a decimal amount like 0.01 or 1');

export const StorySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an id like household-fee (lower case, digits, hyphens)'),
    title: text,
    level: z.enum(LEVELS),
    practises: z.array(text).min(1, 'say at least one thing the exercise practises'),
    /** The case file, relative to this story file. */
    case: text,
    /** Interest and deadlines are computed to this date, so the key never changes with the calendar. */
    asOf: isoDate,
    /** Largest difference accepted in an amount, in the line's currency; default 0: right to the cent. */
    tolerance: Tolerance.optional(),
    story: z.array(text).min(1, 'tell the story in at least one paragraph'),
    facts: z.array(Fact).min(2, 'give at least two facts to choose from'),
    /** Computation lines (ids as in the worksheet) the trainee computes; default: every line. */
    amounts: z.array(text).optional(),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.facts.forEach((f, i) => {
      if (seen.has(f.id)) ctx.addIssue({ code: 'custom', path: ['facts', i, 'id'], message: `fact id ${f.id} is used twice` });
      seen.add(f.id);
    });
  });
export type Story = z.infer<typeof StorySchema>;
