import { languageFor, translator } from './i18n';

describe('the pane language', () => {
  it('is English for an English Office, Chinese for any other', () => {
    expect(languageFor('en-US')).toBe('en');
    expect(languageFor('en-GB')).toBe('en');
    expect(languageFor('zh-CN')).toBe('zh-CN');
    expect(languageFor('zh-TW')).toBe('zh-CN');
    expect(languageFor('fr-FR')).toBe('zh-CN');
    expect(languageFor(undefined)).toBe('zh-CN');
  });
});

describe('the catalogue', () => {
  it('fills in the values of a message', () => {
    expect(translator('zh-CN')('inserted', { sheets: '项目1、项目2' })).toBe('已插入工作表：项目1、项目2');
    expect(translator('en')('verdictNotReadyDetail', { n: 3 })).toBe('Errors to fix: 3.');
  });

  it('leaves a placeholder without a value visible rather than blank', () => {
    expect(translator('en')('goTo')).toBe('Go to {cell}');
  });
});
