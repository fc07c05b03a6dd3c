import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { HostMessage } from '../port';

/** What the host says about itself (a degraded Excel, a stored profile it could not use), until the officer dismisses it. */
export function HostNotices({ notices }: { notices: readonly HostMessage[] }) {
  const { t, language } = useI18n();
  // By text, so that a notice that changes (a new profile problem) shows again.
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  return (
    <>
      {notices
        .filter((n) => !dismissed.has(n.zh))
        .map((n) => (
          <MessageBar key={n.zh} intent="warning" layout="multiline" data-testid="host-notice">
            <MessageBarBody>
              <MessageBarTitle>{t('noticeTitle')}</MessageBarTitle>
              {language === 'en' ? n.en : n.zh}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => setDismissed(new Set([...dismissed, n.zh]))}>
                {t('dismiss')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ))}
    </>
  );
}
