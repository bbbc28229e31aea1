import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signature } from './send.ts';
import { checkTarget } from './target.ts';

describe('where a webhook may send', () => {
  it('takes an https URL on a public address', async () => {
    expect(await checkTarget('https://1.1.1.1/hook?x=1', false)).toMatchObject({ ok: true, addresses: [{ address: '1.1.1.1', family: 4 }] });
    expect(await checkTarget('https://[2606:4700:4700::1111]/hook', false)).toMatchObject({ ok: true, addresses: [{ family: 6 }] });
  });

  it.each([
    ['https://127.0.0.1/', 'loopback'],
    ['https://10.1.2.3/', 'private'],
    ['https://172.16.0.1/', 'private'],
    ['https://192.168.1.1/', 'private'],
    ['https://169.254.169.254/', 'link-local'],
    ['https://100.64.0.1/', 'carrier-grade NAT'],
    ['https://224.0.0.1/', 'multicast'],
    ['https://0.0.0.0/', 'unspecified'],
    ['https://[::1]/', 'loopback'],
    ['https://[fe80::1]/', 'link-local'],
    ['https://[fd12:3456::1]/', 'unique-local'],
    ['https://[::]/', 'unspecified'],
    ['https://[::ffff:10.0.0.1]/', 'private'],
    ['https://[::ffff:7f00:1]/', 'loopback'],
    ['https://[64:ff9b::a00:1]/', 'reserved'],
    ['https://192.0.2.1/', 'reserved'],
  ])('refuses %s, a %s address', async (url, words) => {
    const check = await checkTarget(url, false);
    expect(check).toEqual({ ok: false, problem: expect.stringContaining(`a ${words} address`) });
  });

  it('refuses plain http, other schemes and credentials in the URL', async () => {
    expect(await checkTarget('http://1.1.1.1/', false)).toEqual({ ok: false, problem: 'must be an https:// URL' });
    expect(await checkTarget('ftp://1.1.1.1/', true)).toEqual({ ok: false, problem: 'must be an https:// URL' });
    expect(await checkTarget('https://user:secret@1.1.1.1/', false)).toMatchObject({ ok: false, problem: expect.stringContaining('user name or password') });
    expect(await checkTarget('not a url', false)).toEqual({ ok: false, problem: 'must be a URL' });
  });

  it('allows private addresses and plain http when the server says so', async () => {
    expect(await checkTarget('http://127.0.0.1:8080/hook', true)).toMatchObject({ ok: true });
    expect(await checkTarget('https://[::1]/hook', true)).toMatchObject({ ok: true });
  });
});

describe('the signature', () => {
  it('is the hex HMAC-SHA256 of the exact body with the secret', () => {
    const body = '{"event":"case.created"}';
    expect(signature('s3cret-s3cret-s3cret', body)).toBe(`sha256=${createHmac('sha256', 's3cret-s3cret-s3cret').update(body).digest('hex')}`);
  });
});
