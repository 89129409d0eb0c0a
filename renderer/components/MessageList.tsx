import type { Message } from '../../analysis/index.js';
import { useI18n } from './I18n.js';

/**
 * Messages of the core, translated by code; the code stays visible so users can quote it. A plain
 * list (ul > li only): an item with a role of its own (alert) is no list item, and axe-core reports
 * the list as invalid; where an error must be announced, the container is the live region (App.tsx).
 */
export function MessageList({ messages, onApply }: { messages: Message[]; onApply?: (m: Message) => (() => void) | null }) {
  const { t, core } = useI18n();
  if (!messages.length) return null;
  return (
    <ul className="messages">
      {messages.map((m, i) => {
        const { text, action } = core(m);
        // A finding whose advice the app can follow itself (CATEGORY_SPELLINGS's recode: the only one so far): one button.
        const apply = onApply?.(m);
        return (
          <li key={`${m.code}-${i}`} className={`message message-${m.severity}`}>
            <span className="message-severity">{t(`msg.${m.severity}`)}</span> <code className="message-code">{m.code}</code>
            <p className="message-text">{text}</p>
            <p className="message-action">
              <strong>{t('msg.action')}</strong> {action}
            </p>
            {apply && <button type="button" className="message-apply" onClick={apply}>{t('msg.apply.CATEGORY_SPELLINGS')}</button>}
          </li>
        );
      })}
    </ul>
  );
}
