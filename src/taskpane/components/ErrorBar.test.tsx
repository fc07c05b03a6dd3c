/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider } from '../i18n';
import { ErrorBar, errorText } from './ErrorBar';

describe('errorText', () => {
  it('reads the message of whatever was thrown', () => {
    expect(errorText(new Error('The requested resource doesn’t exist.'))).toBe('The requested resource doesn’t exist.');
    expect(errorText('rejected')).toBe('rejected');
    expect(errorText({ code: 'ItemNotFound', message: 'not found' })).toBe('not found');
    expect(errorText(42)).toBe('42');
  });

  it('takes the Excel layer’s message in the pane’s language', () => {
    const error = Object.assign(new Error('This version of Excel cannot run the add-in'), {
      hostMessage: { zh: '此版本的 Excel 不支持本加载项', en: 'This version of Excel cannot run the add-in' },
    });
    expect(errorText(error, 'zh-CN')).toBe('此版本的 Excel 不支持本加载项');
    expect(errorText(error, 'en')).toBe('This version of Excel cannot run the add-in');
  });
});

describe('ErrorBar', () => {
  it('shows nothing without an error', () => {
    const { container } = render(<ErrorBar error={undefined} />);
    expect(container.innerHTML).toBe('');
  });

  it('shows the error under a title, and can be dismissed', () => {
    const onDismiss = jest.fn();
    render(
      <I18nProvider initialLanguage="en">
        <ErrorBar error={new Error('InvalidArgument')} onDismiss={onDismiss} />
      </I18nProvider>,
    );
    expect(screen.getByText('Something went wrong')).toBeTruthy();
    expect(screen.getByText('InvalidArgument')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalled();
  });
});
