/**
 * @jest-environment jsdom
 */
// The offline manifest check (`npm run validate`): `office-addin-manifest validate` posts to an online
// service, so this test checks what would make Office refuse the manifest or the add-in fail to load.
// jsdom's DOMParser is a strict XML parser: a document that is not well-formed yields <parsererror>.
import * as fs from 'fs';
import * as path from 'path';
import { REQUIRED_SETS } from '../src/excel/requirements';

const ROOT = path.join(__dirname, '..');
const ORIGIN = 'https://localhost:3000/';
const NS = {
  office: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  overrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};
/** Top-level elements of a TaskPaneApp, in the order the schema requires. */
const SCHEMA_ORDER = [
  'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
  'AllowSnapshot', 'VersionOverrides',
];
const REQUIRED_TOP_LEVEL = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions'];
const ICON_SIZES = [16, 32, 64, 80, 128];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CJK = /[\u4e00-\u9fff]/;

function parseXml(text: string): Document {
  return new DOMParser().parseFromString(text, 'application/xml');
}

function isWellFormed(doc: Document): boolean {
  return doc.getElementsByTagName('parsererror').length === 0;
}

const doc = parseXml(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
const app = doc.documentElement;

function all(ns: string, localName: string, within: Element | Document = doc): Element[] {
  return Array.from(within.getElementsByTagNameNS(ns, localName));
}

function one(ns: string, localName: string, within: Element | Document = doc): Element {
  const found = all(ns, localName, within);
  expect(found.map((el) => el.localName)).toEqual([localName]);
  return found[0];
}

function topLevel(localName: string): Element | undefined {
  return Array.from(app.children).find((el) => el.localName === localName);
}

function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS.xsi, 'type');
}

/** Resource elements of VersionOverrides by id: bt:Image, bt:Url and bt:String. */
function resources(): Map<string, Element> {
  const byId = new Map<string, Element>();
  for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings']) {
    for (const group of all(NS.bt, kind)) {
      for (const el of Array.from(group.children)) byId.set(el.getAttribute('id') ?? '', el);
    }
  }
  return byId;
}

function resourceKind(el: Element): string {
  return (el.parentElement as Element).localName;
}

/** Every URL the manifest names, in attributes or text. */
function urls(): string[] {
  const found: string[] = [];
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^[a-z]+:\/\//i.test(attr.value) && !attr.name.startsWith('xmlns')) found.push(attr.value);
    }
    const text = Array.from(el.childNodes).filter((n) => n.nodeType === n.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
    if (/^[a-z]+:\/\//i.test(text)) found.push(text);
  }
  return found;
}

/** The file a https://localhost:3000/… URL names: an asset copied as is, or a page webpack emits from src/taskpane. */
function sourceFileOf(url: string): string | undefined {
  const relative = decodeURI(new URL(url).pathname).replace(/^\//, '');
  return [path.join(ROOT, relative), path.join(ROOT, 'src', 'taskpane', relative)].find((file) => fs.existsSync(file));
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function iconFile(url: string): string {
  const file = sourceFileOf(url);
  if (!file) throw new Error(`no file for ${url}`);
  return file;
}

describe('manifest.xml is well-formed XML', () => {
  it('parses without errors', () => {
    expect(isWellFormed(doc)).toBe(true);
  });

  it('would be caught if it were not (the parser is strict)', () => {
    expect(isWellFormed(parseXml('<OfficeApp><Id>x</OfficeApp>'))).toBe(false);
    expect(isWellFormed(parseXml('<OfficeApp a="1" a="2"/>'))).toBe(false);
    expect(isWellFormed(parseXml('<OfficeApp>&nbsp;</OfficeApp>'))).toBe(false);
  });
});

describe('identity', () => {
  it('is an Excel task-pane add-in', () => {
    expect(app.namespaceURI).toBe(NS.office);
    expect(app.localName).toBe('OfficeApp');
    expect(xsiType(app)).toBe('TaskPaneApp');
    const hosts = topLevel('Hosts');
    expect(Array.from(hosts?.children ?? []).map((host) => host.getAttribute('Name'))).toEqual(['Workbook']);
  });

  it('has a fixed GUID id, a four-part version and a provider', () => {
    expect(topLevel('Id')?.textContent?.trim()).toMatch(GUID);
    expect(topLevel('Version')?.textContent?.trim()).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(topLevel('ProviderName')?.textContent?.trim()).not.toBe('');
  });

  it('lists its top-level elements in schema order', () => {
    const names = Array.from(app.children).map((el) => el.localName);
    for (const name of names) expect(SCHEMA_ORDER).toContain(name);
    const positions = names.map((name) => SCHEMA_ORDER.indexOf(name));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const name of REQUIRED_TOP_LEVEL) expect(names).toContain(name);
  });
});

describe('languages: Chinese by default, English overrides', () => {
  it('defaults to zh-CN', () => {
    expect(topLevel('DefaultLocale')?.textContent?.trim()).toBe('zh-CN');
  });

  it.each(['DisplayName', 'Description'])('%s is Chinese with an en-US override', (name) => {
    const el = topLevel(name) as Element;
    expect(el.getAttribute('DefaultValue')).toMatch(CJK);
    const overrides = all(NS.office, 'Override', el);
    expect(overrides.map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
    expect(overrides[0].getAttribute('Value')).toMatch(/^[\x20-\x7e]+$/);
    expect((el.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(name === 'DisplayName' ? 125 : 250);
  });

  it('every ribbon string is Chinese with an en-US override, within its length limit', () => {
    const strings = [...all(NS.bt, 'ShortStrings'), ...all(NS.bt, 'LongStrings')].flatMap((group) => Array.from(group.children));
    expect(strings.length).toBeGreaterThan(0);
    for (const el of strings) {
      const limit = resourceKind(el) === 'ShortStrings' ? 125 : 250;
      expect(el.getAttribute('DefaultValue')).toMatch(CJK);
      const overrides = all(NS.bt, 'Override', el);
      expect(overrides.map((o) => o.getAttribute('Locale'))).toEqual(['en-US']);
      for (const value of [el.getAttribute('DefaultValue') ?? '', overrides[0].getAttribute('Value') ?? '']) {
        expect(value.trim()).not.toBe('');
        expect(value.length).toBeLessThanOrEqual(limit);
      }
    }
  });
});

describe('permissions and requirements', () => {
  it('asks for ReadWriteDocument and no other domains', () => {
    expect(topLevel('Permissions')?.textContent?.trim()).toBe('ReadWriteDocument');
    expect(all(NS.office, 'AppDomain')).toEqual([]);
  });

  it('requires exactly the requirement sets src/excel/requirements.ts declares', () => {
    const sets = one(NS.office, 'Sets', topLevel('Requirements'));
    expect(sets.getAttribute('DefaultMinVersion')).toBe('1.1');
    const declared = all(NS.office, 'Set', sets).map((set) => ({
      name: set.getAttribute('Name'),
      minVersion: set.getAttribute('MinVersion'),
    }));
    expect(declared).toEqual(REQUIRED_SETS.map(({ name, minVersion }) => ({ name, minVersion })));
  });
});

describe('URLs and files', () => {
  it('serves every URL from https://localhost:3000, naming a file that exists', () => {
    const found = urls();
    expect(found).toContain(`${ORIGIN}taskpane.html`);
    for (const url of found) {
      expect(url.startsWith(ORIGIN)).toBe(true);
      expect([url, sourceFileOf(url)]).toEqual([url, expect.any(String)]);
    }
  });

  it('names pages that webpack emits under the same name', () => {
    const config = fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
    for (const url of urls().filter((u) => u.endsWith('.html'))) {
      const page = new URL(url).pathname.slice(1);
      expect(fs.existsSync(path.join(ROOT, 'src', 'taskpane', page))).toBe(true);
      expect(config).toContain(`filename: '${page}'`);
    }
  });

  it('opens the same page from the ribbon as by default', () => {
    const source = one(NS.office, 'SourceLocation', topLevel('DefaultSettings'));
    expect(source.getAttribute('DefaultValue')).toBe(`${ORIGIN}taskpane.html`);
  });
});

describe('icons', () => {
  it.each(ICON_SIZES)('assets/icon-%i.png is a PNG of that size', (size) => {
    expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
  });

  it('IconUrl is 32 px and HighResolutionIconUrl 64 px', () => {
    expect(pngSize(iconFile(topLevel('IconUrl')?.getAttribute('DefaultValue') ?? ''))).toEqual({ width: 32, height: 32 });
    expect(pngSize(iconFile(topLevel('HighResolutionIconUrl')?.getAttribute('DefaultValue') ?? ''))).toEqual({ width: 64, height: 64 });
  });

  it('every ribbon image has the pixel size its size attribute states', () => {
    const byId = resources();
    const images = all(NS.overrides, 'Icon').flatMap((icon) => all(NS.bt, 'Image', icon));
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      const size = Number(image.getAttribute('size'));
      const resource = byId.get(image.getAttribute('resid') ?? '') as Element;
      expect(resourceKind(resource)).toBe('Images');
      expect(pngSize(iconFile(resource.getAttribute('DefaultValue') ?? ''))).toEqual({ width: size, height: size });
    }
  });
});

describe('ribbon', () => {
  const overrides = topLevel('VersionOverrides') as Element;

  it('uses VersionOverrides 1.0 for an Excel workbook on the desktop form factor (web, Windows, Mac)', () => {
    expect(overrides.namespaceURI).toBe(NS.overrides);
    expect(xsiType(overrides)).toBe('VersionOverridesV1_0');
    const host = one(NS.overrides, 'Host', one(NS.overrides, 'Hosts', overrides));
    expect(xsiType(host)).toBe('Workbook');
    one(NS.overrides, 'DesktopFormFactor', host);
  });

  it('has a Home-tab button that shows the task pane, and no function file', () => {
    const point = one(NS.overrides, 'ExtensionPoint', overrides);
    expect(xsiType(point)).toBe('PrimaryCommandSurface');
    const tab = one(NS.overrides, 'OfficeTab', point);
    expect(tab.getAttribute('id')).toBe('TabHome');
    const button = one(NS.overrides, 'Control', one(NS.overrides, 'Group', tab));
    expect(xsiType(button)).toBe('Button');
    const action = one(NS.overrides, 'Action', button);
    expect(xsiType(action)).toBe('ShowTaskpane');
    const url = resources().get(one(NS.overrides, 'SourceLocation', action).getAttribute('resid') ?? '');
    expect(url?.getAttribute('DefaultValue')).toBe(`${ORIGIN}taskpane.html`);
    expect(all(NS.overrides, 'FunctionFile')).toEqual([]);
  });

  it('every resid names a resource of the right kind; ids are unique and at most 32 characters', () => {
    const byId = resources();
    const ids = [...all(NS.bt, 'Images'), ...all(NS.bt, 'Urls'), ...all(NS.bt, 'ShortStrings'), ...all(NS.bt, 'LongStrings')]
      .flatMap((group) => Array.from(group.children))
      .map((el) => el.getAttribute('id') ?? '');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);

    const expectedKind: Record<string, string> = { Image: 'Images', SourceLocation: 'Urls', Label: 'ShortStrings', Title: 'ShortStrings', Description: 'LongStrings' };
    const referrers = Array.from(overrides.getElementsByTagName('*')).filter((el) => el.hasAttribute('resid'));
    expect(referrers.length).toBeGreaterThan(0);
    for (const el of referrers) {
      const resource = byId.get(el.getAttribute('resid') ?? '');
      expect([el.localName, el.getAttribute('resid'), resource && resourceKind(resource)]).toEqual([
        el.localName,
        el.getAttribute('resid'),
        expectedKind[el.localName],
      ]);
    }
  });

  it('group and control ids are unique', () => {
    const ids = [...all(NS.overrides, 'Group'), ...all(NS.overrides, 'Control')].map((el) => el.getAttribute('id'));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
