import { Webhooks } from '@octokit/webhooks';
import { describe, expect, it } from 'vitest';

// GitHub's documented example ("Validating webhook deliveries"): the check gavel's
// /github/webhook route makes with @octokit/webhooks before it reads a delivery.
const SECRET = "It's a Secret to Everybody";
const PAYLOAD = 'Hello, World!';
const SIGNATURE = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

describe('GitHub webhook signatures', () => {
  const webhooks = new Webhooks({ secret: SECRET });

  it('accepts GitHub’s documented example', async () => {
    expect(await webhooks.sign(PAYLOAD)).toBe(SIGNATURE);
    expect(await webhooks.verify(PAYLOAD, SIGNATURE)).toBe(true);
  });

  it('refuses a changed payload, another secret, or a signature without its prefix', async () => {
    expect(await webhooks.verify('Hello, World?', SIGNATURE)).toBe(false);
    expect(await new Webhooks({ secret: 'another secret' }).verify(PAYLOAD, SIGNATURE)).toBe(false);
    expect(await webhooks.verify(PAYLOAD, SIGNATURE.slice('sha256='.length))).toBe(false);
  });
});
