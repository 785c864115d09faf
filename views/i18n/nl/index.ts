/** The Dutch catalogue: every capability's strings and messages in one table. */
import { accounts } from './accounts.ts'
import { alerts } from './alerts.ts'
import { app } from './app.ts'
import { availability } from './availability.ts'
import { functionaries } from './functionaries.ts'
import { accountsAudit, accountsMails, accountsMessages } from './messages/accounts.ts'
import { names } from './names.ts'
import { requests } from './requests.ts'

export const nl = {
  ...app,
  ...names,
  ...requests,
  ...functionaries,
  ...availability,
  ...alerts,
  ...accounts,
  ...accountsMessages,
  ...accountsMails,
  ...accountsAudit,
}
