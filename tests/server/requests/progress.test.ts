/** "Mark in progress" only when something is filled: the page neither offers nor promises it before. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { sabaRequest } from '../../helpers/requests.ts'
import { visibleText } from '../../helpers/text.ts'

let t: TestApp
let coordinator: string
let id: string
beforeAll(async () => {
  t = await testApp()
  const saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
  id = (await (await t.postJson('/api/v1/requests', sabaRequest(), saba)).json()).id
  await t.postJson(`/api/v1/requests/${id}/status`, { status: 'submitted' }, saba)
  await t.postJson(`/api/v1/requests/${id}/status`, { status: 'acknowledged' }, coordinator)
})
afterAll(() => t.close())

describe('an acknowledged request with nothing filled', () => {
  it('offers the coordinator no "Mark in progress", and says what comes next instead', async () => {
    const html = await (await t.get(`/requests/${id}`, coordinator)).text()
    expect(html).not.toContain('name="status" value="in_progress"')
    expect(html).not.toContain('Mark in progress')
    expect(visibleText(html)).toContain('Next step: Find candidates and offer them')
  })

  it('refuses the step posted anyway with 409 and the reason, the request unchanged', async () => {
    const res = await t.post(`/requests/${id}/status`, { status: 'in_progress', version: '3' }, coordinator)
    expect(res.status).toBe(409)
    expect(visibleText(await res.text())).toContain(
      'Nothing is filled yet: a request is in progress once a person or unit has been assigned to it.',
    )
    expect((await (await t.get(`/api/v1/requests/${id}`, coordinator)).json()).status).toBe('acknowledged')
  })
})
