import sharp from 'sharp';
import { complete, matrixAllMax, start } from '../../modules/assessments/assessments.fixtures.ts';
import { ownDefinition } from '../../modules/assessment-templates/templates.fixtures.ts';
import { pdfBytes, query, upload } from '../../modules/documents/documents.fixtures.ts';
import { enrolledUser, loadStructure } from '../../modules/sharing/records.fixtures.ts';
import { future } from '../../modules/tasks/tasks.fixtures.ts';
import type { Agent, TestApp } from '../../test/harness.ts';

/**
 * The records the route walk (route-walk.test.ts) tries to reach as strangers: one of every kind,
 * made through the API by the people who own them, each carrying text found nowhere else.
 */

/** The demo accounts the walk acts as. */
export const people = {
  admin: 'admin@concord.test',
  lead: 'police.asb.lead@concord.test',
  police: 'police.asb@concord.test',
  policeAdmin: 'police.admin@concord.test',
  council: 'council.asb@concord.test',
  other: 'other.police@concord.test',
} as const;

/**
 * Who may see a piece of text or an id by design:
 * - `stub`: anyone in the partnership, as a locked stub (name and date of birth, reference and title, address);
 * - `partnership`: anyone in the partnership (lists of values, the library, teams, the directory);
 * - `council`: the council practitioner, who wrote it (their own access request);
 * - `team`: members of the owning team who may open the record;
 * - `private`: only the person who made it (and administrators).
 */
export type Scope = 'stub' | 'partnership' | 'council' | 'team' | 'private';

export interface Secret { what: string; value: string; scope: Scope }

async function ok<T = Record<string, unknown>>(response: Promise<{ statusCode: number; body: string; json(): unknown }>, what: string, status = [200, 201]): Promise<T> {
  const r = await response;
  if (!status.includes(r.statusCode)) throw new Error(`could not ${what}: ${r.statusCode} ${r.body}`);
  return (r.body ? r.json() : {}) as T;
}

type Made = { id: string; version: number; [key: string]: unknown };

/** Everything the walk needs, made by its owners; `secrets` lists every marker and id with who may see it. */
export async function makeRecords(t: TestApp) {
  const place = await loadStructure(t);
  const asbTeam = place.team('Demo County Police/ASB team');
  const councilTeam = place.team('Demo District Council/Community Safety team');
  const police = await t.as(people.police);
  const lead = await t.as(people.lead);
  const admin = await t.as(people.admin);
  const policeAdmin = await t.as(people.policeAdmin);
  const council = await t.as(people.council);
  const get = async <T = Made>(agent: Agent, url: string) => ok<T>(agent.get(url), `read ${url}`, [200]);

  const text = {
    firstName: 'Zephyrine',
    lastName: 'Marrowdale',
    dateOfBirth: '1987-03-14',
    alias: 'Quennell',
    keyInformation: 'Keyinfo Wolfhound kept in the yard',
    phone: '07700 900461',
    email: 'zephyrine.marrowdale@example.org',
    reasonCreated: 'Reasoncreated Crossbow threats',
    address: '42 Larkspurhollow Mews',
    secondFirstName: 'Oswaldine',
    secondLastName: 'Thistlecombe',
    relationshipNotes: 'Relnotes Shares the flat',
    caseTitle: 'Casetitle Blackthornvale noise',
    caseSummary: 'Casesummary Drum practice at 3am',
    interventionNotes: 'Interventionnotes Hand delivered by PCSO Fenwright',
    locationName: 'Gorsebrook Towers',
    locationAddress: '17 Gorsebrookvale Lane',
    reportBody: 'Reportbody Heard glass smashing at Marrowdale',
    reportEdited: 'Reportedited Heard glass breaking',
    privateReport: 'Privatereport Informant codename Kestrelwing',
    documentTitle: 'Documenttitle Tenancy warning',
    documentFile: 'docfile-tenancy-warning.pdf',
    documentDescription: 'Documentdescription Signed by the landlord',
    documentContent: 'Documentcontent Oakapple',
    taskTitle: 'Tasktitle Visit Larkspurhollow',
    taskDescription: 'Taskdescription Bring the noise diary',
    taskNote: 'Tasknote Nobody answered',
    actionTitle: 'Actiontitle Ring the Marrowdale landlord',
    actionNotes: 'Actionnotes Ask about the lease',
    planTitle: 'Plantitle Stop the drumming',
    adjustmentReason: 'Adjustreason The victim has moved in with family',
    accessReason: 'Accessreason Council tenancy enforcement',
    lookupName: 'Lookupname Cuckooing risk',
    libraryTitle: 'Librarytitle Acceptable behaviour contract',
    bankQuestion: 'Bankquestion Has the person been seen at Larkspurhollow?',
    templateName: 'Templatename Noise triage',
    teamName: 'Teamname Rural crime unit',
    userName: 'Rosalind Readerwood',
    tokenName: 'Tokenname Niche RMS bridge',
    referralReason: 'Referralreason Threatened with a crossbow again',
    minutes: 'Minutes Marrowdale agreed to move',
    research: 'Research Two call-outs to Larkspurhollow',
    contactNote: 'Contactnote Spoke at the Larkspurhollow door',
    referrerName: 'Referrername Philippa Quorndon',
    referralFirstName: 'Araminta',
    referralLastName: 'Wolstenholme',
    referralConcern: 'Referralconcern Shouting behind Brackenfold Close',
    clientEmail: 'zephyrine.portal@example.org',
    messageBody: 'Messagebody Meet at Larkspurhollow library',
    attachmentFile: 'attfile-bus-timetable.pdf',
    attachmentContent: 'Attachmentcontent Route 17',
    appointmentPlace: 'Appointmentplace Gorsebrook clinic room 4',
    safetyStep: 'Safetystep Keep the phone charged by the bed',
  };

  // Records of the Demo County Police ASB team, made by its practitioner.
  const location = await ok<Made>(police.post('/api/v1/locations', { kind: 'home', name: text.locationName, addressLine1: text.locationAddress, town: 'Matlock', postcode: 'DE4 3AG', confirmNoDuplicate: true }), 'create a location');
  const profile = await ok<Made>(police.post('/api/v1/profiles', {
    firstName: text.firstName, lastName: text.lastName, dateOfBirth: text.dateOfBirth, reasonCreated: text.reasonCreated, keyInformation: text.keyInformation,
    phone: text.phone, email: text.email, aliases: [{ firstName: text.firstName, lastName: text.alias }], roles: ['victim'],
    addresses: [{ addressLine1: text.address, town: 'Matlock', postcode: 'DE4 3AF', fromDate: '2020-01-01' }], confirmNoDuplicate: true,
  }), 'create a profile');
  const second = await ok<Made>(police.post('/api/v1/profiles', { firstName: text.secondFirstName, lastName: text.secondLastName, reasonCreated: 'Sibling of the victim', confirmNoDuplicate: true }), 'create a second profile');
  const relationship = await ok<Made>(police.post(`/api/v1/profiles/${profile.id}/relationships`, { otherProfileId: second.id, kind: 'sibling', notes: text.relationshipNotes }), 'relate the profiles');
  const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#336699' } }).png().toBuffer();
  await ok(police.request('PUT', `/api/v1/profiles/${profile.id}/photo?version=${(await get(police, `/api/v1/profiles/${profile.id}`)).version}`, png, { 'content-type': 'image/png' }), 'set the photo');
  await ok(police.request('PUT', `/api/v1/profiles/${profile.id}/interest`, {}), 'follow the profile');

  const kase = await ok<Made & { reference: string }>(police.post('/api/v1/cases', { caseType: 'ASB', title: text.caseTitle, summary: text.caseSummary }), 'open a case');
  await ok(police.post(`/api/v1/cases/${kase.id}/profiles`, { profileId: profile.id, role: 'victim' }), 'link the profile');
  await ok(police.post(`/api/v1/cases/${kase.id}/locations`, { locationId: location.id }), 'link the location');
  const intervention = await ok<Made>(police.post(`/api/v1/cases/${kase.id}/interventions`, { interventionType: 'Warning Letter', startDate: '2026-01-05', notes: text.interventionNotes }), 'add an intervention');
  await ok(police.request('PUT', `/api/v1/cases/${kase.id}/interest`, {}), 'follow the case');

  const report = await ok<Made>(police.post(`/api/v1/profiles/${profile.id}/reports`, { reportType: 'visit', occurredAt: new Date().toISOString(), body: `<p>${text.reportBody}</p>`, visibility: 'shared' }), 'write a report');
  const edited = await ok<Made>(police.patch(`/api/v1/reports/${report.id}`, { version: report.version, body: `<p>${text.reportEdited}</p>` }), 'edit the report');
  const privateReport = await ok<Made>(police.post(`/api/v1/profiles/${profile.id}/reports`, { reportType: 'visit', occurredAt: new Date().toISOString(), body: `<p>${text.privateReport}</p>`, visibility: 'private' }), 'write a private report');
  // Victim care: a victim on the case has a contact plan; a hate incident flags them, and a case review is opened from the flag.
  const contact = await ok<Made>(police.post(`/api/v1/profiles/${profile.id}/contacts`, { channel: 'visit', reached: true, note: text.contactNote }), 'record a contact');
  await ok(police.post(`/api/v1/profiles/${profile.id}/reports`, { reportType: 'hate-incident', occurredAt: new Date().toISOString(), body: '<p>Shouted at in the street</p>', visibility: 'shared' }), 'report a hate incident');
  const flagId = (await get<{ communityTrigger: { flag: { id: string } } }>(police, `/api/v1/profiles/${profile.id}/victim-care`)).communityTrigger.flag.id;
  const caseReview = await ok<Made>(police.post(`/api/v1/community-triggers/${flagId}/case-review`, {}), 'open a case review');
  const document = await ok<Made>(upload(police, `/api/v1/profiles/${profile.id}/documents?${query({ fileName: text.documentFile, title: text.documentTitle, description: text.documentDescription, folder: 'Letters' })}`, pdfBytes(text.documentContent), 'application/pdf'), 'upload a document');

  const plan = await ok<Made>(police.post(`/api/v1/cases/${kase.id}/action-plans`, { title: text.planTitle }), 'start an action plan');
  const leadId = (await get<{ id: string }>(lead, '/api/v1/me')).id;
  const task = await ok<Made>(police.post('/api/v1/tasks', {
    title: text.taskTitle, description: text.taskDescription, dueOn: future, assignee: { userId: leadId }, record: { kind: 'case', id: kase.id }, actionPlanId: plan.id,
  }), 'set a task');
  await ok(police.post(`/api/v1/tasks/${task.id}/updates`, { note: text.taskNote }), 'add progress to the task');
  // The person is a client in the portal: invited, sent a message with a file, given an
  // appointment and a safety plan, and shown the document and the task.
  await ok(police.request('PUT', `/api/v1/profiles/${profile.id}/contact-plan`, { safeToEmail: true }), 'record that email is safe');
  const portalAccess = await ok<Made>(police.post(`/api/v1/profiles/${profile.id}/portal-access`, { email: text.clientEmail }), 'invite the client');
  const attachment = await ok<Made>(upload(police, `/api/v1/profiles/${profile.id}/portal/attachments?${query({ fileName: text.attachmentFile })}`, pdfBytes(text.attachmentContent), 'application/pdf'), 'upload a file for a message');
  const message = await ok<Made>(police.post(`/api/v1/profiles/${profile.id}/portal/messages`, { body: text.messageBody, attachmentIds: [attachment.id] }), 'message the client');
  const appointment = await ok<Made>(police.post(`/api/v1/profiles/${profile.id}/appointments`, { startsAt: `${future}T10:00:00Z`, place: text.appointmentPlace, withWhom: 'PC Fenwright' }), 'book an appointment');
  await ok(police.request('PUT', `/api/v1/profiles/${profile.id}/safety-plan`, { version: 0, steps: [text.safetyStep], emergencyContacts: [{ name: 'Police', phone: '999' }] }), 'write the safety plan');
  await ok(police.request('PUT', `/api/v1/profiles/${profile.id}/portal/documents/${document.id}`), 'share the document with the client');
  await ok(police.request('PUT', `/api/v1/profiles/${profile.id}/portal/tasks/${task.id}`), 'mark the task as the client\'s');
  const action = await ok<Made>(police.post('/api/v1/actions', { title: text.actionTitle, notes: text.actionNotes, dueAt: `${future}T09:00:00Z`, record: { kind: 'profile', id: profile.id } }), 'set a reminder');

  const draft = await start(police, 'victim-screening', { type: 'profile', id: profile.id }, { 'victim-vulnerable': 'no' });
  const assessment = await complete(police, (await start(police, 'asb-risk-matrix', { type: 'profile', id: profile.id }, matrixAllMax)).id, { adjustment: { score: 20, reason: text.adjustmentReason } });

  // Shared with another agency, so that taking a share away has something to take.
  const housing = place.organisation('Demo Housing Association');
  for (const [kind, id] of [['profiles', profile.id], ['cases', kase.id], ['locations', location.id]] as const) {
    await ok(police.post(`/api/v1/${kind}/${id}/access`, { organisationId: housing, level: 'view' }), `share the ${kind} record`);
  }

  // The council practitioner found the profile in search and asks for access.
  const accessRequest = await ok<Made>(council.post(`/api/v1/profiles/${profile.id}/access-requests`, { reason: text.accessReason }), 'ask for access');

  // A MARAC of the police and housing (not the council), chaired by the team's sergeant: the profile on a meeting's agenda, minuted and
  // researched, and the second person's referral waiting.
  const panel = await ok<Made>(lead.post('/api/v1/panels', { kind: 'MARAC', name: 'Walk MARAC', memberOrganisationIds: [asbTeam.organisationId, housing], chairUserId: leadId }), 'set up a panel');
  const referTo = (id: string) => police.post(`/api/v1/panels/${panel.id}/referrals`, { subject: { type: 'profile', id }, reason: text.referralReason, criteria: ['professional-judgement'] });
  const referral = await ok<Made>(referTo(profile.id), 'refer the profile');
  const waitingReferral = await ok<Made>(referTo(second.id), 'refer the second profile');
  const meeting = await ok<Made>(lead.post('/api/v1/meetings', { panelId: panel.id, startsAt: `${future}T10:00:00Z` }), 'arrange a meeting');
  const item = await ok<Made>(lead.post(`/api/v1/meetings/${meeting.id}/agenda`, { referralId: referral.id }), 'put the referral on the agenda');
  await ok(police.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/research`, { known: text.research }), 'research the item');
  await ok(lead.request('PUT', `/api/v1/meetings/${meeting.id}/agenda/${item.id}/minutes`, { text: text.minutes }), 'minute the item');

  // Partnership-level things, made by those who keep them.
  const lookup = await ok<Made>(admin.post('/api/v1/lookups', { list: 'warning_marker', name: text.lookupName }), 'add a lookup');
  const libraryTemplate = await ok<Made>(upload(admin, `/api/v1/templates?${query({ fileName: 'abc.pdf', folder: 'Agreements', title: text.libraryTitle })}`, pdfBytes('Library'), 'application/pdf'), 'add a library template');
  const question = await ok<Made>(police.post('/api/v1/assessment-questions', { text: text.bankQuestion, kind: 'yes_no', nature: 'objective', topics: ['Housing'] }), 'submit a bank question');
  const template = await ok<Made & { key: string }>(lead.post('/api/v1/assessment-templates', { name: text.templateName, definition: ownDefinition() }), 'build an assessment template');
  const referralForm = await ok<Made & { slug: string }>(lead.post('/api/v1/referral-forms', { name: 'Walk referral form', teamId: asbTeam.teamId }), 'build a referral form');
  const deskReferral = await ok<Made & { reference: string }>(police.post('/api/v1/referrals', {
    referrer: { name: text.referrerName }, subject: { firstName: text.referralFirstName, lastName: text.referralLastName }, concern: text.referralConcern, consent: true,
  }), 'key in a referral');
  const team = await ok<Made>(policeAdmin.post('/api/v1/teams', { organisationId: asbTeam.organisationId, name: text.teamName }), 'create a team');
  const token = await ok<Made & { token: string; prefix: string }>(policeAdmin.post('/api/v1/api-tokens', { organisationId: asbTeam.organisationId, teamId: asbTeam.teamId, name: text.tokenName, access: 'read' }), 'issue an API token');

  // The read-only member of the owning team: made by the team admin, signed in and enrolled.
  const readOnly = await enrolledUser(t, people.lead, { name: text.userName, role: 'read_only', teamId: asbTeam.teamId });
  // An administrator of the council, to try the administration routes on the police's things.
  const councilAdmin = await enrolledUser(t, people.admin, { name: 'Corin Councilhead', role: 'organisation_admin', teamId: councilTeam.teamId });

  const partnershipId = (await get<{ partnership: { id: string } }>(police, '/api/v1/me')).partnership.id;
  const notices = (await get<{ items: { id: string }[] }>(lead, '/api/v1/notifications?limit=50')).items;
  if (!notices[0]) throw new Error('the team admin has no notification');
  const notification = notices[0];

  // Re-read what later steps changed, for current versions.
  const current = {
    profile: await get(police, `/api/v1/profiles/${profile.id}`),
    second: await get(police, `/api/v1/profiles/${second.id}`),
    case: await get<Made & { reference: string }>(police, `/api/v1/cases/${kase.id}`),
    location: await get(police, `/api/v1/locations/${location.id}`),
    report: edited,
    document: await get(police, `/api/v1/documents/${document.id}`),
    task: await get(police, `/api/v1/tasks/${task.id}`),
    action: await get(police, `/api/v1/actions/${action.id}`),
    plan: (await get<{ items: Made[] }>(police, `/api/v1/cases/${kase.id}/action-plans`)).items[0]!,
    assessment: await get(police, `/api/v1/assessments/${assessment.id}`),
    user: await get(lead, `/api/v1/users/${readOnly.id}`),
  };
  const addressId = (current.profile.addresses as { id: string }[])[0]!.id;
  const aliasId = (current.profile.aliases as { id: string }[])[0]!.id;

  const secrets: Secret[] = [
    ...(['firstName', 'lastName', 'dateOfBirth', 'alias', 'secondFirstName', 'secondLastName', 'caseTitle', 'locationName', 'locationAddress'] as const)
      .map((k) => ({ what: k, value: text[k], scope: 'stub' as const })),
    { what: 'case reference', value: current.case.reference, scope: 'stub' },
    ...(['keyInformation', 'phone', 'email', 'reasonCreated', 'address', 'relationshipNotes', 'caseSummary', 'interventionNotes', 'reportBody', 'reportEdited',
      'documentTitle', 'documentFile', 'documentDescription', 'documentContent', 'taskTitle', 'taskDescription', 'taskNote', 'planTitle', 'adjustmentReason',
      'clientEmail', 'messageBody', 'attachmentFile', 'attachmentContent', 'appointmentPlace', 'safetyStep'] as const)
      .map((k) => ({ what: k, value: text[k], scope: 'team' as const })),
    ...(['privateReport', 'actionTitle', 'actionNotes', 'bankQuestion', 'tokenName'] as const).map((k) => ({ what: k, value: text[k], scope: 'private' as const })),
    { what: 'accessReason', value: text.accessReason, scope: 'council' },
    ...(['lookupName', 'libraryTitle', 'templateName', 'teamName', 'userName'] as const).map((k) => ({ what: k, value: text[k], scope: 'partnership' as const })),
    { what: 'user email', value: readOnly.email, scope: 'team' },
    { what: 'API token', value: token.token, scope: 'private' },
    { what: 'API token prefix', value: token.prefix, scope: 'private' },
    // Ids.
    { what: 'profile id', value: profile.id, scope: 'stub' },
    { what: 'second profile id', value: second.id, scope: 'stub' },
    { what: 'case id', value: kase.id, scope: 'stub' },
    { what: 'location id', value: location.id, scope: 'stub' },
    { what: 'relationship id', value: relationship.id, scope: 'team' },
    { what: 'address id', value: addressId, scope: 'team' },
    { what: 'alias id', value: aliasId, scope: 'team' },
    { what: 'intervention id', value: intervention.id, scope: 'team' },
    { what: 'report id', value: report.id, scope: 'team' },
    { what: 'private report id', value: privateReport.id, scope: 'team' },
    { what: 'document id', value: document.id, scope: 'team' },
    { what: 'contactNote', value: text.contactNote, scope: 'team' },
    { what: 'contact id', value: contact.id, scope: 'team' },
    { what: 'community trigger flag id', value: flagId, scope: 'team' },
    { what: 'case review id', value: caseReview.id, scope: 'team' },
    { what: 'plan id', value: plan.id, scope: 'team' },
    ...(['referralReason', 'minutes', 'research'] as const).map((k) => ({ what: k, value: text[k], scope: 'team' as const })),
    { what: 'task id', value: task.id, scope: 'team' },
    { what: 'portal access id', value: portalAccess.id, scope: 'team' },
    { what: 'message id', value: message.id, scope: 'team' },
    { what: 'attachment id', value: attachment.id, scope: 'team' },
    { what: 'appointment id', value: appointment.id, scope: 'team' },
    { what: 'draft id', value: draft.id, scope: 'team' },
    { what: 'assessment id', value: assessment.id, scope: 'team' },
    { what: 'action id', value: action.id, scope: 'private' },
    { what: 'notification id', value: notification.id, scope: 'private' },
    { what: 'bank question id', value: question.id, scope: 'private' },
    { what: 'API token id', value: token.id, scope: 'private' },
    { what: 'access request id', value: accessRequest.id, scope: 'council' },
    { what: 'lookup id', value: lookup.id, scope: 'partnership' },
    { what: 'library template id', value: libraryTemplate.id, scope: 'partnership' },
    { what: 'assessment template id', value: template.id, scope: 'partnership' },
    { what: 'referral form id', value: referralForm.id, scope: 'partnership' },
    // A referral is read on its team's desk alone.
    ...(['referrerName', 'referralFirstName', 'referralLastName', 'referralConcern'] as const).map((k) => ({ what: k, value: text[k], scope: 'team' as const })),
    { what: 'desk referral id', value: deskReferral.id, scope: 'team' },
    { what: 'desk referral reference', value: deskReferral.reference, scope: 'team' },
    { what: 'team id', value: team.id, scope: 'partnership' },
    { what: 'user id', value: readOnly.id, scope: 'partnership' },
  ];

  return {
    text,
    secrets,
    readOnly,
    councilAdmin,
    place: { asbTeam, councilTeam, housing, partnershipId, policeOrganisation: asbTeam.organisationId, councilOrganisation: councilTeam.organisationId, leadId },
    profile: current.profile,
    second: current.second,
    relationship,
    case: current.case,
    intervention,
    location: current.location,
    report: current.report,
    privateReport,
    document: current.document,
    plan: current.plan,
    task: current.task,
    action: current.action,
    draft,
    assessment: current.assessment,
    accessRequest,
    notification,
    lookup,
    libraryTemplate,
    question,
    template,
    referralForm,
    deskReferral,
    team,
    user: current.user,
    token,
    png,
    panel,
    referral,
    waitingReferral,
    meeting,
    item,
    flagId,
    caseReview,
    portalAccess,
    message,
    attachment,
    appointment,
  };
}

export type Records = Awaited<ReturnType<typeof makeRecords>>;
