/** The Dutch catalogue: every capability's strings, names, messages, mails and history sentences in one table. */
import { alerts } from './alerts.ts'
import { app } from './app.ts'
import { availability } from './availability.ts'
import { functionaries } from './functionaries.ts'
import { alertAudit, alertMails, alertMessages } from './messages/alerts.ts'
import { appMessages, auditOther } from './messages/app.ts'
import { availabilityAudit, availabilityMessages } from './messages/availability.ts'
import { functionaryAudit, functionaryMessages } from './messages/functionaries.ts'
import { incidentAudit, incidentMessages } from './messages/incidents.ts'
import { requestAudit, requestMails, requestMessages } from './messages/requests.ts'
import { fieldMessages } from './messages/shared.ts'
import { names } from './names.ts'
import { requests } from './requests.ts'

export const nl = { ...app, ...names, ...requests, ...functionaries, ...availability, ...alerts }

/** pool/'s and server/'s messages, mails and history sentences: looked up by code, never by a page. */
export const nlMessages = {
  ...fieldMessages,
  ...appMessages,
  ...auditOther,
  ...requestMessages,
  ...requestMails,
  ...requestAudit,
  ...incidentMessages,
  ...incidentAudit,
  ...functionaryMessages,
  ...functionaryAudit,
  ...availabilityMessages,
  ...availabilityAudit,
  ...alertMessages,
  ...alertMails,
  ...alertAudit,
}
