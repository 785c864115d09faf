/** The one document layout: skip link, role navigation, who is signed in, clocks, language switch. */
import type { Child } from 'hono/jsx'
import { navigation } from '../pool/access/index.ts'
import { Clocks } from './components/clock.tsx'
import { Head } from './components/head.tsx'
import { Replayed } from './components/replayed.tsx'
import type { ViewCtx } from './context.ts'
import { LOCALES } from './i18n/index.ts'

export function Layout({ ctx, title, children }: { ctx: ViewCtx; title: string; children: Child }) {
  const { t, user } = ctx
  return (
    <html lang={ctx.locale}>
      <Head title={`${title} · ${t('app.name')}`} css={ctx.assets.css} htmx={ctx.assets.htmx} />
      <body>
        <a class="skip" href="#main">
          {t('app.skip')}
        </a>
        <header class="top">
          <a class="brand" href="/" title={t('app.title')}>
            {t('app.name')}
          </a>
          {user ? (
            <nav aria-label={t('nav.label')}>
              <ul>
                {navigation(user.role).map((item) => (
                  <li>
                    <a href={item.href} aria-current={ctx.path === item.href ? 'page' : undefined}>
                      {t(item.label as Parameters<typeof t>[0])}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {user ? (
            <div class="who">
              <span class="who-name">{user.name}</span> ·{' '}
              <span class="who-role">
                {t(`role.${user.role}`)}
                {user.island ? ` · ${ctx.f.name('island', user.island)}` : ''}
              </span>
              <form method="post" action="/logout" class="inline">
                <button type="submit" class="link">
                  {t('logout.submit')}
                </button>
              </form>
            </div>
          ) : null}
          <Clocks ctx={ctx} />
        </header>
        <main id="main" tabindex={-1}>
          {ctx.replayedAt ? <Replayed ctx={ctx} at={ctx.replayedAt} /> : null}
          {children}
        </main>
        <footer>
          <form method="post" action="/locale" class="inline">
            <input type="hidden" name="back" value={ctx.path} />
            <label for="lang">{t('lang.label')}</label>{' '}
            <select id="lang" name="locale">
              {Object.entries(LOCALES).map(([code, name]) => (
                <option value={code} selected={code === ctx.locale} lang={code}>
                  {name}
                </option>
              ))}
            </select>{' '}
            <button type="submit">{t('lang.switch')}</button>
          </form>
          <p>{t('app.title')}</p>
        </footer>
      </body>
    </html>
  )
}
