/**
 * An alert round from the need page: the chosen people are mailed a link; the public answer page
 * (reached by the link in the queued mail) records an answer once; the need's answers and the
 * person's /me/alerts show it; the mail reaches the SMTP server through the runtime's delivery.
 */
import { describe, expect, it } from 'vitest'
import { ANNA, ANSWER_LINK, acknowledged, imNeed } from '../fixtures.ts'
import { Client, formKey, islandTime, type Runtime } from '../target.ts'

export function alertFlows(rt: Runtime) {
  describe('alerts', () => {
    const c = new Client(rt, '192.0.2.60')

    it('sends a round from the need page, answers through the mailed link once, and shows the answer', async () => {
      const saba = await c.session('saba@demo.ccpm')
      const coordinator = await c.session('coordinator@demo.ccpm')
      const { needs } = await acknowledged(
        c,
        { saba, coordinator },
        { title: `Alerts (${rt.name})`, from: 60, to: 74, needs: [imNeed] },
      )
      const needId = needs[0]!
      const page = await c.page(`/needs/${needId}`, coordinator)
      const candidates = [...page.matchAll(/name="functionaryIds" value="([\w-]+)"/g)].map((m) => m[1]!)
      expect(candidates).toContain(ANNA.id)
      const other = candidates.find((id) => id !== ANNA.id)!
      const deadline = islandTime(c.now() + 86_400_000)
      const sent = await c.post(
        `/needs/${needId}/alerts`,
        { _key: formKey(page, `/needs/${needId}/alerts`), functionaryIds: [ANNA.id, other], deadline },
        coordinator,
      )
      expect(sent.status).toBe(303)
      const rows = await rt.rows<{ functionary_id: string }>(
        'select functionary_id from alerts where need_id = ? order by functionary_id',
        needId,
      )
      expect(rows.map((r) => r.functionary_id)).toEqual([ANNA.id, other].sort())
      const again = await c.post(
        `/needs/${needId}/alerts`,
        { functionaryIds: [ANNA.id], deadline },
        coordinator,
      )
      expect(again.status).toBe(422)
      // (main since has reminders: a second question waits 10 minutes; either way nothing is sent)
      expect(await again.text()).toMatch(
        /was already alerted and has not answered yet|a reminder can go 10 minutes after the last question/,
      )

      const mail = (await c.outbox(ANNA.email)).filter((m) => ANSWER_LINK.test(m.text)).at(-1)!
      expect(mail.subject).toMatch(/^Available .+ for Saba as information manager\?$/)
      const link = ANSWER_LINK.exec(mail.text)![1]!
      expect(mail.text).toContain(`${link}?a=available`)

      const public_ = new Client(rt, '192.0.2.61')
      const question = await public_.get(link)
      expect(question.status).toBe(200)
      expect(question.headers.get('cache-control')).toBe('no-store')
      const html = await question.text()
      expect(html).toMatch(/Are you available as information manager for Saba, .+\?/)
      expect(html).not.toContain(ANNA.email)
      const answered = await public_.post(link, {
        answer: 'available',
        note: `Can fly on Sunday (${rt.name})`,
      })
      expect(answered.status).toBe(200)
      expect(await answered.text()).toContain('Recorded: available. Thank you.')
      // (main since lets the answer change until the deadline: the page then says "Your answer")
      expect(await (await public_.get(link)).text()).toMatch(
        /You already answered: available\.|Your answer: available\./,
      )
      const replay = await public_.post(link, { answer: 'available', note: `Can fly on Sunday (${rt.name})` })
      expect(replay.status).toBe(409)
      expect(await replay.text()).toContain('You already answered: available.')
      const [id, secret] = link.slice('/answer/'.length).split('.')
      expect((await public_.get(`/answer/${id}.${'a'.repeat(32)}`)).status).toBe(404)
      expect(secret).toHaveLength(32)

      const board = await c.page(`/needs/${needId}/answers`, coordinator)
      expect(board).toContain(`Can fly on Sunday (${rt.name})`)
      expect(board).toContain('1 available, 0 not available, 1 waiting')
      const mine = await c.page('/me/alerts', await c.session(ANNA.email))
      expect(mine).toContain('Saba · Information manager')
      expect(mine).toContain('<b>Available</b>')

      // the runtime's delivery takes it to a real SMTP server; the sent row keeps no text (the link)
      await rt.deliver()
      const received = (await rt.received()).filter(
        (m) => m.to.includes(ANNA.email) && m.subject === mail.subject,
      )
      expect(received).toHaveLength(1)
      expect(received[0]!.text).toContain(link)
      const row = await rt.rows<{ status: string; text: string }>(
        'select status, text from outbox where id = ?',
        mail.id,
      )
      expect(row).toEqual([{ status: 'sent', text: '' }])
    })
  })
}
