/** The mail outbox for admins: what waits, what left, what failed and why. */
import { DualTime } from '../components/clock.tsx'
import type { ViewCtx } from '../context.ts'

export interface OutboxData {
  smtp: boolean
  pending: number
  sent: number
  items: {
    id: string
    createdAt: number
    to: string
    subject: string
    status: 'pending' | 'sent'
    attempts: number
    lastError: string | null
  }[]
}

export function OutboxView({ ctx, data }: { ctx: ViewCtx; data: OutboxData }) {
  const { t } = ctx
  return (
    <section>
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.summary', { pending: data.pending, sent: data.sent })}</p>
      {data.smtp ? null : <p class="note">{t('outbox.nosmtp')}</p>}
      {data.items.length === 0 ? (
        <p>{t('outbox.empty')}</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('outbox.created')}</th>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.status')}</th>
                <th scope="col">{t('outbox.attempts')}</th>
                <th scope="col">{t('outbox.error')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((m) => (
                <tr>
                  <td>
                    <DualTime ctx={ctx} at={m.createdAt} />
                  </td>
                  <td>{m.to}</td>
                  <td>{m.subject}</td>
                  <td>{t(`outbox.${m.status}`)}</td>
                  <td>{m.attempts}</td>
                  <td>{m.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
