/** The Dutch catalogue: page strings, names, and pool's messages, mails and history sentences. */
import { alerts } from './alerts.ts'
import { app } from './app.ts'
import { assignments as assignmentStrings } from './assignments.ts'
import { availability } from './availability.ts'
import { functionaries } from './functionaries.ts'
import { alertAudit, alertMails, alertMessages } from './messages/alerts.ts'
import { appMessages, auditOther } from './messages/app.ts'
import { assignments } from './messages/assignments.ts'
import { availabilityAudit, availabilityMessages } from './messages/availability.ts'
import { functionaryAudit, functionaryMessages } from './messages/functionaries.ts'
import { hrc } from './messages/hrc.ts'
import { incidentAudit, incidentMessages } from './messages/incidents.ts'
import { matching } from './messages/matching.ts'
import { requestAudit, requestMails, requestMessages } from './messages/requests.ts'
import { fieldMessages } from './messages/shared.ts'
import { lines, roleCount, unitCount, unitName } from './messages/words.ts'
import { names } from './names.ts'
import { requests } from './requests.ts'

export const nl = {
  ...app,
  ...names,
  ...alerts,
  ...assignmentStrings,
  ...availability,
  ...functionaries,
  ...requests,
}

/** pool/'s and server/'s messages, mails and history sentences: looked up by code, never by a page. */
export const nlMessages = {
  ...alertMessages,
  ...alertMails,
  ...alertAudit,
  ...appMessages,
  ...auditOther,
  ...assignments,
  ...availabilityMessages,
  ...availabilityAudit,
  ...functionaryMessages,
  ...functionaryAudit,
  ...hrc,
  ...incidentMessages,
  ...incidentAudit,
  ...matching,
  ...requestMessages,
  ...requestMails,
  ...requestAudit,
  ...fieldMessages,
  ...roleCount,
  ...unitName,
  ...unitCount,
  ...lines,
}
