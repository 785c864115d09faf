/** The mail outbox for admins: what waits, what left, what failed and why. */

import { DualTime } from '../components/clock.tsx'
import { TableRegion } from '../components/table.tsx'
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
        <TableRegion label={t('outbox.title')}>
          <table class="cards">
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
                  <td data-label={t('outbox.created')}>
                    <DualTime ctx={ctx} at={m.createdAt} />
                  </td>
                  <td data-label={t('outbox.to')}>{m.to}</td>
                  <td data-label={t('outbox.subject')}>{m.subject}</td>
                  <td data-label={t('outbox.status')}>{t(`outbox.${m.status}`)}</td>
                  <td data-label={t('outbox.attempts')}>{m.attempts}</td>
                  <td data-label={t('outbox.error')}>{m.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  )
}
