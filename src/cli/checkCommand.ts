import { loadConfig } from '../config/env.js';
import { loadGroupsFile } from '../config/loadGroupsFile.js';
import { checkReport } from './checkReport.js';
import { type CommandResult, groupsFileSetting, type RawEnv } from './commandResult.js';
import { configNotes } from './configNotes.js';
import { googleCredentialProblems } from './googleCredentialProblems.js';

/**
 * `gavel check`: the environment and the groups file validated together, every problem at
 * once with its variable or path. Nothing remote unless `remote` (then Slack is asked).
 */
export async function checkCommand(input: {
  env: RawEnv;
  envSource: string;
  remote: boolean;
}): Promise<CommandResult> {
  const loaded = loadConfig(input.env);
  const config = loaded.ok ? loaded.config : undefined;
  // The groups file is checked even when the environment is not: one run shows everything.
  const groupsFile = loadGroupsFile(config ? config.groupsFile : groupsFileSetting(input.env));
  const groups = groupsFile.ok ? groupsFile.groups : undefined;
  const problems = [
    ...(loaded.ok ? [] : loaded.problems),
    ...googleCredentialProblems(config?.google),
    ...(groupsFile.ok ? [] : groupsFile.problems),
  ];
  let remote: readonly string[] = [];
  let remoteGithub: readonly string[] = [];
  if (input.remote) {
    if (config && groups) {
      // Loaded only when asked: a local check has no use for the Slack client.
      const { remoteSlackCheck } = await import('./remoteSlackCheck.js');
      const answer = await remoteSlackCheck(config, groups);
      remote = answer.lines;
      problems.push(...answer.problems);
      // GitHub is asked only for what the agenda would ask it: labelled sources and counts.
      const { remoteGithubCheck } = await import('./remoteGithubCheck.js');
      const github = await remoteGithubCheck(config, groups);
      remoteGithub = github.lines;
      problems.push(...github.problems);
    } else {
      problems.push('--remote: skipped until the problems above are fixed');
    }
  }
  const notes = [
    ...(groupsFile.ok && groupsFile.usedExample
      ? ['no config/groups.yml: the example groups are used; copy config/groups.example.yml and edit it']
      : []),
    ...configNotes(config, groups, input.remote),
  ];
  const stdout = checkReport({
    envSource: input.envSource,
    config,
    groupsFile: groupsFile.path,
    usedExample: groupsFile.ok && groupsFile.usedExample,
    groups,
    digest: groupsFile.ok ? groupsFile.digest : undefined,
    problems,
    notes,
    remote,
    remoteGithub,
  });
  return { exitCode: problems.length > 0 ? 1 : 0, stdout, stderr: '' };
}
