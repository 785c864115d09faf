/** Named fixtures for request tests: a valid request body as the API takes it. */

export const sabaRequest = (over: Record<string, unknown> = {}) => ({
  title: 'Back-up for the EOT after Hurricane Erin',
  situation: 'Roofs gone at The Bottom and Windwardside; our EOT has worked 40 hours without relief.',
  phase: 'warm',
  priority: 'urgent',
  periodStart: '2026-09-06',
  periodEnd: '2026-09-20',
  needs: [
    { kind: 'functionary', role: 'information_manager', count: 2, minLevel: 'qualified', languages: ['en'] },
    {
      kind: 'functionary',
      role: 'crisis_communication_adviser',
      count: 1,
      minLevel: 'qualified',
      languages: ['en', 'nl'],
    },
    { kind: 'capacity', unitType: 'reconnaissance', count: 1 },
  ],
  ...over,
})
