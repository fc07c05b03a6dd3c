/**
 * HTTPS key and certificate for the dev server on https://localhost:3000.
 *
 * Office only loads add-ins over https. First choice: office-addin-dev-certs' API (a devDependency). On
 * Windows and macOS `ensureCertificatesAreInstalled()` creates ~/.office-addin-dev-certs/{ca.crt,
 * localhost.crt,localhost.key} and trusts the CA, then `getHttpsServerOptions()` hands them over. On Linux
 * only `getHttpsServerOptions()` is called: it creates the files too and tries to trust the CA with sudo,
 * which a root machine lacks (it prints an error and rejects); a CA trusted before is simply used.
 * When it rejects, a self-signed certificate is made with openssl into .certs/ (gitignored): the browser
 * asks once to accept it.
 */
'use strict';

const { execFileSync } = require('child_process');
const { X509Certificate } = require('crypto');
const fs = require('fs');
const path = require('path');

const CERT_DIR = path.join(__dirname, '..', '.certs');
const CERT_FILE = path.join(CERT_DIR, 'cert.pem');
const DAY_MS = 24 * 60 * 60 * 1000;

const TRUSTS_CA_ITSELF = ['win32', 'darwin'];

/** office-addin-dev-certs' certificates, or undefined when they cannot be made or trusted here. */
async function fromOfficeAddinDevCerts(devCerts, platform) {
  try {
    if (TRUSTS_CA_ITSELF.includes(platform)) await devCerts.ensureCertificatesAreInstalled();
    const options = await devCerts.getHttpsServerOptions();
    return { options, source: 'office-addin-dev-certs' };
  } catch {
    return undefined; // not installed or not trusted (e.g. no sudo): fall back
  }
}

function stillValid(certPem) {
  try {
    return Date.parse(new X509Certificate(certPem).validTo) - Date.now() > DAY_MS;
  } catch {
    return false;
  }
}

function selfSigned(certDir) {
  const keyFile = path.join(certDir, 'key.pem');
  const certFile = path.join(certDir, 'cert.pem');
  if (!(fs.existsSync(keyFile) && fs.existsSync(certFile) && stillValid(fs.readFileSync(certFile)))) {
    fs.mkdirSync(certDir, { recursive: true });
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '30',
          '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
        { stdio: 'pipe' },
      );
    } catch (error) {
      throw new Error(
        'No https certificate for the dev server: the CA of office-addin-dev-certs is not trusted here and openssl failed ' +
          `(${error.message.split('\n')[0]}). Install openssl, or run "npx office-addin-dev-certs install".`,
      );
    }
  }
  return { options: { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) }, source: certFile, selfSigned: true };
}

/**
 * Resolves to { options: { key, cert, ca? }, source, selfSigned? } for webpack-dev-server's https server.
 * The arguments are for tests: another office-addin-dev-certs, platform or directory for the fallback.
 */
async function getHttpsOptions({ devCerts = require('office-addin-dev-certs'), platform = process.platform, certDir = CERT_DIR } = {}) {
  return (await fromOfficeAddinDevCerts(devCerts, platform)) ?? selfSigned(certDir);
}

module.exports = { getHttpsOptions, CERT_FILE };
