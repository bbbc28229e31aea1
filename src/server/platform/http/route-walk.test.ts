import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { pdfBytes } from '../../modules/documents/documents.fixtures.ts';
import { startTestApp, type Agent, type TestApp } from '../../test/harness.ts';
import { clientAgent } from '../auth/portal-sessions.fixtures.ts';
import { makeRecords, people, type Records, type Scope } from './route-walk.fixtures.ts';
import { preparePrivacy, privacyExceptions, privacyWalk } from './route-walk/privacy.ts';
import { agreementsExceptions, agreementsWalk, prepareAgreements } from './route-walk/agreements.ts';
import { prepareSchemes, schemesWalk } from './route-walk/schemes.ts';
import { prepareSubjectAccess, subjectAccessExceptions, subjectAccessWalk } from './route-walk/subject-access.ts';
import { prepareRetention, retentionExceptions, retentionWalk } from './route-walk/retention.ts';
import { helpExceptions, helpWalk, prepareHelp } from './route-walk/help.ts';
import { prepareWebhooks, webhooksExceptions, webhooksWalk } from './route-walk/webhooks.ts';
import { prepareSetup, setupWalk } from './route-walk/setup.ts';

/**
 * Walks every registered route as four strangers to the Demo County Police ASB team's records:
 * the council practitioner (same partnership, no access), an organisation admin of the council
 * (for the administration routes), the other partnership's practitioner, and a read-only member
 * of the owning team. Each route is called with real ids and a valid body, so the answer comes
 * from the access check, not from validation. A stranger gets 403 or 404 (the read-only teammate
 * may read), the reply holds no text or id of any record beyond what the design shows them, and
 * nothing changes. A route answering a stranger otherwise by design is an exception below, with
 * its reason; the list is snapshotted so that a new one is reviewed.
 *
 * The portal's routes serve clients only, and a staff session is not even read there: they are
 * walked apart, with a client's session on every staff route and a member of staff's on every
 * client route (the last describe).
 */

type Stranger = 'council' | 'councilAdmin' | 'other' | 'readOnly';
const strangers: Stranger[] = ['readOnly', 'other', 'councilAdmin', 'council'];

interface Call {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  /** A raw body (uploads): the bytes and their content type. */
  file?: { bytes: Buffer; type: string };
}

// Short forms, so each route stays on one line.
const id = (value: string, body?: unknown): Call => ({ params: { id: value }, body });
const key = (value: string, body?: unknown): Call => ({ params: { idOrKey: value }, body });
const q = (query: Record<string, string | number>): Call => ({ query });
const b = (body: unknown): Call => ({ body });
const none: Call = {};
const pdf = pdfBytes('Stranger');
const file = (params: Record<string, string>, query: Record<string, string | number>): Call => ({ params, query, file: { bytes: pdf, type: 'application/pdf' } });
const by = 'Changed by a stranger';
const now = new Date().toISOString();
const report = { reportType: 'visit', occurredAt: now, body: `<p>${by}</p>`, visibility: 'shared' };

/** How to call each route: its path parameters from the records, its query, and for a change a valid body. */
const walk: Record<string, (r: Records) => Call> = {
  'GET /api/docs': () => none,
  'GET /api/docs/json': () => none,
  'GET /api/docs/static/*': () => ({ params: { '*': 'index.css' } }),
  'GET /api/docs/static/index.html': () => none,
  'GET /api/docs/static/swagger-initializer.js': () => none,
  'GET /api/docs/yaml': () => none,
  'GET /api/openapi.json': () => none,
  'GET /healthz': () => none,
  'GET /api/v1/access-requests': () => none,
  'GET /api/v1/access-requests/:id': (r) => id(r.accessRequest.id),
  'GET /api/v1/actions': () => q({ state: 'all' }),
  'GET /api/v1/actions/:id': (r) => id(r.action.id),
  'GET /api/v1/actions/recipients': () => none,
  'GET /api/v1/api-tokens': (r) => q({ organisationId: r.place.policeOrganisation }),
  'GET /api/v1/assessment-questions': () => q({ limit: 200 }),
  'GET /api/v1/assessment-questions/:id': (r) => id(r.question.id),
  'GET /api/v1/assessment-templates': () => none,
  'GET /api/v1/assessment-templates/:idOrKey': (r) => key(r.template.id),
  'GET /api/v1/assessment-templates/:idOrKey/statistics': (r) => key(r.template.id),
  'GET /api/v1/assessment-templates/:idOrKey/statistics.csv': (r) => key(r.template.id),
  'GET /api/v1/assessment-templates/:idOrKey/versions': (r) => key(r.template.id),
  'GET /api/v1/referral-forms': () => none,
  'GET /api/v1/referral-forms/:id': (r) => id(r.referralForm.id),
  'GET /api/v1/referral-forms/:id/versions': (r) => id(r.referralForm.id),
  'GET /api/v1/public/referral-forms/:slug': (r) => ({ params: { slug: r.referralForm.slug } }),
  'GET /api/v1/referrals': (r) => q({ teamId: r.place.asbTeam.teamId }),
  'GET /api/v1/referrals/statistics': (r) => q({ teamId: r.place.asbTeam.teamId }),
  'GET /api/v1/referrals/:id': (r) => id(r.deskReferral.id),
  'GET /api/v1/referrals/:id/matches': (r) => id(r.deskReferral.id),
  'GET /refer/:slug': (r) => ({ params: { slug: r.referralForm.slug } }),
  'GET /refer/:slug/:page': (r) => ({ params: { slug: r.referralForm.slug, page: 'about-you' } }),
  'GET /api/v1/assessments': () => none,
  'GET /api/v1/assessments/:id': (r) => id(r.assessment.id),
  'GET /api/v1/assessments/:id/comparison': (r) => id(r.assessment.id),
  'GET /api/v1/audit-events': (r) => q({ entityId: r.profile.id }),
  'GET /api/v1/audit-events/actions': () => none,
  'GET /api/v1/auth/enrolment': () => none,
  'GET /api/v1/cases': (r) => q({ profileId: r.profile.id }),
  'GET /api/v1/cases/:id': (r) => id(r.case.id),
  'GET /api/v1/cases/:id/access': (r) => id(r.case.id),
  'GET /api/v1/cases/:id/action-plans': (r) => id(r.case.id),
  'GET /api/v1/cases/:id/assessments': (r) => id(r.case.id),
  'GET /api/v1/cases/:id/documents': (r) => id(r.case.id),
  'GET /api/v1/cases/:id/history': (r) => id(r.case.id),
  'GET /api/v1/cases/:id/interest': (r) => id(r.case.id),
  'GET /api/v1/cases/:id/tasks': (r) => id(r.case.id),
  'GET /api/v1/cases/:id/timeline': (r) => id(r.case.id),
  'GET /api/v1/cases/:id/summary.pdf': (r) => id(r.case.id),
  'GET /api/v1/directory': (r) => q({ q: r.text.userName }),
  'GET /api/v1/document-rules': () => none,
  'GET /api/v1/documents/:id': (r) => id(r.document.id),
  'GET /api/v1/documents/:id/content': (r) => id(r.document.id),
  'GET /api/v1/home': () => none,
  'GET /api/v1/insights/hotspots': () => none,
  'GET /api/v1/insights/hotspots.csv': () => none,
  'GET /api/v1/insights/hotspots.xlsx': () => none,
  'GET /api/v1/insights/compliance': (r) => q({ teamId: r.place.asbTeam.teamId }),
  'GET /api/v1/insights/compliance.xlsx': (r) => q({ teamId: r.place.asbTeam.teamId }),
  'GET /api/v1/insights/compliance.csv': (r) => q({ teamId: r.place.asbTeam.teamId, check: 'no-reason' }),
  'GET /api/v1/insights/compliance/:check': (r) => ({ params: { check: 'no-reason' }, query: { teamId: r.place.asbTeam.teamId } }),
  'GET /api/v1/insights/settings': () => none,
  'GET /api/v1/insights/overview': () => none,
  'GET /api/v1/insights/overview.csv': () => none,
  'GET /api/v1/insights/overview.xlsx': () => none,
  'GET /api/v1/interests': () => none,
  'GET /api/v1/locations': (r) => q({ q: r.text.locationAddress }),
  'GET /api/v1/locations/:id': (r) => id(r.location.id),
  'GET /api/v1/locations/:id/access': (r) => id(r.location.id),
  'GET /api/v1/locations/:id/documents': (r) => id(r.location.id),
  'GET /api/v1/locations/:id/history': (r) => id(r.location.id),
  'GET /api/v1/locations/:id/tasks': (r) => id(r.location.id),
  'GET /api/v1/locations/:id/timeline': (r) => id(r.location.id),
  'GET /api/v1/locations/matches': (r) => q({ addressLine1: r.text.locationAddress, postcode: 'DE4 3AG' }),
  'GET /api/v1/lookups': () => q({ list: 'warning_marker' }),
  'GET /api/v1/me': () => none,
  'GET /api/v1/notification-preferences': () => none,
  'GET /api/v1/notifications': () => none,
  'GET /api/v1/notifications/unread-count': () => none,
  'GET /api/v1/organisations': () => none,
  'GET /api/v1/organisations/:id': (r) => id(r.place.policeOrganisation),
  'GET /api/v1/outbox': () => none,
  'GET /api/v1/partnerships': () => none,
  'GET /api/v1/partnerships/:id': (r) => id(r.place.partnershipId),
  'GET /api/v1/postcodes/:postcode': () => ({ params: { postcode: 'DE4 3AG' } }),
  'GET /api/v1/profiles': (r) => q({ q: r.text.lastName }),
  'GET /api/v1/profiles/:id': (r) => id(r.profile.id),
  'GET /api/v1/profiles/:id/access': (r) => id(r.profile.id),
  'GET /api/v1/profiles/:id/assessments': (r) => id(r.profile.id),
  'GET /api/v1/profiles/:id/documents': (r) => id(r.profile.id),
  'GET /api/v1/profiles/:id/history': (r) => id(r.profile.id),
  'GET /api/v1/profiles/:id/interest': (r) => id(r.profile.id),
  'GET /api/v1/profiles/:id/photo': (r) => id(r.profile.id),
  'GET /api/v1/profiles/:id/photo/thumbnail': (r) => id(r.profile.id),
  'GET /api/v1/profiles/:id/risk-levels': (r) => id(r.profile.id),
  'GET /api/v1/profiles/:id/tasks': (r) => id(r.profile.id),
  'GET /api/v1/profiles/:id/timeline': (r) => id(r.profile.id),
  'GET /api/v1/profiles/:id/summary.pdf': (r) => id(r.profile.id),
  'GET /api/v1/profiles/matches': (r) => q({ firstName: r.text.firstName, lastName: r.text.lastName }),
  'GET /api/v1/reports/:id': (r) => id(r.report.id),
  'GET /api/v1/reports/:id/versions': (r) => id(r.report.id),
  'GET /api/v1/search': (r) => q({ q: r.text.lastName }),
  'GET /api/v1/search/reports': (r) => q({ q: r.text.reportEdited }),
  'GET /api/v1/settings': () => none,
  'GET /api/v1/supervision': (r) => q({ teamId: r.place.asbTeam.teamId }),
  'GET /api/v1/tasks': () => q({ view: 'mine', state: 'all' }),
  'GET /api/v1/tasks/:id': (r) => id(r.task.id),
  'GET /api/v1/teams': () => none,
  'GET /api/v1/teams/:id': (r) => id(r.team.id),
  'GET /api/v1/templates': () => none,
  'GET /api/v1/templates/:id/content': (r) => id(r.libraryTemplate.id),
  'GET /api/v1/timeline': (r) => q({ subjectType: 'profile', subjectId: r.profile.id }),
  'GET /api/v1/users': (r) => q({ teamId: r.place.asbTeam.teamId }),
  'GET /api/v1/users/:id': (r) => id(r.user.id),
  'GET /api/v1/panels': () => none,
  'GET /api/v1/panels/:id': (r) => id(r.panel.id),
  'GET /api/v1/panels/:id/meetings': (r) => id(r.panel.id),
  'GET /api/v1/panels/:id/referrals': (r) => id(r.panel.id),
  'GET /api/v1/panels/:id/referral-start': (r) => ({ params: { id: r.panel.id }, query: { subjectType: 'profile', subjectId: r.profile.id } }),
  'GET /api/v1/panels/:id/statistics': (r) => id(r.panel.id),
  'GET /api/v1/panels/:id/statistics.csv': (r) => id(r.panel.id),
  'GET /api/v1/panel-referrals': (r) => q({ subjectType: 'profile', subjectId: r.profile.id }),
  'GET /api/v1/panel-referrals/:id': (r) => id(r.referral.id),
  'GET /api/v1/meetings/:id': (r) => id(r.meeting.id),
  'GET /api/v1/meetings/:id/calendar.ics': (r) => id(r.meeting.id),
  'GET /api/v1/meetings/:id/agenda/:itemId/versions': (r) => ({ params: { id: r.meeting.id, itemId: r.item.id } }),
  'GET /api/v1/victim-care/settings': () => none,
  'GET /api/v1/profiles/:id/victim-care': (r) => id(r.profile.id),
  'GET /api/v1/profiles/:id/contact-plan': (r) => id(r.profile.id),
  'GET /api/v1/profiles/:id/contacts': (r) => id(r.profile.id),
  'GET /api/v1/profiles/:id/contacts.csv': (r) => id(r.profile.id),
  'GET /api/v1/victim-contacts/overdue': (r) => q({ teamId: r.place.asbTeam.teamId }),
  'GET /api/v1/community-triggers': () => none,
  'GET /api/v1/case-reviews/:id': (r) => id(r.caseReview.id),

  'DELETE /api/v1/assessments/:id': (r) => id(r.draft.id),
  'DELETE /api/v1/cases/:id/access': (r) => id(r.case.id, { organisationId: r.place.housing }),
  'DELETE /api/v1/cases/:id/interest': (r) => id(r.case.id, {}),
  'DELETE /api/v1/cases/:id/locations/:locationId': (r) => ({ params: { id: r.case.id, locationId: r.location.id } }),
  'DELETE /api/v1/cases/:id/profiles/:profileId': (r) => ({ params: { id: r.case.id, profileId: r.profile.id } }),
  'DELETE /api/v1/locations/:id/access': (r) => id(r.location.id, { organisationId: r.place.housing }),
  'DELETE /api/v1/profiles/:id/access': (r) => id(r.profile.id, { organisationId: r.place.housing }),
  'DELETE /api/v1/profiles/:id/interest': (r) => id(r.profile.id, {}),
  'DELETE /api/v1/profiles/:id/photo': (r) => ({ params: { id: r.profile.id }, query: { version: r.profile.version } }),
  'DELETE /api/v1/profiles/:id/relationships/:relationshipId': (r) => ({ params: { id: r.profile.id, relationshipId: r.relationship.id } }),
  'DELETE /api/v1/tasks/:id/watching': (r) => id(r.task.id),
  'DELETE /api/v1/meetings/:id/agenda/:itemId': (r) => ({ params: { id: r.meeting.id, itemId: r.item.id } }),

  'PATCH /api/v1/action-plans/:id': (r) => id(r.plan.id, { version: r.plan.version, title: by }),
  'PATCH /api/v1/actions/:id': (r) => id(r.action.id, { version: r.action.version, title: by }),
  'PATCH /api/v1/assessment-questions/:id': (r) => id(r.question.id, { version: r.question.version, text: by }),
  'PATCH /api/v1/assessment-templates/:idOrKey': (r) => key(r.template.id, { version: r.template.version, name: by }),
  'PATCH /api/v1/referral-forms/:id': (r) => id(r.referralForm.id, { version: r.referralForm.version, name: by }),
  'PATCH /api/v1/referrals/:id': (r) => id(r.deskReferral.id, { version: 1, assignedToId: null }),
  'PATCH /api/v1/assessments/:id': (r) => id(r.draft.id, { version: r.draft.version, answers: { 'victim-vulnerable': 'yes' } }),
  'PATCH /api/v1/cases/:id': (r) => id(r.case.id, { version: r.case.version, title: by }),
  'PATCH /api/v1/cases/:id/interventions/:interventionId': (r) => ({ params: { id: r.case.id, interventionId: r.intervention.id }, body: { version: r.intervention.version, notes: by } }),
  'PATCH /api/v1/documents/:id': (r) => id(r.document.id, { version: r.document.version, title: by }),
  'PATCH /api/v1/locations/:id': (r) => id(r.location.id, { version: r.location.version, name: by }),
  'PATCH /api/v1/lookups/:id': (r) => id(r.lookup.id, { version: r.lookup.version, name: by }),
  'PATCH /api/v1/organisations/:id': (r) => id(r.place.policeOrganisation, { version: 1, name: by }),
  'PATCH /api/v1/partnerships/:id': (r) => id(r.place.partnershipId, { version: 1, name: by }),
  'PATCH /api/v1/profiles/:id': (r) => id(r.profile.id, { version: r.profile.version, keyInformation: by }),
  'PATCH /api/v1/reports/:id': (r) => id(r.report.id, { version: r.report.version, body: `<p>${by}</p>` }),
  'PATCH /api/v1/tasks/:id': (r) => id(r.task.id, { version: r.task.version, title: by }),
  'PATCH /api/v1/teams/:id': (r) => id(r.team.id, { version: r.team.version, name: by }),
  'PATCH /api/v1/templates/:id': (r) => id(r.libraryTemplate.id, { version: r.libraryTemplate.version, title: by }),
  'PATCH /api/v1/users/:id': (r) => id(r.user.id, { version: r.user.version, name: by }),
  'PATCH /api/v1/panels/:id': (r) => id(r.panel.id, { version: r.panel.version, name: by }),
  'PATCH /api/v1/meetings/:id': (r) => id(r.meeting.id, { version: r.meeting.version, place: by }),
  'PATCH /api/v1/case-reviews/:id': (r) => id(r.caseReview.id, { version: r.caseReview.version, stage: 'threshold-decision', thresholdMet: true }),

  'POST /api/v1/access-requests/:id/approve': (r) => id(r.accessRequest.id, { reason: by }),
  'POST /api/v1/access-requests/:id/refuse': (r) => id(r.accessRequest.id, { reason: by }),
  'POST /api/v1/access-requests/:id/withdraw': (r) => id(r.accessRequest.id, {}),
  'POST /api/v1/account/password': () => b({ currentPassword: 'not the password at all', newPassword: 'a stranger chose this one' }),
  'POST /api/v1/actions': (r) => b({ title: by, dueAt: '2030-01-15T09:00:00Z', record: { kind: 'profile', id: r.profile.id } }),
  'POST /api/v1/actions/:id/done': (r) => id(r.action.id, { version: r.action.version }),
  'POST /api/v1/api-tokens': (r) => b({ organisationId: r.place.policeOrganisation, teamId: r.place.asbTeam.teamId, name: by, access: 'write' }),
  'POST /api/v1/api-tokens/:id/revoke': (r) => id(r.token.id, {}),
  'GET /api/v1/organisations/:id/sign-in': (r) => id(r.place.policeOrganisation),
  'PUT /api/v1/organisations/:id/sign-in': (r) => id(r.place.policeOrganisation, { version: 0, issuerUrl: 'https://login.example', clientId: by, clientSecret: by, enabled: true, trustProviderMfa: true, mfaAcrValues: [], ssoOnly: true }),
  'POST /api/v1/organisations/:id/sign-in/test': (r) => id(r.place.policeOrganisation, {}),
  'POST /api/v1/assessment-questions': () => b({ text: `${by}: is the question kept?`, kind: 'yes_no', nature: 'objective' }),
  'POST /api/v1/assessment-templates': () => b({ name: by, definition: { sections: [{ title: 'One', questions: [{ key: 'one', text: 'One?', kind: 'yes_no', options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] }] }] } }),
  'POST /api/v1/assessment-templates/:idOrKey/copy': (r) => key(r.template.id, { name: by }),
  'POST /api/v1/referral-forms': (r) => b({ name: by, teamId: r.place.asbTeam.teamId }),
  'POST /api/v1/referrals': (r) => b({ teamId: r.place.asbTeam.teamId, referrer: { name: by }, subject: { firstName: 'Stranger', lastName: 'Sent' }, concern: by, consent: true }),
  'POST /api/v1/referrals/:id/decision': (r) => id(r.deskReferral.id, { decision: 'decline', reason: by }),
  'POST /api/v1/referrals/:id/notes': (r) => id(r.deskReferral.id, { text: by }),
  'POST /api/v1/referrals/:id/triage': (r) => id(r.deskReferral.id, { reason: by }),
  'POST /api/v1/referrals/:id/withdrawal': (r) => id(r.deskReferral.id, { reason: by }),
  'POST /api/v1/referrals/:id/reopening': (r) => id(r.deskReferral.id, { reason: by }),
  'POST /api/v1/referrals/:id/information': (r) => id(r.deskReferral.id, { information: by }),
  'POST /api/v1/assessments': (r) => b({ template: 'victim-screening', subject: { type: 'profile', id: r.profile.id } }),
  'POST /api/v1/assessments/:id/adjustment': (r) => id(r.assessment.id, { version: r.assessment.version, score: 10, reason: by }),
  'POST /api/v1/assessments/:id/adjustment/decision': (r) => id(r.assessment.id, { version: r.assessment.version, decision: 'approved' }),
  'POST /api/v1/assessments/:id/complete': (r) => id(r.draft.id, { version: r.draft.version }),
  'POST /api/v1/assessments/:id/information-requests': (r) => id(r.draft.id, { questionKey: 'victim-coping', assignee: { userId: r.place.leadId }, dueOn: '2030-01-15' }),
  'POST /api/v1/assessments/:id/review': (r) => id(r.assessment.id, {}),
  'POST /api/v1/audit-events/verify': () => b({}),
  'POST /api/v1/auth/enrolment': () => b({ totp: '123456' }),
  'POST /api/v1/auth/password-reset': () => b({ email: people.police }),
  'POST /api/v1/auth/password-reset/complete': () => b({ token: 'a'.repeat(43), password: 'a stranger chose this one' }),
  'POST /api/v1/cases': (r) => b({ caseType: 'ASB', title: by, parentCaseId: r.case.id }),
  'POST /api/v1/cases/:id/access': (r) => id(r.case.id, { teamId: r.place.councilTeam.teamId, level: 'edit' }),
  'POST /api/v1/cases/:id/access-requests': (r) => id(r.case.id, { reason: by }),
  'POST /api/v1/cases/:id/action-plans': (r) => id(r.case.id, { title: by }),
  'POST /api/v1/cases/:id/archive': (r) => id(r.case.id, { version: r.case.version }),
  'POST /api/v1/cases/:id/close': (r) => id(r.case.id, { version: r.case.version, outcome: by, reason: by }),
  'POST /api/v1/cases/:id/documents': (r) => file({ id: r.case.id }, { fileName: 'stranger.pdf' }),
  'POST /api/v1/cases/:id/documents/from-template': (r) => id(r.case.id, { templateId: r.libraryTemplate.id }),
  'POST /api/v1/cases/:id/interventions': (r) => id(r.case.id, { interventionType: 'Warning Letter', notes: by }),
  'POST /api/v1/cases/:id/locations': (r) => id(r.case.id, { locationId: r.location.id }),
  'POST /api/v1/cases/:id/profiles': (r) => id(r.case.id, { profileId: r.second.id, role: 'witness' }),
  'POST /api/v1/cases/:id/reopen': (r) => id(r.case.id, { version: r.case.version, reason: by }),
  'POST /api/v1/cases/:id/reports': (r) => id(r.case.id, report),
  'POST /api/v1/documents/:id/versions': (r) => file({ id: r.document.id }, { fileName: 'stranger.pdf', version: r.document.version }),
  'POST /api/v1/locations': () => b({ addressLine1: '1 Strangers Row', postcode: 'NG1 5AB', confirmNoDuplicate: true }),
  'POST /api/v1/locations/:id/access': (r) => id(r.location.id, { teamId: r.place.councilTeam.teamId, level: 'edit' }),
  'POST /api/v1/locations/:id/access-requests': (r) => id(r.location.id, { reason: by }),
  'POST /api/v1/locations/:id/documents': (r) => file({ id: r.location.id }, { fileName: 'stranger.pdf' }),
  'POST /api/v1/locations/:id/documents/from-template': (r) => id(r.location.id, { templateId: r.libraryTemplate.id }),
  'POST /api/v1/locations/:id/reports': (r) => id(r.location.id, report),
  'POST /api/v1/lookups': () => b({ list: 'warning_marker', name: by }),
  'POST /api/v1/notifications/:id/read': (r) => id(r.notification.id, {}),
  'POST /api/v1/notifications/read-all': () => b({}),
  'POST /api/v1/organisations': (r) => b({ partnershipId: r.place.partnershipId, name: by, kind: 'council' }),
  'POST /api/v1/partnerships': () => b({ name: by }),
  'POST /api/v1/profile-imports': () => b({ csv: 'first name,last name,reason created\nKit,Stranger,Imported\n', dryRun: true }),
  'POST /api/v1/user-imports': () => b({ csv: `name,email,team,role\n${by},stranger.import@concord.test,Demo County Police / ASB team,practitioner\n`, dryRun: true }),
  'POST /api/v1/case-imports': () => b({ csv: `title,case type,owning team\n${by},ASB,Demo County Police / ASB team\n`, dryRun: true }),
  'POST /api/v1/location-imports': () => b({ csv: `address line 1,postcode,owning team\n${by},NG1 5AB,Demo County Police / ASB team\n`, dryRun: true }),
  'POST /api/v1/profiles': (r) => b({ firstName: 'Kit', lastName: 'Stranger', reasonCreated: by, addresses: [{ addressLine1: '1 Strangers Row', locationId: r.location.id }], confirmNoDuplicate: true }),
  'POST /api/v1/profiles/:id/access': (r) => id(r.profile.id, { teamId: r.place.councilTeam.teamId, level: 'edit' }),
  'POST /api/v1/profiles/:id/access-requests': (r) => id(r.profile.id, { reason: by }),
  'POST /api/v1/profiles/:id/documents': (r) => file({ id: r.profile.id }, { fileName: 'stranger.pdf' }),
  'POST /api/v1/profiles/:id/documents/from-template': (r) => id(r.profile.id, { templateId: r.libraryTemplate.id }),
  'POST /api/v1/profiles/:id/merge': (r) => id(r.profile.id, { duplicateId: r.second.id, reason: by }),
  'POST /api/v1/profiles/:id/relationships': (r) => id(r.profile.id, { otherProfileId: r.second.id, kind: 'associate' }),
  'POST /api/v1/profiles/:id/reports': (r) => id(r.profile.id, report),
  'POST /api/v1/reports': (r) => b({ ...report, subject: { type: 'profile', id: r.profile.id } }),
  'POST /api/v1/tasks': (r) => b({ title: by, dueOn: '2030-01-15', assignee: { userId: r.place.leadId }, record: { kind: 'case', id: r.case.id } }),
  'POST /api/v1/tasks/:id/accept': (r) => id(r.task.id, {}),
  'POST /api/v1/tasks/:id/cancel': (r) => id(r.task.id, { version: r.task.version, reason: by }),
  'POST /api/v1/tasks/:id/complete': (r) => id(r.task.id, { result: by }),
  'POST /api/v1/tasks/:id/decline': (r) => id(r.task.id, { reason: by }),
  'POST /api/v1/tasks/:id/updates': (r) => id(r.task.id, { note: by }),
  'POST /api/v1/teams': (r) => b({ organisationId: r.place.policeOrganisation, name: by }),
  'POST /api/v1/templates': () => file({}, { fileName: 'stranger.pdf', folder: 'Letters', title: by }),
  'POST /api/v1/templates/:id/file': (r) => file({ id: r.libraryTemplate.id }, { fileName: 'stranger.pdf', version: r.libraryTemplate.version }),
  'POST /api/v1/users': (r) => b({ teamId: r.place.asbTeam.teamId, name: by, email: 'stranger.made@concord.test', role: 'team_admin' }),
  'POST /api/v1/users/:id/disable': (r) => id(r.user.id, { version: r.user.version, reason: by }),
  'POST /api/v1/users/:id/enable': (r) => id(r.user.id, { version: r.user.version }),
  'POST /api/v1/users/:id/invitation': (r) => id(r.user.id, {}),
  'POST /api/v1/users/:id/reset-authenticator': (r) => id(r.user.id, { version: r.user.version }),
  'POST /api/v1/panels': (r) => b({ kind: 'MARAC', name: by, memberOrganisationIds: [r.place.councilOrganisation] }),
  'POST /api/v1/panels/:id/referrals': (r) => id(r.panel.id, { subject: { type: 'profile', id: r.profile.id }, reason: by, criteria: ['professional-judgement'] }),
  'POST /api/v1/panel-referrals/:id/withdraw': (r) => id(r.waitingReferral.id, { reason: by }),
  'POST /api/v1/meetings': (r) => b({ panelId: r.panel.id, startsAt: '2030-01-15T11:00:00Z', place: by }),
  'POST /api/v1/meetings/:id/close': (r) => id(r.meeting.id, {}),
  'POST /api/v1/meetings/:id/agenda': (r) => id(r.meeting.id, { referralId: r.waitingReferral.id }),
  'POST /api/v1/meetings/:id/agenda/waiting': (r) => id(r.meeting.id, {}),
  'POST /api/v1/meetings/:id/agenda/:itemId/actions': (r) => ({ params: { id: r.meeting.id, itemId: r.item.id }, body: { title: by, assignee: { userId: r.place.leadId }, dueDate: '2030-01-15' } }),
  'POST /api/v1/profiles/:id/contacts': (r) => id(r.profile.id, { channel: 'visit', reached: true, note: by }),
  'POST /api/v1/community-triggers/:flagId/case-review': (r) => ({ params: { flagId: r.flagId }, body: {} }),
  'POST /api/v1/case-reviews': (r) => b({ profileId: r.profile.id }),

  'PUT /api/v1/cases/:id/interest': (r) => id(r.case.id, {}),
  'PUT /api/v1/notification-preferences': () => b({ email: 'immediate' }),
  'PUT /api/v1/profiles/:id/interest': (r) => id(r.profile.id, {}),
  'PUT /api/v1/profiles/:id/photo': (r) => ({ params: { id: r.profile.id }, query: { version: r.profile.version }, file: { bytes: r.png, type: 'image/png' } }),
  'PUT /api/v1/tasks/:id/watching': (r) => id(r.task.id),
  'PUT /api/v1/meetings/:id/agenda/order': (r) => id(r.meeting.id, { itemIds: [r.item.id] }),
  'PUT /api/v1/meetings/:id/agenda/:itemId/minutes': (r) => ({ params: { id: r.meeting.id, itemId: r.item.id }, body: { text: by } }),
  'PUT /api/v1/meetings/:id/agenda/:itemId/research': (r) => ({ params: { id: r.meeting.id, itemId: r.item.id }, body: { known: by } }),
  'PUT /api/v1/meetings/:id/attendance/:organisationId': (r) => ({ params: { id: r.meeting.id, organisationId: r.place.housing }, body: { status: 'present', confidentialityAgreed: true } }),
  'PUT /api/v1/victim-care/settings': () => b({
    version: 0, cadenceDays: { standard: 1, medium: 1, high: 1, notAssessed: 1 }, overdueGraceDays: 0,
    communityTrigger: { complaints: 1, months: 1, locationComplaints: null, anyHateIncident: false },
  }),
  'PUT /api/v1/profiles/:id/contact-plan': (r) => id(r.profile.id, { frequencyDays: 1, safeToText: true }),

  // The client portal, as staff see it (the portal's own routes are walked apart, below).
  'GET /api/v1/portal-settings': () => none,
  'PUT /api/v1/insights/settings': () => b({ version: 0, staleAfterDays: 30, repeatVictimIncidents: 3 }),
  'POST /api/v1/profiles/:id/expected-sharing': (r) => id(r.profile.id, {}),
  'PUT /api/v1/portal-settings': () => b({ version: 0, serviceName: by, exitUrl: 'https://www.example.org/' }),
  'GET /api/v1/profiles/:id/portal-access': (r) => id(r.profile.id),
  'POST /api/v1/profiles/:id/portal-access': (r) => id(r.profile.id, { email: 'stranger.invited@example.org' }),
  'DELETE /api/v1/profiles/:id/portal-access': (r) => id(r.profile.id),
  'GET /api/v1/profiles/:id/portal/messages': (r) => id(r.profile.id),
  'POST /api/v1/profiles/:id/portal/messages': (r) => id(r.profile.id, { body: by }),
  'POST /api/v1/profiles/:id/portal/messages/read': (r) => id(r.profile.id, { upTo: r.message.id }),
  'POST /api/v1/profiles/:id/portal/attachments': (r) => file({ id: r.profile.id }, { fileName: 'stranger.pdf' }),
  'GET /api/v1/profiles/:id/portal/attachments/:attachmentId': (r) => ({ params: { id: r.profile.id, attachmentId: r.attachment.id } }),
  'GET /api/v1/profiles/:id/safety-plan': (r) => id(r.profile.id),
  'PUT /api/v1/profiles/:id/safety-plan': (r) => id(r.profile.id, { version: 1, steps: [by], emergencyContacts: [] }),
  'GET /api/v1/profiles/:id/appointments': (r) => id(r.profile.id),
  'POST /api/v1/profiles/:id/appointments': (r) => id(r.profile.id, { startsAt: '2030-01-15T10:00:00Z', place: by, withWhom: by }),
  'PATCH /api/v1/appointments/:id': (r) => id(r.appointment.id, { version: r.appointment.version, place: by }),
  'GET /api/v1/profiles/:id/portal/items': (r) => id(r.profile.id),
  'PUT /api/v1/profiles/:id/portal/documents/:documentId': (r) => ({ params: { id: r.profile.id, documentId: r.document.id } }),
  'DELETE /api/v1/profiles/:id/portal/documents/:documentId': (r) => ({ params: { id: r.profile.id, documentId: r.document.id } }),
  'PUT /api/v1/profiles/:id/portal/tasks/:taskId': (r) => ({ params: { id: r.profile.id, taskId: r.task.id } }),
  'DELETE /api/v1/profiles/:id/portal/tasks/:taskId': (r) => ({ params: { id: r.profile.id, taskId: r.task.id } }),
  ...privacyWalk,
  ...agreementsWalk,
  ...schemesWalk,
  ...subjectAccessWalk,
  ...retentionWalk,
  ...helpWalk,
  ...webhooksWalk,
  ...setupWalk,
};

interface Exception {
  /** The strangers it answers by design (anything but 401 or a server error), or `skip`: not called at all. */
  who: Stranger[] | 'skip';
  reason: string;
  /** The reply may show locked stubs (name and date of birth, reference and title, address) to the council's people. */
  stubs?: true;
}

const everyone: Stranger[] = ['council', 'councilAdmin', 'other', 'readOnly'];
const outsiders: Stranger[] = ['council', 'councilAdmin', 'other'];
const council: Stranger[] = ['council', 'councilAdmin'];
const councilAdmin: Stranger[] = ['councilAdmin'];
const readOnly: Stranger[] = ['readOnly'];
const unfollow = 'the caller\'s own subscription; dropping it needs no access, so one who lost access can still stop following';
const askAccess = 'asking the owning team is how a stranger inside the partnership gets in; a teammate is told they have it (409)';

/**
 * Routes that answer a stranger with something other than a refusal, and why. Read routes answer
 * the read-only member of the owning team by design and are not listed for them; every change
 * they try must still be refused.
 */
const exceptions: Record<string, Exception> = {
  // Not called at all.
  'HEAD *': { who: 'skip', reason: 'Fastify\'s automatic twin of each GET, answered by the same handler, which is walked' },
  'GET /api/v1/events': { who: 'skip', reason: 'the live-update stream never ends; it carries ids only, to the record\'s audience (platform/events/stream.test.ts)' },
  'POST /api/v1/auth/sign-in': { who: 'skip', reason: 'public; answers only to the credentials sent, and failures would throttle the owner\'s address' },
  'POST /api/v1/auth/sign-out': { who: 'skip', reason: 'ends the caller\'s own session only, which the walk still needs' },
  'POST /api/v1/auth/sso/start': { who: 'skip', reason: 'public; answers only where the address sent signs in, and failures would throttle the owner\'s address (modules/auth/sso/sso.test.ts)' },
  'GET /api/v1/auth/sso/callback': { who: 'skip', reason: 'public; acts only for the browser holding the cookie of the sign-in its state names (modules/auth/sso/sso.test.ts)' },
  'POST /api/v1/auth/sso/code': { who: 'skip', reason: 'public; acts only for the browser holding the cookie of a sign-in its provider confirmed (modules/auth/sso/sso.test.ts)' },
  'POST /api/v1/public/referral-forms/:slug/submissions': { who: 'skip', reason: 'public; sends a referral to the form\'s desk and answers only its reference (referrals/public/public.test.ts)' },
  'GET /api/v1/public/referral-information/:token': { who: 'skip', reason: 'public; answers only the holder of a token emailed to a referrer (referrals/public/public.test.ts)' },
  'POST /api/v1/public/referral-information/:token': { who: 'skip', reason: 'public; answers only the holder of a token emailed to a referrer (referrals/public/public.test.ts)' },
  'POST /refer/:slug/:page': { who: 'skip', reason: 'public; a page of a referral form, showing back only what the caller sent; the last sends it (referrals/public/pages.test.ts)' },
  'GET /refer/*': { who: 'skip', reason: 'public; "Page not found" for any other path under /refer' },
  'POST /api/v1/portal/sign-in': { who: 'skip', reason: 'public; the same 202 whoever is named, a code goes only to the client\'s own inbox or phone (modules/portal/sign-in.test.ts)' },
  'POST /api/v1/portal/sign-in/verify': { who: 'skip', reason: 'public; answers only the holder of a code sent to a client (modules/portal/sign-in.test.ts)' },
  'GET /refer/answer/:token': { who: 'skip', reason: 'public; answers only the holder of a token emailed to a referrer (referrals/public/pages.test.ts)' },
  'POST /refer/answer/:token': { who: 'skip', reason: 'public; answers only the holder of a token emailed to a referrer (referrals/public/pages.test.ts)' },
  // Public, or the caller's own account: no record in them.
  'GET /*': { who: 'skip', reason: 'the web app\'s shell from the build (none before `vite build`): the same page for every path, no data' },
  'GET /api/docs': { who: everyone, reason: 'public API documentation, no data' },
  'GET /api/docs/json': { who: everyone, reason: 'public API documentation, no data' },
  'GET /api/docs/static/*': { who: everyone, reason: 'public API documentation, no data' },
  'GET /api/docs/static/index.html': { who: everyone, reason: 'public API documentation, no data' },
  'GET /api/docs/static/swagger-initializer.js': { who: everyone, reason: 'public API documentation, no data' },
  'GET /api/docs/yaml': { who: everyone, reason: 'public API documentation, no data' },
  'GET /api/openapi.json': { who: everyone, reason: 'public API documentation, no data' },
  'GET /healthz': { who: everyone, reason: 'public health check, no data' },
  'POST /api/v1/auth/password-reset': { who: everyone, reason: 'public; the same answer whoever is named, the link goes only to their inbox' },
  'GET /api/v1/public/referral-forms/:slug': { who: everyone, reason: 'public; a published form\'s wording and questions, with no id or team' },
  'GET /refer/:slug': { who: everyone, reason: 'public; a published referral form\'s start page: its wording, nothing anyone sent' },
  'GET /refer/:slug/:page': { who: everyone, reason: 'public; a referral form\'s first page, empty, or the confirmation of the reference in its address' },
  'POST /api/v1/auth/password-reset/complete': { who: everyone, reason: 'public; acts only for the holder of an emailed token' },
  'GET /api/v1/me': { who: everyone, reason: 'the caller\'s own account' },
  'GET /api/v1/auth/enrolment': { who: everyone, reason: 'the caller\'s own authenticator enrolment' },
  'POST /api/v1/auth/enrolment': { who: everyone, reason: 'the caller\'s own authenticator enrolment' },
  'POST /api/v1/account/password': { who: everyone, reason: 'the caller\'s own password (sent wrong here, so nothing changes)' },
  'GET /api/v1/settings': { who: everyone, reason: 'the installation\'s settings, no data' },
  'GET /api/v1/postcodes/:postcode': { who: everyone, reason: 'a postcode\'s public position and addresses, no record data' },
  'GET /api/v1/document-rules': { who: everyone, reason: 'upload limits, no data' },
  // The caller's own things, or lists filtered to what the caller may see.
  'GET /api/v1/notifications': { who: everyone, reason: 'the caller\'s own notifications' },
  'GET /api/v1/notifications/unread-count': { who: everyone, reason: 'the caller\'s own notifications' },
  'POST /api/v1/notifications/read-all': { who: everyone, reason: 'the caller\'s own notifications' },
  'GET /api/v1/notification-preferences': { who: everyone, reason: 'the caller\'s own preferences' },
  'PUT /api/v1/notification-preferences': { who: everyone, reason: 'the caller\'s own preferences' },
  'GET /api/v1/home': { who: everyone, reason: 'the caller\'s own day: each panel is read by its full list\'s own function' },
  'GET /api/v1/interests': { who: everyone, reason: 'the records the caller follows' },
  'GET /api/v1/actions': { who: everyone, reason: 'the caller\'s own reminders' },
  'GET /api/v1/tasks': { who: everyone, reason: 'tasks set for or by the caller' },
  'GET /api/v1/assessments': { who: everyone, reason: 'the caller\'s own lists' },
  'GET /api/v1/access-requests': { who: everyone, reason: 'the requests the caller made (the council practitioner\'s shows the profile as a stub)', stubs: true },
  'GET /api/v1/profiles': { who: everyone, reason: 'lists only what the caller may open' },
  'GET /api/v1/cases': { who: everyone, reason: 'lists only what the caller may open' },
  'GET /api/v1/locations': { who: everyone, reason: 'lists only what the caller may open' },
  'GET /api/v1/search': { who: everyone, reason: 'by design a locked stub (name, date of birth, owner) inside the partnership, nothing outside it', stubs: true },
  'GET /api/v1/profiles/matches': { who: everyone, reason: 'by design a locked stub inside the partnership, nothing outside it', stubs: true },
  'GET /api/v1/locations/matches': { who: everyone, reason: 'by design a locked stub inside the partnership, nothing outside it', stubs: true },
  'GET /api/v1/search/reports': { who: everyone, reason: 'finds only reports the caller may read, on records they may open' },
  'GET /api/v1/insights/hotspots': { who: everyone, reason: 'figures over what the caller counts; names only places and people they may open' },
  'GET /api/v1/insights/hotspots.csv': { who: everyone, reason: 'figures over what the caller counts; names only places and people they may open' },
  'GET /api/v1/insights/hotspots.xlsx': { who: everyone, reason: 'figures over what the caller counts; names only places and people they may open' },
  'GET /api/v1/insights/overview': { who: everyone, reason: 'figures only, counted over what the caller counts; names no record' },
  'GET /api/v1/insights/overview.csv': { who: everyone, reason: 'figures only, counted over what the caller counts; names no record' },
  'GET /api/v1/insights/overview.xlsx': { who: everyone, reason: 'figures only, counted over what the caller counts; names no record' },
  'GET /api/v1/lookups': { who: everyone, reason: 'the caller\'s partnership\'s lists of values' },
  'GET /api/v1/partnerships': { who: everyone, reason: 'the caller\'s own partnership' },
  'GET /api/v1/organisations': { who: everyone, reason: 'the organisations of the caller\'s partnership' },
  'GET /api/v1/teams': { who: everyone, reason: 'the teams of the caller\'s partnership' },
  'GET /api/v1/directory': { who: everyone, reason: 'colleagues across the caller\'s partnership' },
  'GET /api/v1/templates': { who: everyone, reason: 'the caller\'s partnership\'s template library' },
  'GET /api/v1/assessment-templates': { who: everyone, reason: 'the caller\'s partnership\'s assessment templates' },
  'GET /api/v1/referral-forms': { who: everyone, reason: 'the caller\'s partnership\'s referral forms: settings and questions, nothing anyone sent' },
  'GET /api/v1/assessment-questions': { who: everyone, reason: 'the approved bank and the caller\'s own submissions' },
  'GET /api/v1/panels': { who: everyone, reason: 'the panels the caller\'s organisation sits on or they run (not the police and housing panel)' },
  'GET /api/v1/insights/settings': { who: everyone, reason: 'the caller\'s partnership\'s insight settings, no record data' },
  'GET /api/v1/portal-settings': { who: everyone, reason: 'the caller\'s partnership\'s name for the portal and where "Exit this page" leads, no record data' },
  'GET /api/v1/victim-care/settings': { who: everyone, reason: 'the caller\'s partnership\'s contact cadence and community trigger settings, no record data' },
  'GET /api/v1/victim-contacts/overdue': { who: everyone, reason: 'lists only what the caller may open (another partnership\'s team is not found)' },
  'GET /api/v1/community-triggers': { who: everyone, reason: 'lists only what the caller may open' },
  // An administrator's lists and tools, kept to their own organisation.
  'GET /api/v1/users': { who: councilAdmin, reason: 'lists only the users the caller administers (none of the police team\'s)' },
  'GET /api/v1/api-tokens': { who: councilAdmin, reason: 'lists only the tokens of the caller\'s organisation' },
  'GET /api/v1/audit-events': { who: councilAdmin, reason: 'lists only the rows of the caller\'s organisation' },
  'GET /api/v1/audit-events/actions': { who: councilAdmin, reason: 'the closed list of action names, no data' },
  'POST /api/v1/profile-imports': { who: councilAdmin, reason: 'a dry run into the caller\'s own team; matches show locked stubs', stubs: true },
  'POST /api/v1/user-imports': { who: councilAdmin, reason: 'a dry run: the row naming a team the caller does not administer is reported as a problem, nothing is made' },
  'POST /api/v1/case-imports': { who: councilAdmin, reason: 'a dry run: the row naming a team the caller does not administer is reported as a problem, nothing is made' },
  'POST /api/v1/location-imports': { who: councilAdmin, reason: 'a dry run: the row naming a team the caller does not administer is reported as a problem, nothing is made' },
  'POST /api/v1/assessment-templates': { who: councilAdmin, reason: 'builds a template for the caller\'s own team' },
  'POST /api/v1/assessment-templates/:idOrKey/copy': { who: councilAdmin, reason: 'any template of the partnership may be copied to the caller\'s own team' },
  // What the whole partnership shares, or what the caller makes for themselves.
  'GET /api/v1/actions/recipients': { who: outsiders, reason: 'the caller\'s own team, to name on a reminder' },
  'GET /api/v1/partnerships/:id': { who: council, reason: 'the caller\'s own partnership' },
  'GET /api/v1/organisations/:id': { who: council, reason: 'an organisation of the caller\'s partnership' },
  'GET /api/v1/teams/:id': { who: council, reason: 'a team of the caller\'s partnership' },
  'GET /api/v1/templates/:id/content': { who: council, reason: 'the partnership\'s template library' },
  'GET /api/v1/assessment-templates/:idOrKey': { who: council, reason: 'any template of the partnership may be read and copied' },
  'GET /api/v1/assessment-templates/:idOrKey/versions': { who: council, reason: 'any template of the partnership may be read and copied' },
  'GET /api/v1/referral-forms/:id': { who: council, reason: 'any referral form of the partnership may be read: settings and questions, nothing anyone sent' },
  'GET /api/v1/referral-forms/:id/versions': { who: council, reason: 'any referral form of the partnership may be read: settings and questions, nothing anyone sent' },
  'GET /api/v1/assessment-templates/:idOrKey/statistics': { who: council, reason: 'counts only the assessments the caller may read' },
  'GET /api/v1/assessment-templates/:idOrKey/statistics.csv': { who: council, reason: 'counts only the assessments the caller may read' },
  'POST /api/v1/locations': { who: outsiders, reason: 'creates the caller\'s own record, naming nothing of the owner\'s' },
  'POST /api/v1/referrals': { who: council, reason: 'anyone writing in the partnership may send a referral to any team\'s desk; the reply is only its reference' },
  'POST /api/v1/assessment-questions': { who: outsiders, reason: 'submits the caller\'s own question to the bank' },
  // Asking for access, and following what one can open.
  'GET /api/v1/access-requests/:id': { who: ['council'], reason: 'the council practitioner\'s own request', stubs: true },
  'POST /api/v1/access-requests/:id/withdraw': { who: ['council'], reason: 'the council practitioner\'s own request', stubs: true },
  'POST /api/v1/profiles/:id/access-requests': { who: [...council, ...readOnly], reason: askAccess, stubs: true },
  'POST /api/v1/cases/:id/access-requests': { who: [...council, ...readOnly], reason: askAccess, stubs: true },
  'POST /api/v1/locations/:id/access-requests': { who: [...council, ...readOnly], reason: askAccess, stubs: true },
  'PUT /api/v1/profiles/:id/interest': { who: readOnly, reason: 'following a record one can open is the reader\'s own subscription' },
  'DELETE /api/v1/profiles/:id/interest': { who: [...council, ...readOnly], reason: unfollow },
  'PUT /api/v1/cases/:id/interest': { who: readOnly, reason: 'following a record one can open is the reader\'s own subscription' },
  'DELETE /api/v1/cases/:id/interest': { who: [...council, ...readOnly], reason: unfollow },
  'PUT /api/v1/tasks/:id/watching': { who: readOnly, reason: 'watching a task one can see is the reader\'s own subscription' },
  'POST /api/v1/profiles/:id/portal/messages/read': { who: readOnly, reason: 'a member of the team that holds the conversation may read it, and so mark the client\'s messages read' },
  'DELETE /api/v1/tasks/:id/watching': { who: readOnly, reason: 'watching a task one can see is the reader\'s own subscription' },
  ...privacyExceptions,
  ...agreementsExceptions,
  ...subjectAccessExceptions,
  ...retentionExceptions,
  ...helpExceptions,
  ...webhooksExceptions,
};

/**
 * Changes whose body names the owner's record, refused as a problem with that field (422), as
 * the API refuses any reference to a record the caller may not use.
 */
const fieldRefusals: Record<string, string[]> = {
  'POST /api/v1/cases': ['parentCaseId'],
  'POST /api/v1/tasks': ['assignee', 'record'],
  'POST /api/v1/profiles': ['addresses.0.locationId'],
  'POST /api/v1/users': ['teamId'],
};

/**
 * Defects this walk found and that are reported, not yet fixed: the route still answers the
 * stranger as described. The walk fails once one is fixed, so the entry is taken out.
 */
const knownDefects: Record<string, { who: Stranger[]; defect: string }> = {};

/**
 * The read-only teammate's changes are refused for their role (403), except where what they name
 * is not theirs to see at all.
 */
const hiddenFromTeammates: Record<string, string> = {
  'POST /api/v1/notifications/:id/read': 'another person\'s notification is not found (404)',
};

function refusedAsField(route: string, reply: LightMyRequestResponse): boolean {
  if (reply.statusCode !== 422) return false;
  const details = (reply.json() as { error?: { details?: { field?: string }[] } }).error?.details ?? [];
  return details.length > 0 && details.every((d) => fieldRefusals[route]?.includes(d.field ?? ''));
}

const routeName = (method: string, url: string) => `${method} ${url}`;
const whoOf = (who: Stranger[] | 'skip') => (who === 'skip' ? 'not called' : everyone.every((s) => who.includes(s)) ? 'everyone' : who.join(','));

function exceptionOf(method: string, url: string): Exception | undefined {
  return method === 'HEAD' ? exceptions['HEAD *'] : exceptions[routeName(method, url)];
}

function urlOf(template: string, call: Call): string {
  let path = template;
  for (const [name, value] of Object.entries(call.params ?? {})) path = path.replace(name === '*' ? '*' : `:${name}`, value);
  if (/:[a-zA-Z]|\*/.test(path)) throw new Error(`${template}: a path parameter is not filled`);
  const search = call.query ? `?${new URLSearchParams(Object.entries(call.query).map(([k, v]) => [k, String(v)])).toString()}` : '';
  return path + search;
}

/** Sends the call; a POST carries an Idempotency-Key, as the web app's creates do, so a refusal must leave no key behind. */
function send(agent: Agent, method: string, url: string, call: Call): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = method === 'POST' ? { 'idempotency-key': randomUUID() } : {};
  if (call.file) return agent.request(method, url, call.file.bytes, { ...headers, 'content-type': call.file.type });
  return agent.request(method, url, call.body, headers);
}

let t: TestApp;
let r: Records;
const agents = {} as Record<Stranger, Agent>;

beforeAll(async () => {
  t = await startTestApp();
  r = await makeRecords(t);
  await preparePrivacy(t, r);
  await prepareAgreements(t, r);
  await prepareSchemes(t);
  await prepareSubjectAccess(t, r);
  await prepareRetention(t, r);
  await prepareHelp(t);
  await prepareWebhooks(t);
  await prepareSetup(t, r.place.partnershipId);
  agents.readOnly = r.readOnly.agent;
  agents.other = await t.as(people.other);
  agents.council = await t.as(people.council);
  agents.councilAdmin = r.councilAdmin.agent;
});
afterAll(() => t?.close());

/**
 * Tables a refused request may still write: the audit trail (refusals are audited) and the
 * caller's session; and transport, written by background work on its own clock: the outgoing
 * email, the event relay and the webhook outbox and delivery log. A notification a stranger caused still shows, as a new row of
 * `notifications`.
 */
const unwatchedTables = new Set(['audit_events', 'audit_values', 'audit_chain', 'sessions', 'outbound_messages', 'event_outbox', 'webhook_outbox', 'webhook_deliveries']);
/** Columns background sweeps set on their own clock. */
const unwatchedColumns: Record<string, string[]> = { notifications: ['emailed_at'] };

/** One hash per table of every row, to prove a walk changed nothing. */
async function digest(): Promise<Record<string, string>> {
  const { rows: tables } = await t.database.pool.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' order by tablename");
  const watched = tables.map((x) => x.name).filter((name) => !unwatchedTables.has(name) && !name.startsWith('__'));
  const row = (name: string) => `(to_jsonb(x) - array[${(unwatchedColumns[name] ?? []).map((c) => `'${c}'`).join(', ')}]::text[])::text`;
  const sql = watched.map((name) => `select '${name}' as name, md5(coalesce(string_agg(${row(name)}, '|' order by ${row(name)}), '')) as hash from "${name}" x`).join(' union all ');
  const { rows } = await t.database.pool.query<{ name: string; hash: string }>(sql);
  return Object.fromEntries(rows.map((x) => [x.name, x.hash]));
}

/** What a stranger may see in a reply by design; everything else in `secrets` is a leak. */
function allowedScopes(stranger: Stranger, method: string, exception: Exception | undefined): Set<Scope> {
  if (stranger === 'other') return new Set();
  if (stranger === 'council' || stranger === 'councilAdmin') return new Set<Scope>(['partnership', 'council', ...(exception?.stubs ? ['stub' as const] : [])]);
  return new Set<Scope>(['partnership', 'stub', ...(method === 'GET' || exception ? ['team' as const] : [])]);
}

function leaks(reply: LightMyRequestResponse, sent: string, scopes: Set<Scope>): string[] {
  const body = reply.rawPayload.toString('latin1').toLowerCase() + JSON.stringify(reply.headers).toLowerCase();
  const request = sent.toLowerCase();
  return r.secrets
    .filter((s) => !scopes.has(s.scope) && !request.includes(s.value.toLowerCase()) && body.includes(s.value.toLowerCase()))
    .map((s) => s.what);
}

interface Finding { route: string; stranger: Stranger; status: number; problem: string }

/** Every route but the portal's, which serve clients alone. */
const staffRoutes = () => t.app.routeCatalogue.filter((x) => !x.actors.includes('client'));

describe('the route walk', () => {
  it('has a way to call every route, or a reason not to', () => {
    const catalogue = new Set(t.app.routeCatalogue.map((x) => routeName(x.method, x.url)));
    const missing = staffRoutes()
      .filter((x) => !walk[routeName(x.method, x.url)] && exceptionOf(x.method, x.url)?.who !== 'skip')
      .map((x) => routeName(x.method, x.url));
    expect(missing).toEqual([]);
    const stale = [...Object.keys(walk), ...Object.keys(exceptions).filter((k) => k !== 'HEAD *')].filter((k) => !catalogue.has(k));
    expect(stale).toEqual([]);
  });

  it('gives every change that takes a body a body, so validation never answers first', async () => {
    const openapi = (await t.anonymous.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    const takesBody = (method: string, url: string) => openapi.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()]?.requestBody !== undefined;
    const bodiless = staffRoutes()
      .filter((x) => !['GET', 'HEAD'].includes(x.method) && exceptionOf(x.method, x.url)?.who !== 'skip' && takesBody(x.method, x.url))
      .filter((x) => { const c = walk[routeName(x.method, x.url)]!(r); return c.body === undefined && !c.file; })
      .map((x) => routeName(x.method, x.url));
    expect(bodiless).toEqual([]);
  });

  // A new exception, or a changed reason, shows up here to be reviewed.
  it('matches the reviewed list of exceptions', async () => {
    const lines = Object.entries(exceptions)
      .map(([route, e]) => `${route.padEnd(58)} ${whoOf(e.who).padEnd(30)} ${e.reason}${e.stubs ? ' [stubs]' : ''}`)
      .sort();
    const defects = Object.entries(knownDefects).map(([route, d]) => `${route.padEnd(58)} ${whoOf(d.who).padEnd(30)} KNOWN DEFECT: ${d.defect}`).sort();
    const hidden = Object.entries(hiddenFromTeammates).map(([route, why]) => `${route.padEnd(58)} ${'readOnly'.padEnd(30)} ${why}`);
    const fields = Object.entries(fieldRefusals).map(([route, f]) => `${route.padEnd(58)} ${'refused as 422 on'.padEnd(30)} ${f.join(', ')}`).sort();
    await expect([...lines, '', ...fields, '', ...hidden, '', ...defects].join('\n') + '\n').toMatchFileSnapshot('./__snapshots__/route-walk-exceptions.txt');
  });

  it('calls each read with ids the owner can read, so a refusal is about the caller', async () => {
    const police = await t.as(people.police);
    const admin = await t.as(people.admin);
    // The team's supervisor reads what is the team's, such as its supervision page.
    const lead = await t.as(people.lead);
    // The organisation's administrator reads what is the organisation's, such as its webhooks.
    const policeAdmin = await t.as(people.policeAdmin);
    const unreadable: string[] = [];
    for (const route of staffRoutes().filter((x) => x.method === 'GET' && exceptionOf(x.method, x.url)?.who !== 'skip')) {
      const name = routeName(route.method, route.url);
      const call = walk[name]!(r);
      if (!call.params && !call.query) continue;
      const url = urlOf(route.url, call);
      const asPolice = await send(police, 'GET', url, call);
      if (asPolice.statusCode === 200) continue;
      const asAdmin = await send(admin, 'GET', url, call);
      if (asAdmin.statusCode === 200) continue;
      const asLead = await send(lead, 'GET', url, call);
      if (asLead.statusCode === 200) continue;
      const asOrganisationAdmin = await send(policeAdmin, 'GET', url, call);
      if (asOrganisationAdmin.statusCode !== 200) unreadable.push(`${name}: ${asPolice.statusCode} / ${asAdmin.statusCode} / ${asLead.statusCode} / ${asOrganisationAdmin.statusCode}`);
    }
    expect(unreadable).toEqual([]);
    // And the leak check sees what the owner sees.
    const own = await police.get(`/api/v1/profiles/${r.profile.id}`);
    expect(leaks(own, '', new Set())).toEqual(expect.arrayContaining(['firstName', 'keyInformation', 'phone', 'address', 'profile id', 'relationship id']));
  });

  const listed = (entry: { who: Stranger[] | 'skip' } | undefined, stranger: Stranger) => entry !== undefined && entry.who !== 'skip' && entry.who.includes(stranger);
  const isAllowed = (stranger: Stranger, method: string, url: string) => listed(exceptionOf(method, url), stranger);
  const isKnown = (stranger: Stranger, method: string, url: string) => listed(knownDefects[routeName(method, url)], stranger);
  const walked = () => staffRoutes().filter((x) => exceptionOf(x.method, x.url)?.who !== 'skip');

  /** Calls one route as the stranger and says what is wrong with the answer, if anything. */
  async function attempt(stranger: Stranger, method: string, url: string): Promise<Finding[]> {
    const route = routeName(method, url);
    const exception = isAllowed(stranger, method, url) ? exceptionOf(method, url) : undefined;
    const values = walk[route]!(r);
    const path = urlOf(url, values);
    const reply = await send(agents[stranger], method, path, values);
    const status = reply.statusCode;
    const found: Finding[] = [];
    const readByTeammate = stranger === 'readOnly' && method === 'GET';
    if (status === 401 || status >= 500) found.push({ route, stranger, status, problem: `answered ${status}: ${reply.body.slice(0, 300)}` });
    else if (!exception && !readByTeammate && ![403, 404].includes(status) && !refusedAsField(route, reply)) {
      found.push({ route, stranger, status, problem: `not refused: ${reply.body.slice(0, 300)}` });
    } else if (!exception && stranger === 'readOnly' && method !== 'GET' && status !== 403 && !hiddenFromTeammates[route]) {
      found.push({ route, stranger, status, problem: `a change by a read-only user not refused with 403: ${reply.body.slice(0, 300)}` });
    }
    const leaked = leaks(reply, path + JSON.stringify(values.body ?? ''), allowedScopes(stranger, method, exception));
    if (leaked.length) found.push({ route, stranger, status, problem: `shows ${leaked.join(', ')}` });
    return found;
  }

  // Every stranger's refusals come first, so no exception's work (a request for access, a new
  // record of their own) lands while another stranger's walk is being compared.
  it.each(strangers)('refuses %s everywhere but the declared exceptions, shows them nothing and changes nothing', async (stranger) => {
    const findings: Finding[] = [];
    const before = await digest();
    for (const route of walked().filter((x) => !isAllowed(stranger, x.method, x.url) && !isKnown(stranger, x.method, x.url))) {
      findings.push(...await attempt(stranger, route.method, route.url));
    }
    const after = await digest();
    expect({ findings, changed: Object.keys(before).filter((name) => before[name] !== after[name]) }).toEqual({ findings: [], changed: [] });
  });

  it.each(strangers)('answers %s on the declared exceptions with no more than the design shows', async (stranger) => {
    const findings: Finding[] = [];
    for (const route of walked().filter((x) => isAllowed(stranger, x.method, x.url))) findings.push(...await attempt(stranger, route.method, route.url));
    expect(findings).toEqual([]);
  });

  it.each(strangers)('still finds the known defects for %s, until they are fixed', async (stranger) => {
    const known = Object.keys(knownDefects).filter((route) => knownDefects[route]!.who.includes(stranger));
    const stillThere: string[] = [];
    for (const route of known) {
      const [method, url] = route.split(' ') as [string, string];
      if ((await attempt(stranger, method, url)).length > 0) stillThere.push(route);
    }
    expect(stillThere).toEqual(known);
  });
});

describe('clients and staff kept apart', () => {
  /** Any id will do: the guard answers before the route looks at its parameters or body. */
  const anyPath = (url: string) => url.replace(/:\w+/g, '00000000-0000-7000-8000-000000000000');
  const signedInRoutes = () => t.app.routeCatalogue.filter((x) => x.method !== 'HEAD' && x.permission !== 'public');
  const answers = async (agent: Agent, routes: { method: string; url: string }[]) => {
    const found: string[] = [];
    for (const route of routes) {
      const reply = await agent.request(route.method, anyPath(route.url), route.method === 'GET' ? undefined : {});
      found.push(`${routeName(route.method, route.url)}: ${reply.statusCode} ${reply.json<{ error?: { code?: string } }>().error?.code ?? ''}`.trim());
    }
    return found;
  };

  it('answers a client\'s session 401 on every staff route, and changes nothing', async () => {
    const { agent } = await clientAgent(t);
    const routes = signedInRoutes().filter((x) => !x.actors.includes('client'));
    expect(routes.length).toBeGreaterThan(200);
    const before = await digest();
    const found = await answers(agent, routes);
    expect(found.filter((line) => !/: 401 (unauthenticated|session_ended)$/.test(line))).toEqual([]);
    const after = await digest();
    expect(Object.keys(before).filter((name) => before[name] !== after[name])).toEqual([]);
  });

  it('answers a member of staff\'s session 401 on every client route, whoever they are', async () => {
    const routes = signedInRoutes().filter((x) => x.actors.includes('client'));
    expect(routes.map((x) => routeName(x.method, x.url))).toContain('GET /api/v1/portal/events');
    for (const email of [people.police, people.admin]) {
      const found = await answers(await t.as(email), routes);
      expect(found.filter((line) => !line.endsWith(': 401 unauthenticated'))).toEqual([]);
    }
  });
});
