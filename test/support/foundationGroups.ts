import { LEAD, OTHER_MEMBER } from './gavelHarness.js';

export const HOSTILE = `<script>alert("x")</script> & 'quotes'`;
export const HOSTILE_URL = 'https://evil.example.org/?q="><img src=x onerror=alert(1)>';

/** Two groups for the public pages: one with a hostile description and link, one led by someone without a GitHub login. */
export const FOUNDATION_YAML = `
groups:
  serverless:
    name: CNCF Serverless WG
    channel: "#serverless"
    timezone: America/Los_Angeles
    leads: [${LEAD}]
    description: |
      Serverless computing, events and ${HOSTILE}.

      Everyone is welcome.
    links:
      repo: https://github.com/cncf/wg-serverless
      mailing_list: cncf-wg-serverless@lists.cncf.io
      notes: ${JSON.stringify(HOSTILE_URL)}
    meetings:
      - title: Weekly call
        day: thursday
        time: "09:00"
        join_url: https://zoom.us/j/123456789
    github_logins:
      ${LEAD}: lea-gh
  runtime:
    name: App Runtime <Interfaces>
    channel: "#cf-app-runtime"
    timezone: Europe/Berlin
    leads: [${OTHER_MEMBER}]
    meetings:
      - { day: tuesday, time: "16:00", frequency: { every_weeks: 2, from: 2026-11-24 } }
`;
