/** Groups files the CLI tests share: realistic, and in zones with DST changes in the window. */
export const SERVERLESS_YAML = `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: '#serverless'
    timezone: America/Los_Angeles
    leads: [U0LEAD0001]
    meetings:
      - id: weekly
        title: Weekly call
        day: thursday
        time: '09:00'
        duration: 1h
        join_url: https://zoom.us/my/cncfserverlesswg
        dial_in: 'US +1 669 900 6833'
    extra_meetings:
      - { date: 2026-11-03, time: '10:30', title: KubeCon retro, duration: 90m }
    cancelled: [2026-11-12]
    reminders: [24h, 10m]
    minutes:
      mode: per-meeting
      template: 1TEMPLATEabcdefgh
      folder: 1FOLDERabcdefghij
      create_before: 2h
  cf-app-runtime:
    name: CF App Runtime Interfaces WG
    channel: C0APPRUNTIME
    timezone: Europe/Berlin
    leads: [U0LEAD0002]
    meetings:
      - day: tuesday
        time: '17:00'
        duration: 45m
        frequency: { every_weeks: 2, from: 2026-01-13 }
`;

/** Five mistakes in three groups, each with its own path. */
export const BROKEN_YAML = `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: '#serverless'
    timezone: America/Los_Angles
    leads: [U0LEAD0001]
    meetings:
      - day: thursday
        time: '9am'
  cf:
    name: CF
    channel: '#serverless'
    timezone: Europe/Berlin
    leads: [alice]
    meetings:
      - { day: someday, time: '17:00' }
`;
