import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Language, MessageKey, useI18n } from '../i18n';

interface Bilingual {
  hostMessage: { zh: string; en: string };
}
const isBilingual = (e: unknown): e is Bilingual =>
  typeof e === 'object' && e !== null && 'hostMessage' in e && typeof (e as Bilingual).hostMessage?.zh === 'string';

/**
 * The text of anything thrown: an error the Excel layer words in both languages (`hostMessage`)
 * in the pane's language; Office's errors and others by their message; a rejected string as is.
 */
export function errorText(error: unknown, language: Language = 'zh-CN'): string {
  if (isBilingual(error)) return language === 'en' ? error.hostMessage.en : error.hostMessage.zh;
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

/** An error from the workbook, shown where it happened instead of a blank pane. */
export function ErrorBar({ error, onDismiss, title = 'errorTitle' }: { error: unknown; onDismiss?: () => void; title?: MessageKey }) {
  const { t, language } = useI18n();
  if (error === undefined) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(title)}</MessageBarTitle>
        {errorText(error, language)}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions>
          <Button size="small" onClick={onDismiss}>
            {t('dismiss')}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
