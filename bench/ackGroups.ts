/** The one group the ack bench talks to, shared by the load generator and the server process. */
export const ACK_CHANNEL = 'C0BENCHACK';
export const ACK_USER = 'U0BENCHER1';

export const ACK_GROUPS_YAML = `
groups:
  bench:
    name: Bench WG
    channel: ${ACK_CHANNEL}
    timezone: America/Los_Angeles
    leads: [U0BENCHLD1]
    meetings:
      - title: Weekly call
        day: thursday
        time: "09:00"
        duration: 1h
    reminders: [24h, 10m]
`;
