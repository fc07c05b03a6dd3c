/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import * as fs from 'fs';
import { SEED_JSON_PATH } from '../../../test/support/seed';
import { I18nProvider } from '../i18n';
import { JsonImport } from './JsonImport';

function show(insertTables = jest.fn().mockImplementation(async (tables: unknown[]) => tables.map((_, i) => `项目${i + 1}`))) {
  render(
    <I18nProvider initialLanguage="zh-CN">
      <JsonImport insertTables={insertTables} />
    </I18nProvider>,
  );
  return insertTables;
}

function choose(name: string, text: string) {
  fireEvent.change(screen.getByLabelText('选择 JSON 文件'), { target: { files: [new File([text], name, { type: 'application/json' })] } });
}

describe('JsonImport', () => {
  it('lists the tables of the seed document and inserts them all', async () => {
    const insertTables = show();
    choose('xinzhai-2022-targets.json', fs.readFileSync(SEED_JSON_PATH, 'utf8'));
    await screen.findByText('“xinzhai-2022-targets.json”中有 10 张表：');
    expect(screen.getByText('2022年人大之家工作经费')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '插入这 10 张表' })));
    expect(insertTables).toHaveBeenCalledTimes(1);
    const tables = insertTables.mock.calls[0][0];
    expect(tables).toHaveLength(10);
    expect(tables[8]).toMatchObject({ code: expect.stringMatching(/^13022522P/), spendingPlan: ['25%', '25%', '25%', '25%'] });
    expect(screen.getByText(/^已插入工作表：项目1、项目2/)).toBeTruthy();
  });

  it('says what is wrong with a file that is not JSON or not tables', async () => {
    const insertTables = show();
    choose('notes.json', '{"tables": [');
    await screen.findByText(/^不是有效的 JSON 文件/);
    choose('other.json', '{"name": "x"}');
    await screen.findByText('expected a list of tables, or an object with "tables" or "projects"');
    expect(screen.queryByRole('button', { name: /^插入这/ })).toBeNull();
    expect(insertTables).not.toHaveBeenCalled();
  });

  it('opens the file chooser from a keyboard-reachable button', () => {
    show();
    const input = screen.getByLabelText('选择 JSON 文件') as HTMLInputElement;
    const click = jest.spyOn(input, 'click');
    fireEvent.click(screen.getByRole('button', { name: '选择 JSON 文件' }));
    expect(click).toHaveBeenCalled();
  });

  it('shows a failed insert as a message', async () => {
    show(jest.fn().mockRejectedValue(new Error('too many sheets')));
    choose('t.json', JSON.stringify([{ code: 'X', name: '表一', spendingPlan: ['25%', '50%', '75%', '100%'], indicators: [] }]));
    await waitFor(() => screen.getByRole('button', { name: '插入这 1 张表' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '插入这 1 张表' })));
    expect(screen.getByText('too many sheets')).toBeTruthy();
  });
});
