import type { Message } from '../../analysis/index.js';
import { useI18n } from './I18n.js';

/** Messages of the core, translated by code; the code stays visible so users can quote it. */
export function MessageList({ messages }: { messages: Message[] }) {
  const { t, core } = useI18n();
  if (!messages.length) return null;
  return (
    <ul className="messages">
      {messages.map((m, i) => {
        const { text, action } = core(m);
        return (
          <li key={`${m.code}-${i}`} className={`message message-${m.severity}`} role={m.severity === 'error' ? 'alert' : undefined}>
            <span className="message-severity">{t(`msg.${m.severity}`)}</span> <code className="message-code">{m.code}</code>
            <p className="message-text">{text}</p>
            <p className="message-action">
              <strong>{t('msg.action')}</strong> {action}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
