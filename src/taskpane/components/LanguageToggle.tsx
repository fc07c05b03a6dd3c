import { Button } from '@fluentui/react-components';
import { useI18n } from '../i18n';

/** Switches the pane between Chinese and English (Office's language decides at start). */
export function LanguageToggle() {
  const { t, language, setLanguage } = useI18n();
  const other = language === 'en' ? 'zh-CN' : 'en';
  return (
    <Button size="small" appearance="subtle" lang={other} aria-label={t('switchLanguageLabel')} onClick={() => setLanguage(other)}>
      {t('switchLanguage')}
    </Button>
  );
}
