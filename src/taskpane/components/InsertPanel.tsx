import { Divider } from '@fluentui/react-components';
import { TargetTable } from '../../core/model';
import { Profile } from '../../core/profile';
import { WorkbookPort } from '../port';
import { JsonImport } from './JsonImport';
import { TableForm } from './TableForm';

/** The 新建目标表 tab: the form for one table, and the import of several from a JSON file. Loaded after the first verdict. */
export function InsertPanel({ insertTables, profile, tables }: { insertTables: WorkbookPort['insertTables']; profile: Profile; tables: readonly TargetTable[] }) {
  return (
    <>
      <TableForm insertTables={insertTables} profile={profile} tables={tables} />
      <Divider />
      <JsonImport insertTables={insertTables} />
    </>
  );
}
