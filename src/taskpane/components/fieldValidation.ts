/**
 * A form field's findings as Fluent Field validation props: the worst severity and one message per
 * cell (the first of the worst severity; two rules on one cell would otherwise say the same thing twice).
 */
import { FieldProps } from '@fluentui/react-components';
import { Finding } from '../../core/finding';
import { Language, findingMessage } from '../i18n';

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** The finding a field shows: errors before warnings before hints, in the core's order otherwise. */
export function worstFinding(findings: readonly Finding[] | undefined): Finding | undefined {
  if (!findings || findings.length === 0) return undefined;
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity])[0];
}

export function fieldValidation(
  findings: readonly Finding[] | undefined,
  language: Language,
  { withMessage = true }: { withMessage?: boolean } = {},
): Pick<FieldProps, 'validationState' | 'validationMessage'> {
  const worst = worstFinding(findings);
  if (!worst) return {};
  const state = worst.severity === 'error' ? 'error' : worst.severity === 'warning' ? 'warning' : 'none';
  return withMessage ? { validationState: state, validationMessage: findingMessage(worst, language) } : { validationState: state };
}
