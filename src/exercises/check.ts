import type { InputProblem } from '../core/errors.js';
import type { ParameterSet } from '../law/parameters.js';
import type { Assessment, GroundId } from '../law/types.js';
import { applyEdits, assessRaw } from './counterfactual.js';
import { groundsAskedWhy, isSupported } from './key.js';
import type { Story } from './story.js';

/**
 * What `exercise check` verifies beyond the story's schema: that the story agrees with the engine.
 * A fact may be tagged only with claims the engine supports; every claim asked about has a fact;
 * and each fact's `from` edits, applied to the case, change the engine's verdict or reasons for
 * exactly the claims it is tagged with (and take away no other supported claim).
 */
export function checkStory(story: Story, raw: unknown, a: Assessment, parameters: ParameterSet, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const add = (path: string, message: string) => problems.push({ file, path, message });
  const claim = new Map(a.claims.map((c) => [c.ground, c]));

  for (const c of a.claims) {
    if (c.status === 'possible') add('case', `the engine finds ${c.ground} only possible (facts missing: ${c.missingFacts.map((m) => m.field).join(', ')}); an exercise needs a case whose claims are settled`);
  }
  const lineIds = new Set(a.lines.map((l) => l.id));
  (story.amounts ?? []).forEach((id, i) => {
    if (!lineIds.has(id)) add(`amounts[${i}]`, `the engine computes no line ${id} for this case; its lines are: ${[...lineIds].join(', ')}`);
  });
  for (const c of groundsAskedWhy(a)) {
    if (!story.facts.some((f) => f.supports.includes(c.ground))) add('facts', `no fact is tagged as supporting ${c.ground}, which the engine supports: tag the facts the trainee should pick`);
  }

  story.facts.forEach((fact, i) => {
    const at = `facts[${i}]`;
    fact.supports.forEach((g, j) => {
      const c = claim.get(g);
      if (!c || !isSupported(c)) add(`${at}.supports[${j}]`, `fact ${fact.id} is tagged as supporting ${g}, but the engine finds it ${c?.status.replace('_', ' ') ?? 'absent'}: ${c?.reasons.join(' ') ?? ''}`.trim());
    });
    if (fact.supports.length && !fact.from.length) {
      add(`${at}.from`, `fact ${fact.id} supports a claim: say where the case file records it (from: [case-file paths]) so the engine can confirm it`);
      return;
    }
    if (!fact.from.length) return;
    let variant: unknown;
    try {
      variant = applyEdits(raw, fact.from);
    } catch (e) {
      add(`${at}.from`, (e as Error).message);
      return;
    }
    const outcome = assessRaw(variant, story.asOf, parameters);
    if (!outcome.ok) {
      add(`${at}.from`, `without fact ${fact.id} the case file is no longer valid (${outcome.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}); set a value instead of removing the field ({ path, set })`);
      return;
    }
    const without = new Map(outcome.assessment.claims.map((c) => [c.ground, c]));
    for (const g of fact.supports) {
      const before = claim.get(g);
      if (before && isSupported(before) && sameVerdict(g, a, outcome.assessment)) {
        add(`${at}.supports`, `fact ${fact.id} is tagged as supporting ${g}, but taking it away (${describeEdits(fact.from)}) changes nothing the engine says about ${g}`);
      }
    }
    for (const c of a.claims) {
      if (isSupported(c) && !fact.supports.includes(c.ground) && !isSupported(without.get(c.ground)!) && groundsAskedWhy(a).includes(c)) {
        add(`${at}.supports`, `without fact ${fact.id} the engine no longer supports ${c.ground}: tag the fact with it`);
      }
    }
  });
  return problems;
}

/** Same status, same reasons and the same amounts for the ground: the fact made no difference to it. */
function sameVerdict(ground: GroundId, a: Assessment, b: Assessment): boolean {
  const view = (x: Assessment) => {
    const c = x.claims.find((cl) => cl.ground === ground)!;
    return JSON.stringify([c.status, c.reasons, x.lines.filter((l) => l.ground === ground).map((l) => [l.id, l.amount])]);
  };
  return view(a) === view(b);
}

const describeEdits = (edits: Story['facts'][number]['from']): string =>
  edits.map((e) => (typeof e === 'string' ? `without ${e}` : `${e.path} = ${JSON.stringify(e.set)}`)).join(', ');
