import type { ParameterSet } from '../law/parameters.js';
import type { Assessment } from '../law/types.js';
import type { CaseFile } from '../schemas/case.js';
import type { DocumentModel } from './model.js';
import { type TemplateSet, renderTemplate } from './templates.js';
import { buildDraftView } from './view.js';

/** The documents of a draft set, in the order a lawyer reads them; each is one template. */
export const DRAFT_DOCUMENTS = ['complaint-affidavit', 'computation-annex', 'evidence-checklist', 'illegal-recruitment', 'cover-note'] as const;
export type DraftDocument = (typeof DRAFT_DOCUMENTS)[number];

export interface Draft {
  name: DraftDocument;
  model: DocumentModel;
}

/**
 * Every draft the facts call for: always the complaint-affidavit, its computation annex, the
 * evidence checklist and the cover note; the illegal-recruitment complaint only where the facts
 * show a fee over the cap, a fee from a household worker, fees without receipts or a substituted
 * contract. `only` limits them to those named (a batch writes three per worker).
 */
export function buildDrafts(c: CaseFile, a: Assessment, parameters: ParameterSet, templates: TemplateSet, only?: readonly DraftDocument[]): Draft[] {
  const view = buildDraftView(c, a, parameters);
  return DRAFT_DOCUMENTS.filter((name) => (name !== 'illegal-recruitment' || view.illegalRecruitment) && (!only || only.includes(name))).map((name) => ({ name, model: renderTemplate(templates, name, view) }));
}
