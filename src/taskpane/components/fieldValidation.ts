/** A form field's findings as Fluent Field validation props: the worst severity and every message. */
import { FieldProps } from '@fluentui/react-components';
import { Finding } from '../../core/finding';
import { Language, findingMessage, translator } from '../i18n';

export function fieldValidation(
  findings: readonly Finding[] | undefined,
  language: Language,
): Pick<FieldProps, 'validationState' | 'validationMessage'> {
  if (!findings || findings.length === 0) return {};
  const state = findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : 'none';
  return { validationState: state, validationMessage: findings.map((f) => findingMessage(f, language)).join(translator(language)('listSeparator')) };
}
