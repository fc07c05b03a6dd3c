#!/usr/bin/env node
/**
 * `npm run validate`, first half: office-addin-manifest's offline checks of manifest.xml.
 *
 * `office-addin-manifest validate` posts the manifest to an online service, which is unreachable here, so
 * this reads it with the package's own parser (`OfficeAddinManifest.readManifestFile`, what its `info`
 * command prints) and checks what that parse yields: an Excel task-pane add-in with an id, a version Office
 * accepts, names, icons and a source page on https. The element order, icons on disk, requirement sets
 * and strings are checked by test/manifest.test.ts (the second half of `npm run validate`).
 *
 * Usage: node scripts/validate-manifest.js [manifest.xml]. Exit 0 when valid, 1 with each problem otherwise.
 */
'use strict';

const path = require('path');
const { OfficeAddinManifest, getOfficeAppsForManifestHosts } = require('office-addin-manifest');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}(\.\d{1,5}){1,3}$/;

function https(url) {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The problems of a parsed manifest (office-addin-manifest's ManifestInfo), as sentences; [] when valid. */
function manifestProblems(info) {
  const problems = [];
  if (info.manifestType !== 'xml') problems.push(`not an XML add-in manifest (type ${info.manifestType})`);
  if (info.officeAppType !== 'TaskPaneApp') problems.push(`OfficeApp type is ${info.officeAppType}, not TaskPaneApp`);
  if (!GUID.test(info.id ?? '')) problems.push(`<Id> is not a GUID: ${info.id}`);
  if (!VERSION.test(info.version ?? '')) problems.push(`<Version> is not n.n[.n[.n]]: ${info.version}`);
  for (const field of ['providerName', 'defaultLocale', 'displayName', 'description']) {
    if (!info[field]) problems.push(`${field} is missing or empty`);
  }
  const apps = getOfficeAppsForManifestHosts(info.hosts ?? []);
  if (!apps.includes('excel')) problems.push(`<Hosts> does not name Excel (Workbook): ${JSON.stringify(info.hosts)}`);
  if (info.permissions !== 'ReadWriteDocument') problems.push(`<Permissions> is ${info.permissions}, the add-in writes cells (ReadWriteDocument)`);
  for (const [field, url] of [
    ['iconUrl', info.iconUrl],
    ['highResolutionIconUrl', info.highResolutionIconUrl],
    ['DefaultSettings/SourceLocation', info.defaultSettings?.sourceLocation],
  ]) {
    if (!https(url)) problems.push(`${field} is not an https address: ${url}`);
  }
  return problems;
}

async function main(file) {
  let info;
  try {
    info = await OfficeAddinManifest.readManifestFile(file);
  } catch (error) {
    console.error(`${file}: office-addin-manifest cannot read it: ${String(error.message).split('\n')[0].trim()}`);
    return 1;
  }
  const problems = manifestProblems(info);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`${file}: ${problem}`);
    return 1;
  }
  console.log(`${file}: ${info.displayName} ${info.version} (${info.id}), ${info.officeAppType} for ${info.hosts.join(', ')} — offline checks passed`);
  return 0;
}

if (require.main === module) {
  main(process.argv[2] ?? path.join(__dirname, '..', 'manifest.xml')).then((code) => {
    process.exitCode = code;
  });
}

module.exports = { manifestProblems };
