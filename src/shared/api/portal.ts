import { z } from 'zod';
import { appointmentStatuses, messageSenders, portalCode, portalEndReasons, portalLimits, ukMobile } from '../portal.ts';
import { email, isoTime, optionalText, ref, text, uuid, version } from './common.ts';
import { isoDate } from './records.ts';

/** A UK mobile number, in any way people write one; stored and shown as E.164 (+447…). */
export const mobile = z.string().trim().max(30).transform((value, ctx) => {
  const number = ukMobile(value);
  if (!number) {
    ctx.addIssue({ code: 'custom', message: 'must be a UK mobile number, like 07911 123456' });
    return z.NEVER;
  }
  return number;
});

export const oneTimeCode = z.string().trim().regex(new RegExp(`^\\d{${portalCode.digits}}$`), `must be the ${portalCode.digits}-digit code we sent you`);

// The practitioner's side: inviting a client and ending their access.

/**
 * Invites the person on the profile to the portal by email, mobile or both; the first code goes
 * by email when there is one. With `endWithCaseId`, closing that case (one the person is on)
 * ends their access at once.
 */
export const portalAccessBody = z.strictObject({
  email: email.optional(),
  mobile: mobile.optional(),
  endWithCaseId: uuid.nullish(),
}).refine((b) => b.email !== undefined || b.mobile !== undefined, { message: 'give an email address or a mobile number', path: ['email'] });
export type PortalAccessBody = z.input<typeof portalAccessBody>;

export const portalAccess = z.object({
  id: uuid,
  profileId: uuid,
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  /** The practitioner who invited the client; their team holds the conversation. */
  keyworker: ref,
  team: ref,
  invitedAt: isoTime,
  endWithCase: z.object({ id: uuid, reference: z.string() }).nullable(),
  lastSignedInAt: isoTime.nullable(),
  endedAt: isoTime.nullable(),
  endReason: z.enum(portalEndReasons).nullable(),
});
export type PortalAccess = z.infer<typeof portalAccess>;

/**
 * The portal on a profile: the current access (or the last one, ended), whether the reader may
 * invite or end it, and which channels the contact plan marks safe (no plan: both may be used).
 */
export const profilePortal = z.object({
  access: portalAccess.nullable(),
  safeChannels: z.object({ email: z.boolean(), sms: z.boolean(), hasContactPlan: z.boolean() }),
  permissions: z.object({ canInvite: z.boolean(), canEnd: z.boolean(), canMessage: z.boolean() }),
});
export type ProfilePortal = z.infer<typeof profilePortal>;

// Signing in: the same reply whether or not anyone has that address or number.

export const portalSignInBody = z.strictObject({
  email: email.optional(),
  mobile: mobile.optional(),
}).refine((b) => (b.email === undefined) !== (b.mobile === undefined), { message: 'give an email address or a mobile number, not both', path: ['email'] });
export type PortalSignInBody = z.input<typeof portalSignInBody>;

export const portalVerifyBody = z.strictObject({
  email: email.optional(),
  mobile: mobile.optional(),
  code: oneTimeCode,
}).refine((b) => (b.email === undefined) !== (b.mobile === undefined), { message: 'give the email address or mobile number the code was sent to', path: ['email'] });
export type PortalVerifyBody = z.input<typeof portalVerifyBody>;

export const portalSignInReply = z.object({ message: z.string() });

/** Who the client is to the portal, and how it presents itself to them. */
export const portalMe = z.object({
  firstName: z.string(),
  keyworker: z.object({ name: z.string() }),
  /** The partnership's neutral name for the portal, for the page title and header. */
  serviceName: z.string(),
  /** Where "Exit this page" goes. */
  exitUrl: z.string(),
  unreadMessages: z.number().int(),
  /** Minutes without a request before the session ends. */
  idleMinutes: z.number().int(),
  csrfToken: z.string(),
});
export type PortalMe = z.infer<typeof portalMe>;

// The partnership's portal settings (its system administrators).

export const portalSettingsBody = z.strictObject({
  version: z.number().int().min(0).max(2_147_483_647),
  serviceName: text(60),
  exitUrl: z.string().trim().url().max(500).refine((u) => u.startsWith('https://'), 'must be an https:// address'),
});
export const portalSettings = portalSettingsBody.extend({
  isDefault: z.boolean(),
  updatedAt: isoTime.nullable(),
  permissions: z.object({ canEdit: z.boolean() }),
});
export type PortalSettings = z.infer<typeof portalSettings>;

// Messages: one conversation per client, with the keyworker's team.

export const messageAttachment = z.object({ id: uuid, name: z.string(), contentType: z.string(), size: z.number().int() });
export type MessageAttachment = z.infer<typeof messageAttachment>;

export const message = z.object({
  id: uuid,
  sender: z.enum(messageSenders),
  /** The practitioner's name, or the client's first name. */
  author: z.object({ name: z.string() }),
  body: z.string(),
  sentAt: isoTime,
  /** When the other side read it: the client, for a practitioner's message; anyone of the team, for the client's. */
  readAt: isoTime.nullable(),
  attachments: z.array(messageAttachment),
});
export type Message = z.infer<typeof message>;

/** Newest first; `nextCursor` pages back to older ones. */
export const messagePage = z.object({ items: z.array(message), nextCursor: z.string().nullable() });
export type MessagePage = z.infer<typeof messagePage>;

export const sendMessageBody = z.strictObject({
  body: text(portalLimits.messageLength),
  /** Files uploaded for this message (`…/attachments`) and not yet sent with another. */
  attachmentIds: z.array(uuid).max(portalLimits.attachmentsPerMessage).default([]),
});
export type SendMessageBody = z.input<typeof sendMessageBody>;

/** A file for a message: its bytes are the body, as for documents, and what it is is decided from them. */
export const uploadAttachmentQuery = z.object({ fileName: text(255) });
export const portalAttachmentParams = z.object({ id: uuid, attachmentId: uuid });

/** Marks the other side's messages read, up to and including this one. */
export const readMessagesBody = z.strictObject({ upTo: uuid });
export const readMessagesReply = z.object({ read: z.number().int() });

// The safety plan: the practitioner writes it, the client reads and prints it.

const phone = z.string().trim().min(1, 'must not be blank').max(30).regex(/^[0-9+() -]+$/, 'must be a phone number');

export const safetyPlanContact = z.strictObject({ name: text(100), phone, note: optionalText(300) });
export const emergencyContact = z.strictObject({ name: text(100), phone });

export const safetyPlanBody = z.strictObject({
  /**
   * The version the change was based on (0 for a profile with no plan yet), refused with 409 if the
   * plan has changed since; without it the plan is written over whatever it holds now.
   */
  version: z.number().int().min(0).max(2_147_483_647).optional(),
  steps: z.array(text(1000)).max(portalLimits.safetyPlanSteps),
  safeContacts: z.array(safetyPlanContact).max(portalLimits.safetyPlanContacts).default([]),
  emergencyContacts: z.array(emergencyContact).max(portalLimits.safetyPlanContacts),
});
export type SafetyPlanBody = z.input<typeof safetyPlanBody>;

export const safetyPlan = z.object({
  steps: z.array(z.string()),
  safeContacts: z.array(z.object({ name: z.string(), phone: z.string(), note: z.string().nullable() })),
  emergencyContacts: z.array(z.object({ name: z.string(), phone: z.string() })),
  /** 0 while the profile has no plan. */
  version: z.number().int(),
  updatedAt: isoTime.nullable(),
  updatedBy: z.object({ name: z.string() }).nullable(),
});
export type SafetyPlan = z.infer<typeof safetyPlan>;

/** The staff side also says whether the reader may change it. */
export const profileSafetyPlan = safetyPlan.extend({ permissions: z.object({ canEdit: z.boolean() }) });
export type ProfileSafetyPlan = z.infer<typeof profileSafetyPlan>;

// Appointments.

export const appointmentBody = z.strictObject({
  startsAt: isoTime,
  endsAt: isoTime.nullish(),
  place: text(300),
  withWhom: text(200),
  /** What the client should know or bring; the client reads it. */
  details: optionalText(1000),
});
export type AppointmentBody = z.input<typeof appointmentBody>;

export const updateAppointmentBody = z.strictObject({
  version,
  startsAt: isoTime.optional(),
  endsAt: isoTime.nullish(),
  place: text(300).optional(),
  withWhom: text(200).optional(),
  details: optionalText(1000),
  status: z.enum(appointmentStatuses).optional(),
});
export type UpdateAppointmentBody = z.input<typeof updateAppointmentBody>;

export const rearrangeRequest = z.object({ at: isoTime, reason: z.string() });

export const appointment = z.object({
  id: uuid,
  profileId: uuid,
  startsAt: isoTime,
  endsAt: isoTime.nullable(),
  place: z.string(),
  withWhom: z.string(),
  details: z.string().nullable(),
  status: z.enum(appointmentStatuses),
  /** The client's latest request to rearrange, until the appointment is changed or cancelled. */
  rearrangeRequest: rearrangeRequest.nullable(),
  reminderSentAt: isoTime.nullable(),
  createdBy: ref,
  version: z.number().int(),
});
export type Appointment = z.infer<typeof appointment>;

export const appointmentList = z.object({ items: z.array(appointment), permissions: z.object({ canEdit: z.boolean() }) });

/** What the client sees of an appointment. */
export const portalAppointment = appointment.pick({ id: true, startsAt: true, endsAt: true, place: true, withWhom: true, details: true, status: true, rearrangeRequest: true });
export type PortalAppointment = z.infer<typeof portalAppointment>;

/** The client's appointments: those still to come, soonest first, then the last few past, latest first. */
export const portalAppointmentList = z.object({ items: z.array(portalAppointment) });

export const rearrangeBody = z.strictObject({ reason: text(1000) });

// Documents shared with the client, and tasks that are the client's own.

export const sharedDocument = z.object({
  id: uuid,
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sharedAt: isoTime,
});
export type SharedDocument = z.infer<typeof sharedDocument>;

/** The documents shared with the client, latest shared first. */
export const sharedDocumentList = z.object({ items: z.array(sharedDocument) });

export const clientTask = z.object({
  id: uuid,
  title: z.string(),
  description: z.string().nullable(),
  dueOn: isoDate,
  done: z.boolean(),
  doneAt: isoTime.nullable(),
});
export type ClientTask = z.infer<typeof clientTask>;

/** The client's own tasks: those still to do, soonest due first, then those they ticked off. */
export const clientTaskList = z.object({ items: z.array(clientTask) });

/** On the profile: what is shared with the client, for the practitioner to add to or take back. */
export const profilePortalItems = z.object({
  documents: z.array(sharedDocument.extend({ sharedBy: ref })),
  tasks: z.array(clientTask.extend({ markedBy: ref })),
});
export type ProfilePortalItems = z.infer<typeof profilePortalItems>;

export const portalDocumentParams = z.object({ id: uuid, documentId: uuid });
export const portalTaskParams = z.object({ id: uuid, taskId: uuid });
