/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { readTargetTable } from '../../core/layout/reader';
import { writeTargetTable } from '../../core/layout/writer';
import { TargetTable } from '../../core/model';
import { sheetToGrid } from '../../core/sheet';
import { seedTables } from '../../../test/support/seed';
import { DocumentPort } from '../documents';
import { I18nProvider, Language } from '../i18n';
import { WorkbookState } from '../port';
import { DocumentExport, exportFileName } from './DocumentExport';

const tables = seedTables().map((input, i) => readTargetTable(sheetToGrid(writeTargetTable(input)), `项目${i + 1}`) as TargetTable);
const state: WorkbookState = { tables, findings: [], ready: true };
const port = (canDownload: boolean): DocumentPort => ({
  insertTables: jest.fn(),
  insertDepartment: jest.fn(),
  readDepartment: jest.fn(),
  loadDepartment: jest.fn(),
  rewriteDepartment: jest.fn(),
  canDownload,
});
const show = (canDownload: boolean, language: Language = 'zh-CN') =>
  render(
    <I18nProvider initialLanguage={language}>
      <DocumentExport documents={port(canDownload)} state={state} />
    </I18nProvider>,
  );

describe('导出公开文档', () => {
  it('offers the export where the host downloads files', () => {
    show(true);
    expect(screen.getByRole('button', { name: '导出公开文档' })).toBeTruthy();
  });

  it('says where Excel does not allow downloads, and points to the command line, in both languages', () => {
    show(false);
    expect(screen.queryByRole('button', { name: '导出公开文档' })).toBeNull();
    expect(screen.getByText(/此 Excel 不允许加载项下载文件。.*budget-targets export/)).toBeTruthy();
  });

  it('in English too', () => {
    show(false, 'en');
    expect(screen.getByText(/This Excel does not let add-ins download files\./)).toBeTruthy();
  });

  it('names the file after the department and the year', () => {
    expect(exportFileName(state)).toBe('乐亭县新寨镇人民政府2022年绩效目标公开文档.docx');
  });
});
