/**
 * HTTPS key and certificate for the dev server on https://localhost:3000.
 *
 * Office only loads add-ins over https. Preferred: the certificates of office-addin-dev-certs, whose CA it
 * trusts for you. That package is not a dependency here (office-addin-debugging's keytar peer does not
 * install offline), so it is used when it is installed locally, or when its files exist on Windows/macOS
 * (`npm start` there runs `npx office-addin-dev-certs install`, which creates and trusts them). Trusting the
 * CA needs sudo on Linux, which a root machine lacks, so elsewhere a self-signed certificate is made with
 * openssl into .certs/ (gitignored): the browser asks once to accept it.
 */
'use strict';

const { execFileSync } = require('child_process');
const { X509Certificate } = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const CERT_DIR = path.join(__dirname, '..', '.certs');
const KEY_FILE = path.join(CERT_DIR, 'key.pem');
const CERT_FILE = path.join(CERT_DIR, 'cert.pem');
const DAY_MS = 24 * 60 * 60 * 1000;

async function fromOfficeAddinDevCertsPackage() {
  let devCerts;
  try {
    devCerts = require('office-addin-dev-certs');
  } catch {
    return undefined;
  }
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { options, source: 'office-addin-dev-certs' };
  } catch {
    return undefined; // not installed or not trusted (e.g. no sudo): fall back
  }
}

function fromOfficeAddinDevCertsFiles() {
  if (process.platform !== 'win32' && process.platform !== 'darwin') return undefined;
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = ['ca.crt', 'localhost.crt', 'localhost.key'].map((name) => path.join(dir, name));
  if (!files.every((file) => fs.existsSync(file))) return undefined;
  const [ca, cert, key] = files.map((file) => fs.readFileSync(file));
  if (!stillValid(cert)) return undefined;
  return { options: { ca, cert, key }, source: dir };
}

function stillValid(certPem) {
  try {
    return Date.parse(new X509Certificate(certPem).validTo) - Date.now() > DAY_MS;
  } catch {
    return false;
  }
}

function selfSigned() {
  if (!(fs.existsSync(KEY_FILE) && fs.existsSync(CERT_FILE) && stillValid(fs.readFileSync(CERT_FILE)))) {
    fs.mkdirSync(CERT_DIR, { recursive: true });
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', KEY_FILE, '-out', CERT_FILE, '-days', '30',
          '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
        { stdio: 'pipe' },
      );
    } catch (error) {
      throw new Error(
        'No https certificate for the dev server: office-addin-dev-certs is not set up and openssl failed ' +
          `(${error.message.split('\n')[0]}). Install openssl, or run "npx office-addin-dev-certs install".`,
      );
    }
  }
  return { options: { key: fs.readFileSync(KEY_FILE), cert: fs.readFileSync(CERT_FILE) }, source: CERT_FILE, selfSigned: true };
}

/** Resolves to { options: { key, cert, ca? }, source, selfSigned? } for webpack-dev-server's https server. */
async function getHttpsOptions() {
  return (await fromOfficeAddinDevCertsPackage()) ?? fromOfficeAddinDevCertsFiles() ?? selfSigned();
}

module.exports = { getHttpsOptions, CERT_FILE };
