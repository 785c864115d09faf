/** The Papiamentu catalogue: every capability's strings and messages in one table. */
import { alerts } from './alerts.ts'
import { app } from './app.ts'
import { availability } from './availability.ts'
import { functionaries } from './functionaries.ts'
import { hrcStrings } from './hrc.ts'
import { assignments } from './messages/assignments.ts'
import { hrc } from './messages/hrc.ts'
import { names } from './names.ts'
import { requests } from './requests.ts'

export const pap = {
  ...app,
  ...names,
  ...requests,
  ...functionaries,
  ...availability,
  ...alerts,
  ...assignments,
  ...hrc,
  ...hrcStrings,
}
