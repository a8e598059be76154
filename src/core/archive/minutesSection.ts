/**
 * One meeting's section of a running doc exported as Markdown: from the heading line whose
 * text is the section's heading (what gavel wrote, see runningSectionHeading) to the next
 * heading of the same or a higher level. Undefined when the doc has no such heading.
 */
export function minutesSection(markdown: string, heading: string): string | undefined {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const want = normalise(heading);
  const start = lines.findIndex((l) => {
    const h = headingOf(l);
    return h !== undefined && normalise(h.text) === want;
  });
  if (start < 0) return undefined;
  const level = headingOf(lines[start]!)!.level;
  const end = lines.findIndex((l, i) => {
    if (i <= start) return false;
    const h = headingOf(l);
    return h !== undefined && h.level <= level;
  });
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}

function headingOf(line: string): { level: number; text: string } | undefined {
  const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
  return m ? { level: m[1]!.length, text: m[2]! } : undefined;
}

/** Drive's export escapes Markdown's punctuation and may wrap a heading in emphasis. */
const normalise = (s: string): string =>
  s
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1')
    .replace(/^\*+|\*+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
