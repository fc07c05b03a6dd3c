// The dev server's certificates (issue 9, item 19): office-addin-dev-certs' API first, the self-signed
// openssl fallback when its CA cannot be trusted (a root machine without sudo: getHttpsServerOptions rejects).
import { X509Certificate } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getHttpsOptions } = require('../scripts/dev-certs') as {
  getHttpsOptions(args?: { devCerts?: unknown; platform?: string; certDir?: string }): Promise<{
    options: { key: Buffer | string; cert: Buffer | string; ca?: Buffer | string };
    source: string;
    selfSigned?: boolean;
  }>;
};

const PACKAGE_OPTIONS = { ca: 'CA', cert: 'CERT', key: 'KEY' };

function fakeDevCerts(trusted: boolean) {
  const calls: string[] = [];
  return {
    calls,
    ensureCertificatesAreInstalled: async () => {
      calls.push('ensureCertificatesAreInstalled');
    },
    getHttpsServerOptions: async () => {
      calls.push('getHttpsServerOptions');
      if (!trusted) throw new Error('The CA certificate is not installed');
      return PACKAGE_OPTIONS;
    },
  };
}

let certDir: string;
beforeAll(() => {
  certDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dev-certs-')), 'certs');
});
afterAll(() => fs.rmSync(path.dirname(certDir), { recursive: true, force: true }));

test('the real office-addin-dev-certs is a dependency with the API used here', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const devCerts = require('office-addin-dev-certs') as Record<string, unknown>;
  expect(typeof devCerts.ensureCertificatesAreInstalled).toBe('function');
  expect(typeof devCerts.getHttpsServerOptions).toBe('function');
});

test.each(['win32', 'darwin'])('on %s office-addin-dev-certs installs and trusts its certificates, then serves them', async (platform) => {
  const devCerts = fakeDevCerts(true);
  const result = await getHttpsOptions({ devCerts, platform, certDir });
  expect(devCerts.calls).toEqual(['ensureCertificatesAreInstalled', 'getHttpsServerOptions']);
  expect(result).toEqual({ options: PACKAGE_OPTIONS, source: 'office-addin-dev-certs' });
  expect(fs.existsSync(certDir)).toBe(false);
});

test('on Linux a CA trusted before is used without asking for sudo', async () => {
  const devCerts = fakeDevCerts(true);
  const result = await getHttpsOptions({ devCerts, platform: 'linux', certDir });
  expect(devCerts.calls).toEqual(['getHttpsServerOptions']);
  expect(result.source).toBe('office-addin-dev-certs');
});

test('when office-addin-dev-certs rejects (CA not trusted, no sudo) a self-signed localhost certificate is made', async () => {
  const devCerts = fakeDevCerts(false);
  const result = await getHttpsOptions({ devCerts, platform: 'linux', certDir });
  expect(devCerts.calls).toEqual(['getHttpsServerOptions']);
  expect(result.selfSigned).toBe(true);
  expect(result.source).toBe(path.join(certDir, 'cert.pem'));
  const cert = new X509Certificate(result.options.cert);
  expect(cert.subject).toBe('CN=localhost');
  expect(cert.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
  expect(String(result.options.key)).toMatch(/^-----BEGIN PRIVATE KEY-----/);
});
