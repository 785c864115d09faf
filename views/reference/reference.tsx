/** Reference data for every signed-in role: islands and bases, crisis roles, travel times. */
import { TableRegion } from '../components/table.tsx'
import type { ViewCtx } from '../context.ts'

export interface ReferenceData {
  islands: {
    code: string
    capital: string | null
    airport: string
    timeZone: string
    languages: string[]
  }[]
  roles: { code: string }[]
  travel: { fromCode: string; toCode: string; minutes: number; route: string }[]
}

export function ReferenceView({ ctx, data }: { ctx: ViewCtx; data: ReferenceData }) {
  const { t, f } = ctx
  return (
    <section>
      <h1>{t('ref.title')}</h1>
      <h2>{t('ref.islands')}</h2>
      <TableRegion label={t('ref.islands')}>
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">{t('ref.code')}</th>
              <th scope="col">{t('ref.name')}</th>
              <th scope="col">{t('ref.capital')}</th>
              <th scope="col">{t('ref.airport')}</th>
              <th scope="col">{t('ref.timezone')}</th>
              <th scope="col">{t('ref.languages')}</th>
            </tr>
          </thead>
          <tbody>
            {data.islands.map((i) => (
              <tr>
                <td data-label={t('ref.code')}>{i.code}</td>
                <td data-label={t('ref.name')}>{f.name('island', i.code)}</td>
                <td data-label={t('ref.capital')}>{i.capital ?? '—'}</td>
                <td data-label={t('ref.airport')}>{i.airport}</td>
                <td data-label={t('ref.timezone')}>{i.timeZone}</td>
                <td data-label={t('ref.languages')}>
                  {i.languages.map((l) => f.name('language', l)).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <h2>{t('ref.roles')}</h2>
      <ul class="columns">
        {data.roles.map((r) => (
          <li>
            {f.role(r.code)} <code>{r.code}</code>
          </li>
        ))}
      </ul>
      <h2>{t('ref.travel')}</h2>
      <TableRegion label={t('ref.travel')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('ref.from')}</th>
              <th scope="col">{t('ref.to')}</th>
              <th scope="col">{t('ref.minutes')}</th>
              <th scope="col">{t('ref.route')}</th>
            </tr>
          </thead>
          <tbody>
            {data.travel
              .filter((r) => r.fromCode !== r.toCode)
              .map((r) => (
                <tr>
                  <td>{r.fromCode}</td>
                  <td>{r.toCode}</td>
                  <td>{r.minutes}</td>
                  <td>{r.route}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  )
}
