export const USAGE = `Usage:
  gavel check [--remote]            validate the environment (.env) and the groups file
  gavel preview [group] [--now ISO] the next five meetings of each group, with reminder and
                                    minutes times and the reminder as it will read

From a clone: npm run check-config [-- --remote]   npm run preview [-- serverless]

Options:
  --remote     check: also ask Slack (auth.test, conversations.list for #channel names)
               and GitHub (the agenda's labelled repositories and count queries)
  --now ISO    preview: the moment to preview from (default: now), e.g. 2026-10-26T12:00:00Z
  -h, --help   this text
Exit status: 0 fine, 1 problems found, 2 wrong usage.
`;
