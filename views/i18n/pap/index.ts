/** The Papiamentu catalogue: page strings, names, and pool's messages, mails and history sentences. */
import { accounts } from './accounts.ts'
import { alerts } from './alerts.ts'
import { app } from './app.ts'
import { assignments } from './assignments.ts'
import { availability } from './availability.ts'
import { functionaries } from './functionaries.ts'
import { hrcStrings } from './hrc.ts'
import { accountsAudit, accountsMails, accountsMessages } from './messages/accounts.ts'
import { alertAudit, alertMails, alertMessages } from './messages/alerts.ts'
import { appMessages, auditOther } from './messages/app.ts'
import { assignments as assignmentsMessages } from './messages/assignments.ts'
import { availabilityAudit, availabilityMessages } from './messages/availability.ts'
import { functionaryAudit, functionaryMessages } from './messages/functionaries.ts'
import { hrc } from './messages/hrc.ts'
import { incidentAudit, incidentMails, incidentMessages } from './messages/incidents.ts'
import { matching } from './messages/matching.ts'
import { requestAudit, requestMails, requestMessages } from './messages/requests.ts'
import { fieldMessages } from './messages/shared.ts'
import { names } from './names.ts'
import { requests } from './requests.ts'

export const pap = {
  ...app,
  ...names,
  ...accounts,
  ...alerts,
  ...assignments,
  ...availability,
  ...functionaries,
  ...hrcStrings,
  ...requests,
}

/** pool/'s and server/'s messages, mails and history sentences: looked up by code, never by a page. */
export const papMessages = {
  ...accountsMessages,
  ...accountsMails,
  ...accountsAudit,
  ...alertMessages,
  ...alertMails,
  ...alertAudit,
  ...appMessages,
  ...auditOther,
  ...assignmentsMessages,
  ...availabilityMessages,
  ...availabilityAudit,
  ...functionaryMessages,
  ...functionaryAudit,
  ...hrc,
  ...incidentMessages,
  ...incidentAudit,
  ...incidentMails,
  ...matching,
  ...requestMessages,
  ...requestMails,
  ...requestAudit,
  ...fieldMessages,
}
