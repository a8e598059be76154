import { JWT, OAuth2Client } from 'google-auth-library';
import { describe, expect, it } from 'vitest';
import { GOOGLE_SCOPES, googleCredentials } from '../../src/google/googleAuth.js';
import { makeServiceAccountKey } from '../../src/standins/googleApiServer.js';

const key = makeServiceAccountKey('minutes-bot@proj.iam.gserviceaccount.com');
const json = (subject?: string) => ({ kind: 'service-account-json', json: key.json, subject }) as const;

describe('Google credentials', () => {
  it('sign their own JWT only against a custom API root, and ask Google’s token endpoint otherwise', () => {
    const test = googleCredentials(json(), { customApiRoot: true, tokenUrl: undefined });
    const prod = googleCredentials(json(), { customApiRoot: false, tokenUrl: undefined });
    expect(test.client).toBeInstanceOf(JWT);
    expect((test.client as JWT).useJWTAccessWithScope).toBe(true);
    expect((prod.client as JWT).useJWTAccessWithScope).toBeFalsy();
    expect((prod.client as JWT).scopes).toEqual([...GOOGLE_SCOPES]);
    expect(prod.actor).toBe('minutes-bot@proj.iam.gserviceaccount.com');
  });

  it('act as the delegated user with domain-wide delegation, through the token endpoint', () => {
    const delegated = googleCredentials(json('clerk@example.org'), {
      customApiRoot: true,
      tokenUrl: undefined,
    });
    expect((delegated.client as JWT).subject).toBe('clerk@example.org');
    expect((delegated.client as JWT).useJWTAccessWithScope).toBeFalsy();
    expect(delegated.actor).toBe('clerk@example.org');
  });

  it('read a key file from GOOGLE_APPLICATION_CREDENTIALS, and name the path when it cannot', () => {
    const fromFile = googleCredentials(
      { kind: 'service-account-file', path: '/keys/gavel.json', subject: undefined },
      { customApiRoot: false, tokenUrl: undefined, readFile: () => key.json },
    );
    expect(fromFile.actor).toBe(key.email);
    expect(() =>
      googleCredentials(
        { kind: 'service-account-file', path: '/nowhere/key.json', subject: undefined },
        { customApiRoot: false, tokenUrl: undefined },
      ),
    ).toThrow('GOOGLE_APPLICATION_CREDENTIALS: cannot read the key file /nowhere/key.json (ENOENT)');
  });

  it('refuse something that is not a service account key, without repeating it', () => {
    const secretish = '{"type":"authorized_user","client_secret":"s3cr3t-value"}';
    const attempt = () =>
      googleCredentials(
        { kind: 'service-account-json', json: secretish, subject: undefined },
        { customApiRoot: false, tokenUrl: undefined },
      );
    expect(attempt).toThrow(/^GOOGLE_CREDENTIALS_JSON: expected a service account key/);
    expect(attempt).not.toThrow(/s3cr3t/);
    expect(() =>
      googleCredentials(
        { kind: 'service-account-json', json: 'not json', subject: undefined },
        { customApiRoot: false, tokenUrl: undefined },
      ),
    ).toThrow('GOOGLE_CREDENTIALS_JSON: expected a service account key in JSON');
  });

  it('use an OAuth refresh token with the configured token endpoint', () => {
    const oauth = googleCredentials(
      { kind: 'oauth', clientId: 'id', clientSecret: 'secret', refreshToken: 'refresh' },
      { customApiRoot: false, tokenUrl: 'http://127.0.0.1:9/token' },
    );
    expect(oauth.client).toBeInstanceOf(OAuth2Client);
    expect(String((oauth.client as OAuth2Client).endpoints.oauth2TokenUrl)).toBe('http://127.0.0.1:9/token');
    expect(oauth.actor).toBeUndefined();
  });
});
