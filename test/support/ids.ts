import type { ChannelId, GroupId, LocalDate, SlackUserId } from '../../src/core/ids.js';

/** Brands for literals in tests: what the app validates on the way in, a test states outright. */
export const gid = (s: string) => s as GroupId;
export const uid = (s: string) => s as SlackUserId;
export const cid = (s: string) => s as ChannelId;
export const day = (s: string) => s as LocalDate;
