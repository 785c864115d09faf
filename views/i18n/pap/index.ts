/** The Papiamentu catalogue: page strings, names, and pool's messages, mails and history sentences. */
import { accounts } from './accounts.ts'
import { alerts } from './alerts.ts'
import { app } from './app.ts'
import { availability } from './availability.ts'
import { functionaries } from './functionaries.ts'
import { accountsAudit, accountsMails, accountsMessages } from './messages/accounts.ts'
import { assignments } from './messages/assignments.ts'
import { hrc } from './messages/hrc.ts'
import { matching } from './messages/matching.ts'
import { names } from './names.ts'
import { requests } from './requests.ts'

export const pap = {
  ...app,
  ...names,
  ...accounts,
  ...alerts,
  ...availability,
  ...functionaries,
  ...requests,
  ...accountsMessages,
  ...accountsMails,
  ...accountsAudit,
  ...assignments,
  ...hrc,
  ...matching,
}
