import type { Rule } from '../engine/types.js';
import { lengthCap } from './length-cap.js';
import { noRequestInReport } from './no-request-in-report.js';
import { oneRequestPerDoc } from './one-request-per-doc.js';
import { signerRequired } from './signer-required.js';
import { fonts } from './fonts.js';
import { lineGrid } from './line-grid.js';
import { pageNumber } from './page-number.js';
import { pageSetup } from './page-setup.js';
import { paragraphIndent } from './paragraph-indent.js';
import { docType } from './doc-type.js';
import { titleForm } from './title-form.js';
import { requestClosing } from './request-closing.js';
import { singleMainRecipient } from './single-main-recipient.js';
import { noLeaderRecipient } from './no-leader-recipient.js';
import { noCcSubordinate } from './no-cc-subordinate.js';
import { docNumber } from './doc-number.js';
import { dateFormat } from './date-format.js';
import { headingSequence } from './heading-sequence.js';
import { attachmentNote } from './attachment-note.js';
import { punctuation } from './punctuation.js';
import { terminology } from './terminology.js';
import { disclosureAttribute } from './disclosure-attribute.js';
import { dissentListed } from './dissent-listed.js';
import { consultationEvidence } from './consultation-evidence.js';
import { sealAndSignature } from './seal-and-signature.js';
import { normativeDocValidity } from './normative-doc-validity.js';
import { normativeDocNoLicensing } from './normative-doc-no-licensing.js';
import { meetingRequest } from './meeting-request.js';
import { minutesSigner } from './minutes-signer.js';
import { lateSubmissionDate } from './late-submission-date.js';
import { dateValidity } from './date-validity.js';
import { legalityReview } from './legality-review.js';
import { figuresAddUp } from './figures-add-up.js';

/** The built-in rules. A new rule is a file in this folder, a test in test/rules/, and one line here. */
export const builtinRules: Rule[] = [lengthCap, noRequestInReport, oneRequestPerDoc, signerRequired, pageSetup, fonts, lineGrid, paragraphIndent, pageNumber, docType, titleForm, requestClosing, singleMainRecipient, noLeaderRecipient, noCcSubordinate, docNumber, dateFormat, headingSequence, attachmentNote, punctuation, terminology, disclosureAttribute, dissentListed, consultationEvidence, sealAndSignature, normativeDocValidity, normativeDocNoLicensing, meetingRequest, minutesSigner, lateSubmissionDate, dateValidity, legalityReview, figuresAddUp];

export function ruleMap(extra: Rule[] = []): Map<string, Rule> {
  const m = new Map<string, Rule>();
  for (const r of [...builtinRules, ...extra]) m.set(r.meta.id, r);
  return m;
}
