/** What `npm start` prints without Slack credentials: where to look, and how to go live. */
export function sandboxBanner(url: string): string {
  const line = '='.repeat(78);
  return [
    '',
    line,
    '  gavel is running in SANDBOX MODE: no Slack credentials are configured.',
    '',
    `  Open ${url}`,
    '  Slack, GitHub and Google Docs are local stand-ins; everything is thrown away on exit.',
    '',
    '  To connect a real workspace, create the Slack app from manifest.yml',
    '  (README: "Create the Slack app"), then set in .env:',
    '    SLACK_BOT_TOKEN=xoxb-…   and   SLACK_APP_TOKEN=xapp-… (Socket Mode)',
    '                             or   SLACK_SIGNING_SECRET=… (HTTP mode)',
    '  and restart.',
    line,
    '',
    '',
  ].join('\n');
}
